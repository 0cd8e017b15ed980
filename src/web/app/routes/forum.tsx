// The forum's front page: the spaces I may see (with what is new since my last visit), unanswered questions
// across spaces, my unread threads; staff create spaces, moderators find their queue.
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FORUM_WEB_PATHS, type SpaceSummary } from '../../../shared/forum.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useSpaces } from '../../features/forum/api/list-spaces.js';
import { type ThreadFilters, useThreads } from '../../features/forum/api/list-threads.js';
import { AccessBadge } from '../../features/forum/components/badges.js';
import { formatWhen, pickText } from '../../features/forum/components/format.js';
import { SpaceForm } from '../../features/forum/components/space-form.js';
import { ThreadItem } from '../../features/forum/components/thread-item.js';
import { FORUM_NS } from '../../features/forum/messages.js';

function SpaceCard({ space }: { space: SpaceSummary }) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const lang = i18n.language;
  const name = pickText(space.name, lang);
  const description = pickText(space.description, lang);
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="forum-space" data-slug={space.slug}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="h4" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={FORUM_WEB_PATHS.space(space.slug)} c="teal.9" underline="always">
              <span lang={name.lang}>{name.text}</span>
            </Anchor>
          </Title>
          <Group gap={6}>
            <AccessBadge access={space.access} />
            {space.newThreads > 0 && (
              <Badge variant="filled" color="red.9">
                {t('home.newThreads', { count: space.newThreads })}
              </Badge>
            )}
          </Group>
        </Group>
        {description.text && (
          <Text size="sm" lang={description.lang} style={{ overflowWrap: 'anywhere' }}>
            {description.text}
          </Text>
        )}
        <Text size="sm" c="gray.8">
          {[
            t('home.threads', { count: space.threadCount }),
            t('home.posts', { count: space.postCount }),
            space.lastPostAt
              ? t('home.lastActivity', { when: formatWhen(space.lastPostAt, lang) })
              : t('home.noActivity'),
          ].join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

function ThreadsPanel({
  filters,
  empty,
  enabled,
}: {
  filters: ThreadFilters;
  empty: string;
  enabled: boolean;
}) {
  const { t } = useTranslation(FORUM_NS);
  const list = useThreads(filters, enabled);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Skeleton h={120} radius="md" aria-hidden />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((th) => (
            <ThreadItem key={th.id} thread={th} showSpace />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button
          variant="light"
          c="teal.9"
          w="fit-content"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('home.more')}
        </Button>
      )}
    </Stack>
  );
}

const TABS = ['spaces', 'unanswered', 'unread'] as const;
type Tab = (typeof TABS)[number];

export function Component() {
  const { t } = useTranslation(FORUM_NS);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const user = session.data?.user ?? null;
  const spaces = useSpaces();
  const [creating, setCreating] = useState(false);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) && (asked !== 'unread' || user) ? asked : 'spaces';
  const moderates = (spaces.data?.items ?? []).some((s) => s.canModerate);

  useEffect(() => {
    document.title = `${t('home.title')} · Trama`;
  }, [t]);

  const setTab = (v: string | null) => {
    const next = new URLSearchParams(params);
    if (!v || v === 'spaces') next.delete('tab');
    else next.set('tab', v);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('home.title')}</Title>
        <Text c="gray.8">{t('home.intro')}</Text>
        {!session.isPending && !user && (
          <Text size="sm">
            {t('home.loginHint')}{' '}
            <Anchor component={Link} to="/login?next=%2Fforum" c="teal.9" underline="always">
              {t('home.login')}
            </Anchor>
          </Text>
        )}
      </Stack>
      {(isStaffUser(user) || moderates) && (
        <Group gap="sm">
          {isStaffUser(user) && !creating && (
            <Button color="teal.9" onClick={() => setCreating(true)}>
              {t('home.newSpace')}
            </Button>
          )}
          {moderates && (
            <Button component={Link} to={FORUM_WEB_PATHS.moderation} variant="light" c="teal.9">
              {t('home.moderation')}
            </Button>
          )}
        </Group>
      )}
      {creating && (
        <SpaceForm
          onCancel={() => setCreating(false)}
          onDone={(s) => navigate(FORUM_WEB_PATHS.space(s.slug))}
        />
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('home.sections')}>
          <Tabs.Tab value="spaces">{t('home.tabSpaces')}</Tabs.Tab>
          <Tabs.Tab value="unanswered">{t('home.tabUnanswered')}</Tabs.Tab>
          {user && <Tabs.Tab value="unread">{t('home.tabUnread')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="spaces" pt="md">
          {spaces.isPending && <Skeleton h={160} radius="md" aria-hidden />}
          {spaces.isError && <ErrorAlert error={spaces.error} />}
          {spaces.data &&
            (spaces.data.items.length === 0 ? (
              <Text>{t('home.noSpaces')}</Text>
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {spaces.data.items.map((s) => (
                  <SpaceCard key={s.id} space={s} />
                ))}
              </Stack>
            ))}
        </Tabs.Panel>
        <Tabs.Panel value="unanswered" pt="md">
          <ThreadsPanel
            filters={{ kind: 'question', unanswered: true }}
            empty={t('home.noUnanswered')}
            enabled={tab === 'unanswered'}
          />
        </Tabs.Panel>
        {user && (
          <Tabs.Panel value="unread" pt="md">
            <ThreadsPanel filters={{ unread: true }} empty={t('home.noUnread')} enabled={tab === 'unread'} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
