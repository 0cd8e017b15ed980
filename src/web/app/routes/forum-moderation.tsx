// The moderators' review queue: posts flagged (with who flagged them, why and their notes) or held for
// approval in the spaces I moderate (staff: all); hide, restore, approve or dismiss the flags, with a note.
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { FORUM_WEB_PATHS, type ModerationItem } from '../../../shared/forum.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useSpaces } from '../../features/forum/api/list-spaces.js';
import { useModeratePost } from '../../features/forum/api/moderate-post.js';
import { useModerationQueue } from '../../features/forum/api/moderation-queue.js';
import { AttachmentList } from '../../features/forum/components/attachments-field.js';
import { formatWhen, pickText } from '../../features/forum/components/format.js';
import classes from '../../features/forum/components/post-body.module.css';
import { FORUM_NS } from '../../features/forum/messages.js';

function QueueItem({ item }: { item: ModerationItem }) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const lang = i18n.language;
  const moderate = useModeratePost();
  const [note, setNote] = useState('');
  const p = item.post;
  const author = p.author?.name ?? t('post.removedAuthor');
  const act = (action: 'hide' | 'restore' | 'approve' | 'dismiss_flags') =>
    moderate.mutate({ postId: p.id, body: { action, note } });
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      data-testid="moderation-item"
      aria-label={t('post.label', { seq: p.seq, name: author })}
    >
      <Stack gap="xs">
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color={item.reason === 'flagged' ? 'red' : 'yellow'} c="dark.9">
            {item.reason === 'flagged' ? t('moderation.flagged') : t('moderation.held')}
          </Badge>
          {p.status === 'hidden' && (
            <Badge variant="light" color="red" c="red.9">
              {t('post.hiddenModerator')}
            </Badge>
          )}
          <Text size="sm" c="gray.8">
            {pickText(item.thread.space.name, lang).text}
          </Text>
        </Group>
        <Anchor
          component={Link}
          to={FORUM_WEB_PATHS.post(item.thread.id, p.seq)}
          fw={700}
          c="teal.9"
          underline="always"
          style={{ overflowWrap: 'anywhere' }}
        >
          <bdi>{item.thread.title}</bdi> · <bdi>{t('post.number', { seq: p.seq })}</bdi>
        </Anchor>
        <Text size="sm" c="gray.8">
          {t('moderation.by', { name: author, when: formatWhen(p.createdAt, lang) })}
        </Text>
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <div
            className={classes.body}
            dir="auto"
            data-testid="moderation-post-body"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (Markdown rendered without raw HTML, then a tag whitelist)
            dangerouslySetInnerHTML={{ __html: p.html }}
          />
          <AttachmentList attachments={p.attachments} />
        </Paper>
        {item.flags.length > 0 && (
          <Stack component="ul" gap={4} m={0} ps="md">
            {item.flags.map((f) => {
              const reason = t(`flag.reasons.${f.reason}`);
              return (
                <Text component="li" size="sm" key={f.id}>
                  {f.by
                    ? t('moderation.flagBy', { reason, name: f.by.name })
                    : t('moderation.flagAnonymous', { reason })}
                  {' · '}
                  <time dateTime={f.createdAt}>{formatWhen(f.createdAt, lang)}</time>
                  {f.note && (
                    <>
                      {': '}
                      <bdi>“{f.note}”</bdi>
                    </>
                  )}
                </Text>
              );
            })}
          </Stack>
        )}
        <TextInput
          label={t('moderation.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={1000}
        />
        <Group gap="xs" wrap="wrap">
          {p.status === 'held' && (
            <Button size="xs" color="teal.9" loading={moderate.isPending} onClick={() => act('approve')}>
              {t('moderation.approve')}
            </Button>
          )}
          {p.status !== 'hidden' ? (
            <Button size="xs" color="red.9" loading={moderate.isPending} onClick={() => act('hide')}>
              {t('moderation.hide')}
            </Button>
          ) : (
            <Button
              size="xs"
              variant="light"
              c="teal.9"
              loading={moderate.isPending}
              onClick={() => act('restore')}
            >
              {t('moderation.restore')}
            </Button>
          )}
          {item.flags.some((f) => f.status === 'open') && (
            <Button
              size="xs"
              variant="default"
              loading={moderate.isPending}
              onClick={() => act('dismiss_flags')}
            >
              {t('moderation.dismiss')}
            </Button>
          )}
        </Group>
        {moderate.isError && <ErrorAlert error={moderate.error} />}
      </Stack>
    </Paper>
  );
}

export function Component() {
  const { t, i18n } = useTranslation(FORUM_NS);
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const user = session.data?.user ?? null;
  const spaces = useSpaces();
  const moderated = (spaces.data?.items ?? []).filter((s) => s.canModerate);
  const allowed = isStaffUser(user) || moderated.length > 0;
  const space = params.get('space') ?? undefined;
  const queue = useModerationQueue(space, Boolean(user) && allowed);
  const [done, setDone] = useState(0);

  useEffect(() => {
    document.title = `${t('moderation.title')} · Trama`;
  }, [t]);
  // Say so when an item leaves the queue, for people who cannot see it go.
  const count = queue.data?.items.length;
  const previous = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (count !== undefined && previous.current !== undefined && count < previous.current)
      setDone((d) => d + 1);
    previous.current = count;
  }, [count]);

  if (session.isPending) return <PageLoader />;
  if (!user)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={4}>
        <Anchor component={Link} to={FORUM_WEB_PATHS.home} size="sm" c="teal.9" underline="always">
          {t('home.title')}
        </Anchor>
        <Title order={1}>{t('moderation.title')}</Title>
        <Text c="gray.8">{t('moderation.intro')}</Text>
      </Stack>
      {spaces.isPending ? (
        <Skeleton h={120} radius="md" aria-hidden />
      ) : !allowed ? (
        <Text>{t('moderation.notAllowed')}</Text>
      ) : (
        <>
          <Select
            label={t('moderation.space')}
            placeholder={t('moderation.allSpaces')}
            clearable
            w={{ base: '100%', sm: 320 }}
            data={moderated.map((s) => ({ value: s.slug, label: pickText(s.name, i18n.language).text }))}
            value={space ?? null}
            onChange={(v) => setParams(v ? { space: v } : {}, { replace: true })}
          />
          <Text role="status" size="sm" c="teal.9">
            {done > 0 ? t('moderation.done') : ''}
          </Text>
          {queue.isPending && <Skeleton h={200} radius="md" aria-hidden />}
          {queue.isError && <ErrorAlert error={queue.error} />}
          {queue.data &&
            (queue.data.items.length === 0 ? (
              <Text>{t('moderation.empty')}</Text>
            ) : (
              <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
                {queue.data.items.map((item) => (
                  <QueueItem key={`${item.post.id}-${item.reason}`} item={item} />
                ))}
              </Stack>
            ))}
        </>
      )}
    </Stack>
  );
}
