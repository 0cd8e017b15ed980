// A forum space: what it is for, who moderates it, its threads (pinned first, filters by kind and unanswered,
// more by cursor), how I follow it, and the way to open a thread.
import { Anchor, Button, Checkbox, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { FORUM_WEB_PATHS, THREAD_KINDS, type ThreadKind } from '../../../shared/forum.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useSpace } from '../../features/forum/api/get-space.js';
import { useThreads } from '../../features/forum/api/list-threads.js';
import { AccessBadge } from '../../features/forum/components/badges.js';
import { pickText } from '../../features/forum/components/format.js';
import { SpaceForm } from '../../features/forum/components/space-form.js';
import { ThreadItem } from '../../features/forum/components/thread-item.js';
import { WatchControl } from '../../features/forum/components/watch-control.js';
import { FORUM_NS } from '../../features/forum/messages.js';
import { ApiError } from '../../lib/api-client.js';

export function Component() {
  const { t, i18n } = useTranslation(FORUM_NS);
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const user = session.data?.user ?? null;
  const space = useSpace(slug);
  const [editing, setEditing] = useState(false);
  const kindParam = params.get('kind');
  const kind = THREAD_KINDS.includes(kindParam as ThreadKind) ? (kindParam as ThreadKind) : undefined;
  const unanswered = params.get('unanswered') === '1';
  const s = space.data;
  const list = useThreads({ space: s?.id, kind, unanswered }, Boolean(s));
  const lang = i18n.language;
  const name = s ? pickText(s.name, lang) : null;

  useEffect(() => {
    document.title = `${name?.text || t('home.title')} · Trama`;
  }, [t, name?.text]);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  if (space.isPending) return <PageLoader />;
  if (space.isError || !s || !name) {
    const notFound = space.error instanceof ApiError && space.error.status === 404;
    return (
      <Stack maw={1000} mx="auto" gap="md">
        <Title order={1}>{notFound ? t('space.notFound') : t('home.title')}</Title>
        {!notFound && <ErrorAlert error={space.error} />}
        <Anchor component={Link} to={FORUM_WEB_PATHS.home} c="teal.9" underline="always">
          {t('home.title')}
        </Anchor>
      </Stack>
    );
  }

  const description = pickText(s.description, lang);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={6}>
        <Anchor component={Link} to={FORUM_WEB_PATHS.home} size="sm" c="teal.9" underline="always">
          {t('home.title')}
        </Anchor>
        <Group gap="sm" wrap="wrap" align="center">
          <Title order={1} lang={name.lang} style={{ overflowWrap: 'anywhere' }}>
            {name.text}
          </Title>
          <AccessBadge access={s.access} />
        </Group>
        {description.text && (
          <Text lang={description.lang} style={{ overflowWrap: 'anywhere' }}>
            {description.text}
          </Text>
        )}
        {s.programme && (
          <Text size="sm" c="gray.8">
            {t('space.programme', { name: s.programme.name })}
          </Text>
        )}
        {s.moderators.length > 0 && (
          <Text size="sm" c="gray.8">
            {t('space.moderators', { names: s.moderators.map((m) => m.name).join(', ') })}
          </Text>
        )}
        {s.holdFirstPosts && s.canPost && (
          <Text size="sm" c="gray.8">
            {t('space.held')}
          </Text>
        )}
      </Stack>

      <Group gap="sm" wrap="wrap" align="flex-end" justify="space-between">
        <Group gap="sm" wrap="wrap">
          {s.canPost && (
            <Button component={Link} to={`${FORUM_WEB_PATHS.space(s.slug)}/new`} color="teal.9">
              {t('space.newThread')}
            </Button>
          )}
          {s.canModerate && (
            <Button
              component={Link}
              to={`${FORUM_WEB_PATHS.moderation}?space=${encodeURIComponent(s.slug)}`}
              variant="light"
              c="teal.9"
            >
              {t('home.moderation')}
            </Button>
          )}
          {isStaffUser(user) && !editing && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('space.edit')}
            </Button>
          )}
        </Group>
        {user && <WatchControl target={{ kind: 'spaces', id: s.id }} mode={s.watch} />}
      </Group>

      {editing && (
        <SpaceForm
          initial={s}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            void space.refetch();
          }}
        />
      )}

      <Stack gap="sm" component="section" aria-labelledby="threads-heading">
        <Title order={2} id="threads-heading">
          {t('space.threads')}
        </Title>
        <Group gap="md" align="flex-end" wrap="wrap" role="group" aria-label={t('space.filters')}>
          <Select
            label={t('space.kind')}
            placeholder={t('space.anyKind')}
            clearable
            data={THREAD_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => set('kind', v)}
            w={220}
          />
          <Checkbox
            label={t('space.unansweredOnly')}
            checked={unanswered}
            onChange={(e) => set('unanswered', e.currentTarget.checked ? '1' : null)}
            mb={8}
          />
        </Group>
        {list.isPending && <Skeleton h={160} radius="md" aria-hidden />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && items.length === 0 && <Text>{t('space.empty')}</Text>}
        {items.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((th) => (
              <ThreadItem key={th.id} thread={th} />
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
            {t('space.more')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
