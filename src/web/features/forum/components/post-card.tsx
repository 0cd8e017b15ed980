// One post of a thread: author, date, number, state (unread, held, hidden, accepted, edited), the text as the
// server rendered it, attachments, reactions, and what the viewer may do with it (quote, edit, flag, accept,
// moderate). Editing happens in place.
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Attachment,
  FORUM_WEB_PATHS,
  type Post,
  REACTIONS,
  type Reaction,
  type ThreadDetail,
} from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { apiFieldErrors } from '../../../lib/form-errors.js';
import { useAcceptAnswer } from '../api/accept-answer.js';
import { useModeratePost } from '../api/moderate-post.js';
import { useReact } from '../api/react.js';
import { useUpdatePost } from '../api/update-post.js';
import { FORUM_NS } from '../messages.js';
import { AttachmentList, AttachmentsField } from './attachments-field.js';
import { formatWhen } from './format.js';
import { MarkdownEditor } from './markdown-editor.js';
import classes from './post-body.module.css';

/** The plain text of a post's html, without the quotes it already holds, for quoting it in a reply. */
export function quoteOf(post: Post, authorName: string, max = 500): string {
  const doc = new DOMParser().parseFromString(post.html, 'text/html');
  for (const q of doc.querySelectorAll('blockquote')) q.remove();
  for (const el of doc.querySelectorAll('p, li, br, h1, h2, h3, h4, h5, h6, pre, tr')) el.after('\n');
  let text = (doc.body.textContent ?? '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  if (text.length > max) text = `${text.slice(0, max).trimEnd()}…`;
  const lines = text ? text.split('\n').map((l) => `> ${l}`) : [];
  return [`> **${authorName}** (#${post.seq}):`, ...lines].join('\n');
}

function Reactions({ post, threadId, canReact }: { post: Post; threadId: string; canReact: boolean }) {
  const { t } = useTranslation(FORUM_NS);
  const react = useReact(threadId);
  const count = (r: Reaction) => post.reactions.find((x) => x.reaction === r);
  const shown = canReact ? REACTIONS : REACTIONS.filter((r) => (count(r)?.count ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <Group gap={4} role="group" aria-label={t('post.reactions', { seq: post.seq })} wrap="wrap">
      {shown.map((r) => {
        const c = count(r);
        const n = c?.count ?? 0;
        const mine = c?.mine ?? false;
        const content = (
          <>
            {t(`reactions.${r}`)}
            {n > 0 ? ` ${n}` : ''}
          </>
        );
        return canReact ? (
          <Button
            key={r}
            size="compact-sm"
            variant={mine ? 'light' : 'default'}
            color="teal"
            c={mine ? 'teal.9' : undefined}
            aria-pressed={mine}
            disabled={react.isPending}
            onClick={() => react.mutate({ postId: post.id, reaction: r, on: !mine })}
          >
            {content}
          </Button>
        ) : (
          <Text key={r} size="sm" c="gray.8">
            {content}
          </Text>
        );
      })}
    </Group>
  );
}

export type PostCardProps = {
  post: Post;
  thread: ThreadDetail;
  viewerId: string | null;
  onQuote: (text: string) => void;
  onFlag: (post: Post) => void;
  onRevisions: (post: Post) => void;
};

export function PostCard({ post, thread, viewerId, onQuote, onFlag, onRevisions }: PostCardProps) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useUpdatePost(thread.id);
  const accept = useAcceptAnswer(thread.id);
  const moderate = useModeratePost();

  const name = post.author?.name ?? t('post.removedAuthor');
  const hidden = post.status === 'hidden';
  const held = post.status === 'held';
  const showText = !hidden || post.canModerate;
  const mineAuthor = viewerId !== null && post.author?.id === viewerId;
  const canAcceptHere =
    thread.kind === 'question' && thread.canAccept && post.seq > 1 && post.status === 'visible';

  const startEdit = () => {
    setText(post.markdown ?? '');
    setFiles(post.attachments);
    setErrors({});
    setEditing(true);
  };
  const save = () => {
    if (!text.trim()) {
      setErrors({ body: t('validation.required') });
      return;
    }
    const sameFiles =
      files.length === post.attachments.length && files.every((f, i) => f.id === post.attachments[i]?.id);
    update.mutate(
      {
        id: post.id,
        body: { body: text, attachmentIds: sameFiles ? undefined : files.map((f) => f.id) },
      },
      {
        onSuccess: () => setEditing(false),
        onError: (err) => setErrors(apiFieldErrors(err, t)),
      },
    );
  };

  const borderColor = post.accepted
    ? 'var(--mantine-color-green-8)'
    : post.unread
      ? 'var(--mantine-color-orange-7)'
      : undefined;

  return (
    <Paper
      component="article"
      id={`post-${post.seq}`}
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      radius="md"
      aria-label={t('post.label', { seq: post.seq, name })}
      data-testid="forum-post"
      data-seq={post.seq}
      data-status={post.status}
      data-accepted={post.accepted || undefined}
      bg={post.accepted ? 'green.0' : hidden ? 'gray.0' : undefined}
      style={{
        scrollMarginTop: 80,
        ...(borderColor ? { borderInlineStartWidth: 4, borderInlineStartColor: borderColor } : {}),
        ...(post.accepted ? { borderColor: 'var(--mantine-color-green-8)', borderWidth: 2 } : {}),
      }}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" justify="space-between">
          <Group gap={6} wrap="wrap">
            <Text fw={700} size="sm">
              <bdi>{name}</bdi>
            </Text>
            <Text size="sm" c="gray.8">
              <time dateTime={post.createdAt}>{formatWhen(post.createdAt, lang)}</time>
            </Text>
            {post.editedAt && (
              <Anchor
                component="button"
                type="button"
                size="sm"
                c="gray.8"
                underline="always"
                onClick={() => onRevisions(post)}
                title={t('post.editedTitle')}
              >
                {t('post.edited')}
              </Anchor>
            )}
          </Group>
          <Anchor
            component={Link}
            to={FORUM_WEB_PATHS.post(thread.id, post.seq)}
            size="sm"
            c="gray.8"
            aria-label={t('post.link', { seq: post.seq })}
          >
            {t('post.number', { seq: post.seq })}
          </Anchor>
        </Group>
        {(post.unread || held || hidden || post.accepted || post.openFlags > 0) && (
          <Group gap={6} wrap="wrap">
            {post.accepted && (
              <Badge variant="filled" color="teal.9" data-testid="post-accepted">
                {t('post.accepted')}
              </Badge>
            )}
            {post.unread && (
              <Badge variant="light" color="orange" c="dark.9">
                {t('post.unread')}
              </Badge>
            )}
            {held && (
              <Badge variant="light" color="yellow" c="dark.9">
                {t('post.held')}
              </Badge>
            )}
            {hidden && post.canModerate && (
              <Badge variant="light" color="red" c="red.9">
                {t('post.hiddenModerator')}
              </Badge>
            )}
            {post.openFlags > 0 && (
              <Badge variant="outline" color="red" c="red.9">
                {t('post.flags', { count: post.openFlags })}
              </Badge>
            )}
          </Group>
        )}

        {editing ? (
          <Stack gap="xs">
            <MarkdownEditor
              spaceId={thread.space.id}
              label={t('post.editLabel', { seq: post.seq })}
              value={text}
              onChange={setText}
              error={errors.body}
              required
            />
            <AttachmentsField value={files} onChange={setFiles} error={errors.attachmentIds} />
            {update.isError && !errors.body && <ErrorAlert error={update.error} />}
            <Group gap="xs">
              <Button color="teal.9" size="sm" loading={update.isPending} onClick={save}>
                {t('post.save')}
              </Button>
              <Button variant="default" size="sm" onClick={() => setEditing(false)}>
                {t('post.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : showText ? (
          <div
            className={classes.body}
            dir="auto"
            data-testid="post-body"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (Markdown rendered without raw HTML, then a tag whitelist)
            dangerouslySetInnerHTML={{ __html: post.html }}
          />
        ) : (
          <Text fs="italic" c="gray.8" data-testid="post-hidden">
            {t('post.hidden')}
          </Text>
        )}

        {showText && !editing && <AttachmentList attachments={post.attachments} />}
        {!hidden && !held && <Reactions post={post} threadId={thread.id} canReact={viewerId !== null} />}

        {!editing && (
          <Group gap={4} wrap="wrap">
            {canAcceptHere && !post.accepted && (
              <Button
                size="compact-sm"
                color="teal.9"
                loading={accept.isPending}
                onClick={() => accept.mutate(post.id)}
              >
                {t('post.accept')}
              </Button>
            )}
            {canAcceptHere && post.accepted && (
              <Button
                size="compact-sm"
                variant="default"
                loading={accept.isPending}
                onClick={() => accept.mutate(null)}
              >
                {t('post.unaccept')}
              </Button>
            )}
            {thread.canReply && post.status === 'visible' && (
              <Button
                size="compact-sm"
                variant="subtle"
                c="teal.9"
                onClick={() => onQuote(quoteOf(post, name))}
              >
                {t('post.quote')}
              </Button>
            )}
            {post.canEdit && (
              <Button size="compact-sm" variant="subtle" c="teal.9" onClick={startEdit}>
                {t('post.edit')}
              </Button>
            )}
            {viewerId !== null && !mineAuthor && post.status === 'visible' && (
              <Button size="compact-sm" variant="subtle" c="red.9" onClick={() => onFlag(post)}>
                {t('post.flag')}
              </Button>
            )}
            {post.canModerate && held && (
              <Button
                size="compact-sm"
                variant="light"
                c="teal.9"
                loading={moderate.isPending}
                onClick={() => moderate.mutate({ postId: post.id, body: { action: 'approve' } })}
              >
                {t('post.approve')}
              </Button>
            )}
            {post.canModerate && !hidden && (
              <Button
                size="compact-sm"
                variant="light"
                color="red"
                c="red.9"
                loading={moderate.isPending}
                onClick={() => moderate.mutate({ postId: post.id, body: { action: 'hide' } })}
              >
                {t('post.hide')}
              </Button>
            )}
            {post.canModerate && hidden && (
              <Button
                size="compact-sm"
                variant="light"
                c="teal.9"
                loading={moderate.isPending}
                onClick={() => moderate.mutate({ postId: post.id, body: { action: 'restore' } })}
              >
                {t('post.restore')}
              </Button>
            )}
          </Group>
        )}
        {accept.isError && <ErrorAlert error={accept.error} />}
        {moderate.isError && <ErrorAlert error={moderate.error} />}
      </Stack>
    </Paper>
  );
}
