// Staff: the organisations whose events go live without review, added and removed here.
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetTrusted, useTrustedOrganisers } from '../api/trusted-organisers.js';
import { EVENTS_NS } from '../messages.js';
import { eventErrorText } from './labels.js';
import { OrganisationPicker } from './organisation-picker.js';

export function TrustedOrganisers() {
  const { t } = useTranslation(EVENTS_NS);
  const list = useTrustedOrganisers();
  const set = useSetTrusted();
  const [slug, setSlug] = useState<string | null>(null);
  const change = (s: string, trusted: boolean) =>
    set.mutate(
      { slug: s, trusted },
      {
        onSuccess: () => {
          setSlug(null);
          notifications.show({ color: 'teal', message: t('common:states.saved') });
        },
        onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
      },
    );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="trusted-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="trusted-title">
          {t('staff.trustedTitle')}
        </Title>
        <Text size="sm">{t('staff.trustedIntro')}</Text>
        {list.isError && (
          <Alert color="red" variant="light" role="alert">
            <Text c="red.9">{eventErrorText(list.error, t)}</Text>
          </Alert>
        )}
        {list.data && list.data.items.length === 0 && <Text c="gray.8">{t('staff.trustedEmpty')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {list.data.items.map((o) => (
              <Group key={o.slug} component="li" justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {o.name}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  onClick={() => change(o.slug, false)}
                  aria-label={t('staff.trustedRemove', { name: o.name })}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <Group align="flex-end" gap="sm">
          <div style={{ flex: '1 1 16rem' }}>
            <OrganisationPicker label={t('staff.trustedAdd')} value={slug} onChange={(s) => setSlug(s)} />
          </div>
          <Button onClick={() => slug && change(slug, true)} disabled={!slug} loading={set.isPending}>
            {t('staff.addMaterial')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
