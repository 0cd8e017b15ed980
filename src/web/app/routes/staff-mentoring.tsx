// Staff overview of mentoring: every engagement, upcoming sessions and overdue actions.
import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useOverdueActions } from '../../features/mentoring/api/list-actions.js';
import { useEngagements } from '../../features/mentoring/api/list-engagements.js';
import { useUpcomingSessions } from '../../features/mentoring/api/list-sessions.js';
import { ActionItem } from '../../features/mentoring/components/action-item.js';
import { EngagementCard } from '../../features/mentoring/components/engagement-card.js';
import { EngagementForm } from '../../features/mentoring/components/engagement-form.js';
import { formatWhen } from '../../features/mentoring/components/format.js';
import { MENTORING_NS } from '../../features/mentoring/messages.js';

export function Component() {
  const { t, i18n } = useTranslation(MENTORING_NS);
  const session = useSession();
  const location = useLocation();
  const user = session.data?.user ?? null;
  const staff = isStaffUser(user);
  const list = useEngagements();
  const upcoming = useUpcomingSessions();
  const overdue = useOverdueActions();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = `${t('staff.title')} · Trama`;
  }, [t]);
  if (session.isPending) return <PageLoader />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!staff) return <Navigate to="/mentoring" replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
          {t('staff.title')}
        </Title>
        <Text c="gray.8">{t('staff.intro')}</Text>
        {!creating && (
          <Group>
            <Button color="teal.9" onClick={() => setCreating(true)}>
              {t('create.open')}
            </Button>
          </Group>
        )}
      </Stack>
      {creating && <EngagementForm canChooseMentor onCancel={() => setCreating(false)} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm" component="section" aria-labelledby="upcoming-title">
          <Title order={2} id="upcoming-title">
            {t('staff.upcoming')}
          </Title>
          {upcoming.isPending && <Skeleton h={80} aria-hidden />}
          {upcoming.isError && <ErrorAlert error={upcoming.error} />}
          {upcoming.data?.items.length === 0 && <Text>{t('staff.noUpcoming')}</Text>}
          {upcoming.data && upcoming.data.items.length > 0 && (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {upcoming.data.items.map((s) => (
                <Paper component="li" key={s.id} withBorder p="sm" radius="md">
                  <Anchor
                    component={Link}
                    to={`/mentoring/${s.engagementId}`}
                    fw={600}
                    c="teal.9"
                    underline="always"
                  >
                    {s.organisationName}
                  </Anchor>
                  <Text size="sm">
                    {formatWhen(s.startsAt, i18n.language, s.timeZone)} · {t(`formats.${s.format}`)}
                  </Text>
                  <Text size="sm" c="gray.8">
                    {t('list.mentor', { name: s.mentor.name })}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="staff-overdue-title">
          <Title order={2} id="staff-overdue-title">
            {t('staff.overdue')}
          </Title>
          {overdue.isError && <ErrorAlert error={overdue.error} />}
          {overdue.data?.items.length === 0 && <Text>{t('list.noOverdue')}</Text>}
          {overdue.data && overdue.data.items.length > 0 && (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {overdue.data.items.map((a) => (
                <ActionItem key={a.id} a={a} canToggle showEngagement />
              ))}
            </Stack>
          )}
        </Stack>
      </SimpleGrid>
      <Stack gap="sm" component="section" aria-labelledby="engagements-title">
        <Title order={2} id="engagements-title">
          {t('staff.engagements')}
        </Title>
        {list.isPending && <Skeleton h={120} aria-hidden />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.isSuccess && items.length === 0 && <Text>{t('list.empty')}</Text>}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((e) => (
            <li key={e.id}>
              <EngagementCard e={e} headingLevel={3} />
            </li>
          ))}
        </Stack>
        {list.hasNextPage && (
          <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('list.more')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
