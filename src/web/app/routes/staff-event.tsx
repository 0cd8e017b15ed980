// Managers (staff, or the organising organisation): one event's registrations, attendance figures,
// feedback and materials, with publish/cancel and the participants export.
import { Alert, Anchor, Button, Group, Modal, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useEvent } from '../../features/events/api/get-event.js';
import { useSetEventStatus } from '../../features/events/api/set-event-status.js';
import { AuditPanel } from '../../features/events/components/audit-panel.js';
import { FeedbackPanel } from '../../features/events/components/feedback-panel.js';
import { FiguresPanel } from '../../features/events/components/figures-panel.js';
import { useEventFormat } from '../../features/events/components/format.js';
import { eventErrorText, useEventLabels } from '../../features/events/components/labels.js';
import { MaterialsPanel } from '../../features/events/components/materials-panel.js';
import { RegistrationsPanel } from '../../features/events/components/registrations-panel.js';
import { EventStatusBadge } from '../../features/events/components/status-badge.js';
import { EVENTS_NS } from '../../features/events/messages.js';

const TABS = ['registrations', 'attendance', 'feedback', 'materials', 'history'] as const;
type Tab = (typeof TABS)[number];

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const event = useEvent(id);
  const labels = useEventLabels();
  const f = useEventFormat();
  const status = useSetEventStatus();
  const [cancelling, { open: askCancel, close: closeCancel }] = useDisclosure(false);
  const [note, setNote] = useState('');
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'registrations';

  const title = event.data ? labels.title(event.data).text : t('staff.title');
  useEffect(() => {
    document.title = `${title} · Trama`;
  }, [title]);

  if (session.isPending || event.isPending) return <PageLoader />;
  if (!session.data?.user) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (event.isError || !event.data.viewer.canManage) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('staff.title')}</Title>
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">
            {event.isError ? eventErrorText(event.error, t) : t('common:errors.FORBIDDEN')}
          </Text>
        </Alert>
      </Stack>
    );
  }
  const e = event.data;
  const started = Date.parse(e.startsAt) <= Date.now();
  const changeStatus = (to: 'published' | 'cancelled' | 'proposed', message: string, n?: string) =>
    status.mutate(
      { id: e.id, status: to, note: n },
      {
        onSuccess: () => {
          closeCancel();
          notifications.show({ color: 'teal', message });
        },
        onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
      },
    );

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Anchor component={Link} to="/staff/events" size="sm" c="teal.9">
        {t('staff.title')}
      </Anchor>
      <Stack gap={6}>
        <Group gap="xs">
          <EventStatusBadge status={e.status} />
          <Text size="sm" c="gray.8">
            {labels.kind(e.kind)} · {labels.format(e.format)}
          </Text>
        </Group>
        <Title order={1} fz={{ base: 26, sm: 32 }} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Text c="gray.8">{f.range(e.startsAt, e.endsAt, e.timeZone)}</Text>
        {e.organiser.kind === 'organisation' && (
          <Text size="sm">{t('staff.proposedBy', { name: e.organiser.name })}</Text>
        )}
      </Stack>

      <Group gap="xs">
        {e.status !== 'published' && e.status !== 'cancelled' && e.viewer.canPublish && (
          <Button loading={status.isPending} onClick={() => changeStatus('published', t('staff.published'))}>
            {t('staff.publish')}
          </Button>
        )}
        {e.status === 'draft' && !e.viewer.canPublish && e.organiser.kind === 'organisation' && (
          <Button loading={status.isPending} onClick={() => changeStatus('proposed', t('editor.proposed'))}>
            {t('editor.submitProposal')}
          </Button>
        )}
        <Button component={Link} to={`/events/${e.id}`} variant="default">
          {t('staff.view')}
        </Button>
        {e.status !== 'cancelled' && (
          <Button component={Link} to={`/staff/events/${e.id}/edit`} variant="default">
            {t('staff.edit')}
          </Button>
        )}
        {e.status === 'published' && (
          <Button component={Link} to={`/staff/events/${e.id}/check-in`} variant="default">
            {t('staff.checkIn')}
          </Button>
        )}
        <Button component="a" href={`/api/v1/events/${e.id}/participants.csv`} download variant="outline">
          {t('staff.exportCsv')}
        </Button>
        <Button component="a" href={`/api/v1/events/${e.id}/participants.xlsx`} download variant="outline">
          {t('staff.exportXlsx')}
        </Button>
        {e.status !== 'cancelled' && (
          <Button variant="subtle" color="red" c="red.9" onClick={askCancel}>
            {t('staff.cancelEvent')}
          </Button>
        )}
      </Group>

      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'registrations' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('staff.tabs')}>
          <Tabs.Tab value="registrations">{t('staff.tabRegistrations')}</Tabs.Tab>
          <Tabs.Tab value="attendance">{t('staff.tabAttendance')}</Tabs.Tab>
          <Tabs.Tab value="feedback">{t('staff.tabFeedback')}</Tabs.Tab>
          <Tabs.Tab value="materials">{t('staff.tabMaterials')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('staff.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="registrations" pt="md">
          <RegistrationsPanel eventId={e.id} hybrid={e.format === 'hybrid'} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <FiguresPanel eventId={e.id} started={started} />
        </Tabs.Panel>
        <Tabs.Panel value="feedback" pt="md">
          <FeedbackPanel eventId={e.id} />
        </Tabs.Panel>
        <Tabs.Panel value="materials" pt="md">
          <MaterialsPanel eventId={e.id} materials={e.materials} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <AuditPanel eventId={e.id} />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={cancelling} onClose={closeCancel} title={t('staff.cancelEvent')}>
        <Stack gap="md">
          <Text>{t('staff.cancelEventConfirm')}</Text>
          <Textarea
            label={t('staff.rejectReason')}
            value={note}
            onChange={(ev) => setNote(ev.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={closeCancel}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={status.isPending}
              onClick={() => changeStatus('cancelled', t('staff.eventCancelled'), note.trim() || undefined)}
            >
              {t('staff.cancelEvent')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
