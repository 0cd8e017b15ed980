// One thread in a list: kind, title, state (pinned, locked, answered), replies, what is new for me.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FORUM_WEB_PATHS, type ThreadSummary } from '../../../../shared/forum.js';
import { FORUM_NS } from '../messages.js';
import { KindBadge } from './badges.js';
import { formatWhen, pickText } from './format.js';

function LockIcon({ label }: { label: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" role="img" aria-label={label} focusable="false">
      <title>{label}</title>
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 1 5 5v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1V7a5 5 0 0 1 5-5Zm0 2a3 3 0 0 0-3 3v3h6V7a3 3 0 0 0-3-3Z"
      />
    </svg>
  );
}

export function ThreadItem({ thread, showSpace = false }: { thread: ThreadSummary; showSpace?: boolean }) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const lang = i18n.language;
  const space = pickText(thread.space.name, lang);
  const unread = thread.unreadCount ?? 0;
  const to =
    unread > 0 ? `${FORUM_WEB_PATHS.thread(thread.id)}?unread=true` : FORUM_WEB_PATHS.thread(thread.id);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-testid="forum-thread"
      style={
        thread.pinned
          ? { borderInlineStartWidth: 4, borderInlineStartColor: 'var(--mantine-color-teal-8)' }
          : undefined
      }
    >
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <KindBadge kind={thread.kind} />
          {thread.pinned && (
            <Badge variant="filled" color="teal.9">
              {t('thread.pinned')}
            </Badge>
          )}
          {thread.kind === 'question' &&
            (thread.answered ? (
              <Badge variant="light" color="green" c="dark.9" data-testid="thread-answered">
                {t('thread.answered')}
              </Badge>
            ) : (
              <Badge variant="outline" color="gray" c="gray.9">
                {t('thread.unanswered')}
              </Badge>
            ))}
          {thread.status === 'held' && (
            <Badge variant="light" color="orange" c="dark.9">
              {t('thread.held')}
            </Badge>
          )}
          {thread.status === 'hidden' && (
            <Badge variant="light" color="red" c="red.9">
              {t('thread.hidden')}
            </Badge>
          )}
          {thread.locked && <LockIcon label={t('thread.locked')} />}
          {thread.isNew && unread === 0 && (
            <Badge variant="dot" color="orange" c="dark.9">
              {t('thread.new')}
            </Badge>
          )}
          {unread > 0 && (
            <Badge variant="filled" color="red.9">
              {t('thread.unread', { count: unread })}
            </Badge>
          )}
        </Group>
        <Anchor
          component={Link}
          to={to}
          fw={thread.isNew || unread > 0 ? 800 : 600}
          c="teal.9"
          underline="always"
          style={{ overflowWrap: 'anywhere' }}
        >
          <bdi>{thread.title}</bdi>
        </Anchor>
        <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
          {[
            thread.author ? t('thread.by', { name: thread.author.name }) : null,
            showSpace ? t('thread.in', { space: space.text }) : null,
            t('thread.replies', { count: thread.replyCount }),
            t('thread.lastPost', { when: formatWhen(thread.lastPostAt, lang) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
