// An engagement's page: who takes part, sessions (private notes for those who may read them), follow-up
// actions, session requests, the timeline, and the forms to record a session or to request one.
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import type { MentoringSession } from '../../../shared/mentoring.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useDeclineRequest } from '../../features/mentoring/api/decline-request.js';
import { useEngagement } from '../../features/mentoring/api/get-engagement.js';
import { useUpdateEngagement } from '../../features/mentoring/api/update-engagement.js';
import { ActionItem } from '../../features/mentoring/components/action-item.js';
import { formatDay, formatWhen } from '../../features/mentoring/components/format.js';
import { ParticipantsSection } from '../../features/mentoring/components/participants-section.js';
import { RequestForm } from '../../features/mentoring/components/request-form.js';
import { SessionForm } from '../../features/mentoring/components/session-form.js';
import { MENTORING_NS } from '../../features/mentoring/messages.js';
import { ApiError } from '../../lib/api-client.js';

function SessionCard({ s }: { s: MentoringSession }) {
  const { t, i18n } = useTranslation(MENTORING_NS);
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700} component="h3" m={0} fz="md">
            {formatWhen(s.startsAt, i18n.language, s.timeZone)}
          </Text>
          <Badge variant="light" color="teal" c="teal.9">
            {t(`formats.${s.format}`)}
          </Badge>
        </Group>
        <Text size="sm">{t('engagement.minutes', { count: s.durationMinutes })}</Text>
        {s.location && <Text size="sm">{t('engagement.where', { place: s.location })}</Text>}
        {s.participants.length > 0 && (
          <Text size="sm">
            {t('engagement.with', { names: s.participants.map((p) => p.name).join(', ') })}
          </Text>
        )}
        {s.private ? (
          <Stack gap={4}>
            {(
              [
                ['notes', s.private.notes],
                ['strengths', s.private.strengths],
                ['criticalIssues', s.private.criticalIssues],
              ] as const
            )
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <Text size="sm" fw={700}>
                    {t(`engagement.${k}`)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {v}
                  </Text>
                </div>
              ))}
          </Stack>
        ) : (
          <Text size="sm" c="gray.8" fs="italic">
            {t('engagement.privateHidden')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function Component() {
  const { t, i18n } = useTranslation(MENTORING_NS);
  const { id = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const q = useEngagement(id);
  const decline = useDeclineRequest(id);
  const update = useUpdateEngagement(id);
  const [form, setForm] = useState<null | { request?: { id: string; topic: string } }>(null);
  const e = q.data;
  useEffect(() => {
    document.title = `${e ? e.organisation.name : t('list.title')} · Trama`;
  }, [t, e]);
  if (session.isPending) return <PageLoader />;
  const user = session.data?.user;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (q.isPending) return <PageLoader />;
  if (q.isError || !e) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Stack maw={900} mx="auto">
        <Title order={1} style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
          {t('list.title')}
        </Title>
        {notFound ? <Text>{t('engagement.notFound')}</Text> : <ErrorAlert error={q.error} />}
      </Stack>
    );
  }
  const people = [e.mentor, ...e.participants];
  const lang = i18n.language;
  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={6}>
        <Title order={1}>
          {e.organisation.name}
          {e.subjectName ? ` · ${e.subjectName}` : ''}
        </Title>
        <Group gap={6}>
          <Badge variant="light" color="teal" c="teal.9">
            {t(`purposes.${e.purpose}`)}
          </Badge>
          <Badge variant="outline" color="gray" c="gray.9">
            {t(`statuses.${e.status}`)}
          </Badge>
          {e.subjectKind !== 'organisation' && (
            <Badge variant="outline" color="gray" c="gray.9">
              {t(`subjects.${e.subjectKind}`)}
            </Badge>
          )}
        </Group>
        <Text>{t('list.mentor', { name: e.mentor.name })}</Text>
        <Text c="gray.8">
          {e.endsOn
            ? t('list.periodTo', { from: formatDay(e.startsOn, lang), to: formatDay(e.endsOn, lang) })
            : t('list.period', { from: formatDay(e.startsOn, lang) })}
        </Text>
        {e.can.manage && (
          <Group gap="xs">
            {e.status === 'active' && !form && (
              <Button color="teal.9" onClick={() => setForm({})}>
                {t('sessionForm.title')}
              </Button>
            )}
            <Button
              variant="default"
              loading={update.isPending}
              onClick={() => update.mutate({ status: e.status === 'active' ? 'closed' : 'active' })}
            >
              {e.status === 'active' ? t('engagement.close') : t('engagement.reopenEngagement')}
            </Button>
          </Group>
        )}
        {update.isError && <ErrorAlert error={update.error} />}
      </Stack>

      {form && (
        <SessionForm
          engagementId={e.id}
          people={people}
          request={form.request}
          onDone={() => setForm(null)}
        />
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm" component="section" aria-labelledby="actions-title">
          <Title order={2} id="actions-title">
            {t('engagement.actions')}
          </Title>
          {e.actions.length === 0 ? (
            <Text>{t('engagement.noActions')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {e.actions.map((a) => (
                <ActionItem key={a.id} a={a} canToggle={e.can.manage || a.owner.id === user.id} />
              ))}
            </Stack>
          )}
        </Stack>
        <ParticipantsSection e={e} />
      </SimpleGrid>

      <Stack gap="sm" component="section" aria-labelledby="requests-title">
        <Title order={2} id="requests-title">
          {t('engagement.requests')}
        </Title>
        {e.requests.length === 0 ? (
          <Text>{t('engagement.noRequests')}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {e.requests.map((r) => (
              <Paper component="li" key={r.id} withBorder p="sm" radius="md">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{r.topic}</Text>
                  <Badge variant="light" color="yellow" c="dark.9">
                    {t(`requestStatuses.${r.status}`)}
                  </Badge>
                </Group>
                <Text size="sm">{t('engagement.requestedBy', { name: r.requestedBy.name })}</Text>
                <Text size="sm">
                  {t('engagement.preferred', {
                    dates: r.preferredDates.map((d) => formatDay(d, lang)).join(', '),
                  })}
                </Text>
                {r.note && <Text size="sm">{r.note}</Text>}
                {e.can.manage && r.status === 'open' && e.status === 'active' && (
                  <Group gap="xs" mt={6}>
                    <Button
                      size="xs"
                      color="teal.9"
                      onClick={() => setForm({ request: { id: r.id, topic: r.topic } })}
                    >
                      {t('engagement.schedule')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      loading={decline.isPending}
                      onClick={() => decline.mutate(r.id)}
                    >
                      {t('engagement.decline')}
                    </Button>
                  </Group>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        {decline.isError && <ErrorAlert error={decline.error} />}
      </Stack>

      {e.can.request && <RequestForm engagementId={e.id} />}

      <Stack gap="sm" component="section" aria-labelledby="sessions-title">
        <Title order={2} id="sessions-title">
          {t('engagement.sessions')}
        </Title>
        {e.sessions.length === 0 ? (
          <Text>{t('engagement.noSessions')}</Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {e.sessions.map((s) => (
              <SessionCard key={s.id} s={s} />
            ))}
          </Stack>
        )}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="timeline-title">
        <Title order={2} id="timeline-title">
          {t('engagement.timeline')}
        </Title>
        <Stack gap={6} component="ol" m={0} ps="md">
          {e.timeline.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is rebuilt as a whole
            <Text component="li" key={i} size="sm">
              <time dateTime={item.at}>{formatWhen(item.at, lang)}</time> —{' '}
              <strong>{t(`timelineKinds.${item.kind}`)}</strong>
              {item.kind === 'session'
                ? `: ${t(`formats.${item.text}`)}`
                : item.kind === 'status'
                  ? ''
                  : item.text
                    ? `: ${item.text}`
                    : ''}
              {item.actorName ? ` (${item.actorName})` : ''}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}
