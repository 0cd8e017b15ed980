// My mentoring engagements (as mentor, participant or member of the organisation) and overdue actions.
import { Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useOverdueActions } from '../../features/mentoring/api/list-actions.js';
import { useEngagements } from '../../features/mentoring/api/list-engagements.js';
import { ActionItem } from '../../features/mentoring/components/action-item.js';
import { EngagementCard } from '../../features/mentoring/components/engagement-card.js';
import { EngagementForm } from '../../features/mentoring/components/engagement-form.js';
import { MENTORING_NS } from '../../features/mentoring/messages.js';

export function Component() {
  const { t } = useTranslation(MENTORING_NS);
  const session = useSession();
  const location = useLocation();
  const list = useEngagements();
  const overdue = useOverdueActions();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    document.title = `${t('list.title')} · Trama`;
  }, [t]);
  if (session.isPending) return <PageLoader />;
  const user = session.data?.user;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const staff = isStaffUser(user);
  // Experts start the engagements they lead; staff may name any mentor.
  const canStart = staff || user.networkRole === 'expert';
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
          {t('list.title')}
        </Title>
        <Text c="gray.8">{t('list.intro')}</Text>
        {canStart && !creating && (
          <Group>
            <Button color="teal.9" onClick={() => setCreating(true)}>
              {t('create.open')}
            </Button>
          </Group>
        )}
      </Stack>
      {creating && <EngagementForm canChooseMentor={staff} onCancel={() => setCreating(false)} />}
      {list.isPending && <Skeleton h={120} radius="md" aria-hidden />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.isSuccess && items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('list.empty')}</Text>
        </Paper>
      )}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((e) => (
            <li key={e.id}>
              <EngagementCard e={e} />
            </li>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('list.more')}
        </Button>
      )}
      <Stack gap="sm" component="section" aria-labelledby="overdue-title">
        <Title order={2} id="overdue-title">
          {t('list.overdueTitle')}
        </Title>
        {overdue.isError && <ErrorAlert error={overdue.error} />}
        {overdue.data?.items.length === 0 && <Text>{t('list.noOverdue')}</Text>}
        {overdue.data && overdue.data.items.length > 0 && (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {overdue.data.items.map((a) => (
              <ActionItem key={a.id} a={a} canToggle={a.owner.id === user.id} showEngagement />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
