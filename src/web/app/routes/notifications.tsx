// My notifications: newest first, unread filter, mark one or all as read, follow the link; how they come by email.
import { Badge, Button, Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useNotifications } from '../../features/notifications/api/list-notifications.js';
import { useMarkAllRead, useMarkRead } from '../../features/notifications/api/mark-read.js';
import { EmailSettings } from '../../features/notifications/components/email-settings.js';
import { NOTIFICATIONS_NS } from '../../features/notifications/messages.js';

export function Component() {
  const { t, i18n } = useTranslation(NOTIFICATIONS_NS);
  const session = useSession();
  const location = useLocation();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications(filter === 'unread');
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  useEffect(() => {
    document.title = `${t('title')} · Trama`;
  }, [t]);
  if (session.isPending) return <PageLoader />;
  if (!session.data?.user)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack gap="lg" maw={800} mx="auto">
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'break-word', hyphens: 'auto' }}>
          {t('title')}
        </Title>
        <Text c="gray.8">{t('intro')}</Text>
      </Stack>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('filter')}
          value={filter}
          onChange={(v) => setFilter(v as 'all' | 'unread')}
          data={[
            { value: 'all', label: t('all') },
            { value: 'unread', label: t('unread') },
          ]}
        />
        <Button variant="light" c="teal.9" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('markAllRead')}
        </Button>
      </Group>
      {list.isPending && <Skeleton h={120} radius="md" aria-hidden />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.isSuccess && items.length === 0 && (
        <Paper withBorder p="lg" radius="md">
          <Text>{t('empty')}</Text>
        </Paper>
      )}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((n) => (
            <Paper
              component="li"
              key={n.id}
              withBorder
              p="md"
              radius="md"
              bg={n.readAt ? undefined : 'teal.0'}
            >
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={n.readAt ? 500 : 700}>{n.title}</Text>
                  {!n.readAt && (
                    <Badge color="teal.9" variant="filled">
                      {t('unreadBadge')}
                    </Badge>
                  )}
                </Group>
                {n.body && <Text size="sm">{n.body}</Text>}
                <Text size="xs" c="gray.8">
                  <time dateTime={n.createdAt}>{when.format(new Date(n.createdAt))}</time>
                </Text>
                <Group gap="xs">
                  {n.link && (
                    <Button
                      component={Link}
                      to={n.link}
                      size="xs"
                      variant="light"
                      c="teal.9"
                      onClick={() => {
                        if (!n.readAt) markRead.mutate(n.id);
                      }}
                    >
                      {t('open')}
                    </Button>
                  )}
                  {!n.readAt && (
                    <Button size="xs" variant="subtle" c="teal.9" onClick={() => markRead.mutate(n.id)}>
                      {t('markRead')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('more')}
        </Button>
      )}
      <EmailSettings />
    </Stack>
  );
}
