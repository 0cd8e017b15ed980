// Staff: every event, with the proposals of member organisations to publish or send back.
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EventStatus, EventSummary } from '../../../shared/events.js';
import { useEventList } from '../../features/events/api/list-events.js';
import { useSetEventStatus } from '../../features/events/api/set-event-status.js';
import { EventCard } from '../../features/events/components/event-card.js';
import { eventErrorText, useEventLabels } from '../../features/events/components/labels.js';
import { TrustedOrganisers } from '../../features/events/components/trusted-organisers.js';
import { EVENTS_NS } from '../../features/events/messages.js';
import { StaffPage } from '../../features/staff/components/staff-only.js';

const TABS = ['review', 'upcoming', 'past'] as const;
type Tab = (typeof TABS)[number];
const ALL: EventStatus[] = ['draft', 'proposed', 'published', 'cancelled'];

function Actions({ event, onReject }: { event: EventSummary; onReject: (e: EventSummary) => void }) {
  const { t } = useTranslation(EVENTS_NS);
  const status = useSetEventStatus();
  const title = useEventLabels().title(event).text;
  return (
    <Group gap="xs" role="group" aria-label={t('staff.actionsFor', { name: title })}>
      {event.status === 'proposed' && (
        <>
          <Button
            size="xs"
            loading={status.isPending}
            onClick={() =>
              status.mutate(
                { id: event.id, status: 'published' },
                {
                  onSuccess: () => notifications.show({ color: 'teal', message: t('staff.published') }),
                  onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
                },
              )
            }
          >
            {t('staff.publish')}
          </Button>
          <Button size="xs" variant="outline" color="red" c="red.9" onClick={() => onReject(event)}>
            {t('staff.reject')}
          </Button>
        </>
      )}
      <Button size="xs" variant="default" component={Link} to={`/staff/events/${event.id}`}>
        {t('staff.manage')}
      </Button>
      <Button size="xs" variant="default" component={Link} to={`/staff/events/${event.id}/edit`}>
        {t('staff.edit')}
      </Button>
      {event.status === 'published' && (
        <Button size="xs" variant="default" component={Link} to={`/staff/events/${event.id}/check-in`}>
          {t('staff.checkIn')}
        </Button>
      )}
    </Group>
  );
}

function Page() {
  const { t } = useTranslation(EVENTS_NS);
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'upcoming';
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const search = useMemo(
    () => ({
      q: debounced.trim() || undefined,
      status: tab === 'review' ? (['proposed'] as EventStatus[]) : ALL,
      when: tab === 'past' ? ('past' as const) : tab === 'review' ? ('all' as const) : ('upcoming' as const),
      limit: 30,
    }),
    [tab, debounced],
  );
  const list = useEventList(search);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [rejecting, setRejecting] = useState<EventSummary | null>(null);
  const [note, setNote] = useState('');
  const [opened, { open, close }] = useDisclosure(false);
  const status = useSetEventStatus();
  const labels = useEventLabels();

  useEffect(() => {
    document.title = `${t('staff.title')} · Trama`;
  }, [t]);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label={t('staff.status')}
          value={tab}
          onChange={(v) => setParams(v === 'upcoming' ? {} : { tab: v }, { replace: true })}
          data={[
            { value: 'review', label: t('staff.toReview') },
            { value: 'upcoming', label: t('staff.upcoming') },
            { value: 'past', label: t('staff.past') },
          ]}
        />
        <Button component={Link} to="/staff/events/new">
          {t('staff.create')}
        </Button>
      </Group>
      <TextInput
        type="search"
        label={t('list.searchLabel')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maxLength={200}
      />
      {list.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(list.error, t)}</Text>
        </Alert>
      )}
      {list.isPending && <Skeleton h={140} radius="md" aria-hidden />}
      {list.data && items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('staff.empty')}</Text>
        </Paper>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <li key={e.id}>
            <EventCard
              event={e}
              href={`/staff/events/${e.id}`}
              headingLevel={2}
              showStatus
              extra={
                <Stack gap={6}>
                  <Text size="sm" c="gray.8">
                    {t('staff.registrations')}:{' '}
                    {[e.seats.inPerson, e.seats.online]
                      .filter((s) => s !== null)
                      .reduce((n, s) => n + s.confirmed, 0)}
                    {e.waitlisted > 0 ? ` · ${t('staff.waitlist')}: ${e.waitlisted}` : ''}
                  </Text>
                  <Actions
                    event={e}
                    onReject={(ev) => {
                      setRejecting(ev);
                      setNote('');
                      open();
                    }}
                  />
                </Stack>
              }
            />
          </li>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Group>
      )}
      <TrustedOrganisers />
      <Modal
        opened={opened}
        onClose={close}
        title={rejecting ? labels.title(rejecting).text : t('staff.reject')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!rejecting) return;
            status.mutate(
              { id: rejecting.id, status: 'draft', note: note.trim() || undefined },
              {
                onSuccess: () => {
                  close();
                  notifications.show({ color: 'teal', message: t('staff.rejected') });
                },
                onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
              },
            );
          }}
        >
          <Stack gap="md">
            <Textarea
              label={t('staff.rejectReason')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={4000}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" color="red" loading={status.isPending}>
                {t('staff.reject')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

export function Component() {
  return (
    <StaffPage ns={EVENTS_NS} prefix="staff.">
      <Page />
    </StaffPage>
  );
}
