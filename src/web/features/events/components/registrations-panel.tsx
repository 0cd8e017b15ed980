// Managers: the registrations of an event, filtered by status and words, with attendance and cancel actions.
import {
  Alert,
  Button,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationRow, RegistrationStatus } from '../../../../shared/events.js';
import { REGISTRATION_STATUSES } from '../../../../shared/events-constants.js';
import { PhoneCardList } from '../../../components/ui/phone-card-list.js';
import { useCancelRegistration } from '../api/cancel-registration.js';
import { useRegistrations } from '../api/list-registrations.js';
import { useUpdateRegistration } from '../api/update-registration.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { eventErrorText, useEventLabels } from './labels.js';
import { RegistrationBadge } from './status-badge.js';

function RowActions({ eventId, row }: { eventId: string; row: RegistrationRow }) {
  const { t } = useTranslation(EVENTS_NS);
  const update = useUpdateRegistration(eventId);
  const cancel = useCancelRegistration(eventId);
  const ok = () => notifications.show({ color: 'teal', message: t('staff.updated') });
  const ko = (err: unknown) => notifications.show({ color: 'red', message: eventErrorText(err, t) });
  const set = (status: 'confirmed' | 'attended' | 'no_show') =>
    update.mutate({ registrationId: row.id, status }, { onSuccess: ok, onError: ko });
  const seated = ['confirmed', 'attended', 'no_show'].includes(row.status);
  const live = ['confirmed', 'waitlisted', 'pending'].includes(row.status);
  if (!seated && !live) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          loading={update.isPending || cancel.isPending}
          aria-label={t('staff.actionsFor', { name: row.name })}
        >
          {t('staff.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {seated && row.status !== 'attended' && (
          <Menu.Item onClick={() => set('attended')}>{t('staff.markAttended')}</Menu.Item>
        )}
        {seated && row.status !== 'no_show' && (
          <Menu.Item onClick={() => set('no_show')}>{t('staff.markNoShow')}</Menu.Item>
        )}
        {seated && row.status !== 'confirmed' && (
          <Menu.Item onClick={() => set('confirmed')}>{t('staff.confirm')}</Menu.Item>
        )}
        {live && (
          <Menu.Item c="red.9" onClick={() => cancel.mutate(row.id, { onSuccess: ok, onError: ko })}>
            {t('staff.cancelRegistration')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function answersOf(row: RegistrationRow, t: (k: string) => string) {
  const a = row.answers;
  return [
    a.accessibility && `${t('questions.accessibility')}: ${a.accessibility}`,
    a.interpretation && `${t('questions.interpretation')}: ${a.interpretation}`,
    a.dietary && `${t('questions.dietary')}: ${a.dietary}`,
    a.freeText && `${t('questions.free_text')}: ${a.freeText}`,
  ].filter(Boolean) as string[];
}

export function RegistrationsPanel({ eventId, hybrid }: { eventId: string; hybrid: boolean }) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const labels = useEventLabels();
  const [status, setStatus] = useState<RegistrationStatus | ''>('');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const search = useMemo(
    () => ({ status: status ? [status] : [], q: debounced.trim() }),
    [status, debounced],
  );
  const list = useRegistrations(eventId, search);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts;

  const statusOptions = [
    { value: '', label: t('staff.allStatuses') },
    ...REGISTRATION_STATUSES.map((s) => ({
      value: s,
      label: counts ? `${labels.status(s)} (${f.number(counts[s] ?? 0)})` : labels.status(s),
    })),
  ];

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" grow preventGrowOverflow={false}>
        <Select
          label={t('staff.filterStatus')}
          data={statusOptions}
          value={status}
          onChange={(v) => setStatus((v ?? '') as RegistrationStatus | '')}
          allowDeselect={false}
          maw={320}
        />
        <TextInput
          type="search"
          label={t('staff.searchPeople')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          maxLength={200}
        />
      </Group>
      {list.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(list.error, t)}</Text>
        </Alert>
      )}
      {list.data && rows.length === 0 && <Text c="gray.8">{t('staff.noRegistrations')}</Text>}
      {rows.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table verticalSpacing="sm" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.person')}</Table.Th>
                  <Table.Th>{t('staff.organisation')}</Table.Th>
                  <Table.Th>{t('staff.status')}</Table.Th>
                  <Table.Th>{t('staff.registeredAt')}</Table.Th>
                  <Table.Th>{t('staff.answers')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('staff.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {r.name}
                      </Text>
                      <Text size="xs" c="gray.8" dir="ltr" ta="start">
                        {r.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.organisationName ?? '—'}</Text>
                      {r.regionName && (
                        <Text size="xs" c="gray.8">
                          {r.regionName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <RegistrationBadge status={r.status} size="sm" />
                        {hybrid && (
                          <Text size="xs" c="gray.8">
                            {labels.mode(r.mode)}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.dateTime(r.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {answersOf(r, t).map((a) => (
                        <Text key={a} size="xs">
                          {a}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <RowActions eventId={eventId} row={r} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PhoneCardList label={t('staff.tabRegistrations')}>
            {rows.map((r) => (
              <Paper key={r.id} component="li" withBorder radius="md" p="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                      {r.name}
                    </Text>
                    <Text size="xs" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                      {r.organisationName ?? r.email}
                    </Text>
                    <RegistrationBadge status={r.status} size="sm" />
                  </Stack>
                  <RowActions eventId={eventId} row={r} />
                </Group>
              </Paper>
            ))}
          </PhoneCardList>
        </>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common:actions.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
