// A thread: title, kind and state, the lessons of a work deposit, its posts page by page (?page=N, ?post=SEQ
// for the page holding a post, ?unread=true for my first unread one), the reply editor, and the tools of
// moderators. Reading a page moves my read position to its last post.
import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { FORUM_WEB_PATHS, type Post } from '../../../shared/forum.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useThread } from '../../features/forum/api/get-thread.js';
import { type PostPageRequest, usePosts } from '../../features/forum/api/list-posts.js';
import { useMarkRead } from '../../features/forum/api/mark-read.js';
import { KindBadge } from '../../features/forum/components/badges.js';
import { FlagDialog } from '../../features/forum/components/flag-dialog.js';
import { formatWhen, pickText } from '../../features/forum/components/format.js';
import { PostCard } from '../../features/forum/components/post-card.js';
import { ReplyForm } from '../../features/forum/components/reply-form.js';
import { RevisionsDialog } from '../../features/forum/components/revisions-dialog.js';
import { ModeratorTools, ThreadEditForm } from '../../features/forum/components/thread-tools.js';
import { WatchControl } from '../../features/forum/components/watch-control.js';
import { FORUM_NS } from '../../features/forum/messages.js';
import { dirOf } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';

const LESSON_FIELDS = ['context', 'whatWeDid', 'whatWorked', 'whatDidNot'] as const;

function positive(v: string | null): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 ? n : null;
}

function requestOf(params: URLSearchParams): PostPageRequest {
  const page = positive(params.get('page'));
  if (page) return { page };
  const post = positive(params.get('post'));
  if (post) return { post };
  if (params.get('unread') === 'true') return { unread: true };
  return { page: 1 };
}

export function Component() {
  const { t, i18n } = useTranslation(FORUM_NS);
  const lang = i18n.language;
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const viewer = session.data?.user ?? null;
  const thread = useThread(id);
  const at = requestOf(params);
  const posts = usePosts(id, at, thread.isSuccess);
  const markRead = useMarkRead(id);
  const [reply, setReply] = useState('');
  const [flagging, setFlagging] = useState<Post | null>(null);
  const [revisionsOf, setRevisionsOf] = useState<Post | null>(null);
  const [editing, setEditing] = useState(false);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const postsTop = useRef<HTMLHeadingElement>(null);
  const readUpTo = useRef(0);
  const th = thread.data;
  const page = posts.data;

  useEffect(() => {
    document.title = `${th?.title ?? t('home.title')} · Trama`;
  }, [t, th?.title]);

  // Bring the asked-for post (or my first unread one) into view once its page has arrived.
  const scrolledFor = useRef('');
  useEffect(() => {
    if (!page || posts.isPlaceholderData) return;
    const key = `${location.search}`;
    if (scrolledFor.current === key) return;
    scrolledFor.current = key;
    const target =
      'post' in at ? at.post : 'unread' in at ? (page.items.find((p) => p.unread)?.seq ?? null) : null;
    if (target !== null) document.getElementById(`post-${target}`)?.scrollIntoView({ block: 'start' });
  }, [page, posts.isPlaceholderData, location.search, at]);

  // Having seen a page, I have read up to its last post.
  useEffect(() => {
    if (!viewer || !page || !th || posts.isPlaceholderData || page.items.length === 0) return;
    const last = Math.max(...page.items.map((p) => p.seq));
    if (last <= (th.lastReadSeq ?? 0) || last <= readUpTo.current) return;
    readUpTo.current = last;
    markRead.mutate(last);
  }, [viewer, page, th, posts.isPlaceholderData, markRead]);

  if (thread.isPending || session.isPending) return <PageLoader />;
  if (thread.isError || !th) {
    const notFound = thread.error instanceof ApiError && thread.error.status === 404;
    return (
      <Stack maw={1000} mx="auto" gap="md">
        <Title order={1}>{notFound ? t('page.notFound') : t('home.title')}</Title>
        {!notFound && <ErrorAlert error={thread.error} />}
        <Anchor component={Link} to={FORUM_WEB_PATHS.home} c="teal.9" underline="always">
          {t('home.title')}
        </Anchor>
      </Stack>
    );
  }

  const spaceName = pickText(th.space.name, lang);
  // The button is for a first unread post on another page; on this one it is already in sight.
  const firstUnreadElsewhere =
    viewer !== null &&
    th.firstUnreadSeq !== null &&
    !(page?.items ?? []).some((p) => p.seq === th.firstUnreadSeq);
  const goToPage = (p: number) => {
    setParams({ page: String(p) });
    postsTop.current?.scrollIntoView({ block: 'start' });
  };
  const quote = (text: string) => {
    setReply((prev) => `${prev.trim() ? `${prev.trimEnd()}\n\n` : ''}${text}\n\n`);
    window.setTimeout(() => {
      const el = replyRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
      el.scrollIntoView({ block: 'center' });
    }, 0);
  };
  const pager = (label: string) =>
    page && page.pageCount > 1 ? (
      <Box component="nav" aria-label={label}>
        <Pagination
          total={page.pageCount}
          value={page.page}
          onChange={goToPage}
          size="sm"
          siblings={1}
          boundaries={1}
          color="teal.9"
        />
      </Box>
    ) : null;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={6}>
        <Breadcrumbs
          component="nav"
          aria-label={t('page.path')}
          separator={dirOf(lang) === 'rtl' ? '‹' : '›'}
          styles={{ root: { flexWrap: 'wrap' } }}
        >
          <Anchor component={Link} to={FORUM_WEB_PATHS.home} size="sm" c="teal.9" underline="always">
            {t('home.title')}
          </Anchor>
          <Anchor
            component={Link}
            to={FORUM_WEB_PATHS.space(th.space.slug)}
            size="sm"
            c="teal.9"
            underline="always"
            lang={spaceName.lang}
            data-testid="thread-space-link"
          >
            {spaceName.text}
          </Anchor>
        </Breadcrumbs>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }} style={{ overflowWrap: 'anywhere' }}>
          <bdi>{th.title}</bdi>
        </Title>
        <Group gap={6} wrap="wrap">
          <KindBadge kind={th.kind} />
          {th.kind === 'question' &&
            (th.answered ? (
              <Badge variant="light" color="green" c="dark.9" data-testid="thread-answered">
                {t('thread.answered')}
              </Badge>
            ) : (
              <Badge variant="outline" color="gray" c="gray.9">
                {t('thread.unanswered')}
              </Badge>
            ))}
          {th.pinned && (
            <Badge variant="filled" color="teal.9">
              {t('thread.pinned')}
            </Badge>
          )}
          {th.locked && (
            <Badge variant="outline" color="gray" c="gray.9">
              {t('thread.locked')}
            </Badge>
          )}
          {th.status === 'held' && (
            <Badge variant="light" color="yellow" c="dark.9">
              {t('thread.held')}
            </Badge>
          )}
          {th.status === 'hidden' && (
            <Badge variant="light" color="red" c="red.9">
              {t('thread.hidden')}
            </Badge>
          )}
        </Group>
        {th.author && (
          <Text size="sm" c="gray.8">
            {t('page.startedBy', { name: th.author.name, when: formatWhen(th.createdAt, lang) })}
          </Text>
        )}
      </Stack>

      <Group gap="sm" wrap="wrap" align="flex-end" justify="space-between">
        <Group gap="xs" wrap="wrap">
          {firstUnreadElsewhere && (
            <Button variant="light" c="teal.9" onClick={() => setParams({ unread: 'true' })}>
              {t('page.jumpUnread')}
            </Button>
          )}
          {th.canEdit && !editing && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {th.lessons ? t('page.edit') : t('page.editTitle')}
            </Button>
          )}
        </Group>
        {viewer && <WatchControl target={{ kind: 'threads', id: th.id }} mode={th.watch} />}
      </Group>
      {th.canModerate && <ModeratorTools thread={th} />}
      {editing && <ThreadEditForm thread={th} onDone={() => setEditing(false)} />}

      {th.kind === 'deposit' && th.lessons && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="lessons-heading">
          <Stack gap="sm">
            <Title order={2} fz="h3" id="lessons-heading">
              {t('page.lessons')}
            </Title>
            {LESSON_FIELDS.filter((k) => th.lessons?.[k]).map((k) => (
              <div key={k}>
                <Title order={3} fz="h5">
                  {t(`newThread.${k}`)}
                </Title>
                <Text dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {th.lessons?.[k]}
                </Text>
              </div>
            ))}
          </Stack>
        </Paper>
      )}

      <Stack gap="sm" component="section" aria-labelledby="posts-heading">
        <Title order={2} fz="h3" id="posts-heading" ref={postsTop} style={{ scrollMarginTop: 80 }}>
          {t('page.posts')}
        </Title>
        {pager(t('page.pagesTop'))}
        {posts.isPending && <Skeleton h={200} radius="md" aria-hidden />}
        {posts.isError && <ErrorAlert error={posts.error} />}
        {page && (
          <Stack gap="sm" aria-busy={posts.isPlaceholderData || undefined}>
            {page.items.map((p) => (
              <PostCard
                key={p.id}
                post={p}
                thread={th}
                viewerId={viewer?.id ?? null}
                onQuote={quote}
                onFlag={setFlagging}
                onRevisions={setRevisionsOf}
              />
            ))}
          </Stack>
        )}
        {pager(t('page.pagesBottom'))}
      </Stack>

      {!viewer ? (
        <Text>
          <Anchor
            component={Link}
            to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
            c="teal.9"
            underline="always"
          >
            {t('page.loginToReply')}
          </Anchor>
        </Text>
      ) : th.canReply ? (
        <ReplyForm
          thread={th}
          value={reply}
          onChange={setReply}
          textareaRef={replyRef}
          onPosted={(p) => setParams({ post: String(p.seq) })}
        />
      ) : (
        <Paper withBorder p="md" radius="md" role="note" data-testid="thread-locked-notice">
          <Text>{th.locked ? t('page.locked') : t('page.cannotReply')}</Text>
        </Paper>
      )}

      <FlagDialog post={flagging} onClose={() => setFlagging(null)} />
      <RevisionsDialog post={revisionsOf} onClose={() => setRevisionsOf(null)} />
    </Stack>
  );
}
