// Who takes part in an engagement; the mentor, the organisation's admin and staff add members of the
// organisation (while the engagement is active) and remove them.
import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngagementDetail } from '../../../../shared/mentoring.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useCandidates } from '../api/list-candidates.js';
import { useParticipants } from '../api/participants.js';
import { MENTORING_NS } from '../messages.js';

export function ParticipantsSection({ e }: { e: EngagementDetail }) {
  const { t } = useTranslation(MENTORING_NS);
  const edit = e.can.editParticipants;
  const canAdd = edit && e.status === 'active';
  const candidates = useCandidates(e.id, canAdd);
  const { add, remove } = useParticipants(e.id);
  const [userId, setUserId] = useState('');
  const [added, setAdded] = useState(false);
  const inside = new Set(e.participants.map((p) => p.id));
  const free = (candidates.data?.items ?? []).filter((c) => !inside.has(c.id) && c.id !== e.mentor.id);

  return (
    <Stack gap="sm" component="section" aria-labelledby="participants-title">
      <Title order={2} id="participants-title">
        {t('engagement.participants')}
      </Title>
      {e.participants.length === 0 ? (
        <Text>{t('engagement.noParticipants')}</Text>
      ) : (
        <Stack gap={4} component="ul" m={0} ps="md" data-testid="mentoring-participants">
          {e.participants.map((p) => (
            <Group component="li" key={p.id} gap="xs" justify="space-between" wrap="nowrap">
              <Text style={{ overflowWrap: 'anywhere' }}>{p.name}</Text>
              {edit && (
                <Button
                  size="compact-xs"
                  variant="outline"
                  color="red.9"
                  aria-label={t('people.remove', { name: p.name })}
                  loading={remove.isPending && remove.variables === p.id}
                  onClick={() => remove.mutate(p.id)}
                >
                  {t('people.removeShort')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {canAdd && (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!userId) return;
            add.mutate(userId, {
              onSuccess: () => {
                setUserId('');
                setAdded(true);
              },
            });
          }}
        >
          {candidates.isError && <ErrorAlert error={candidates.error} />}
          {candidates.isSuccess && free.length === 0 ? (
            <Text size="sm" c="gray.8">
              {t('people.none')}
            </Text>
          ) : (
            <Group align="flex-end" gap="xs" wrap="wrap">
              <NativeSelect
                label={t('people.person')}
                value={userId}
                onChange={(ev) => {
                  setUserId(ev.currentTarget.value);
                  setAdded(false);
                }}
                data={[
                  { value: '', label: t('people.choose') },
                  ...free.map((c) => ({ value: c.id, label: c.name })),
                ]}
                style={{ flex: '1 1 12rem' }}
              />
              <Button type="submit" color="teal.9" disabled={!userId} loading={add.isPending}>
                {t('people.addButton')}
              </Button>
            </Group>
          )}
          {add.isError && <ErrorAlert error={add.error} />}
          {added && !add.isError && (
            <Text role="status" size="sm" c="teal.9" mt={4}>
              {t('people.added')}
            </Text>
          )}
        </form>
      )}
    </Stack>
  );
}
