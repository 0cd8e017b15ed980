// Open a thread in a space: a discussion, a question to the experts, or a work deposit told through the four
// "lessons learned" fields; Markdown text with @mentions and attachments.
import { Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import {
  type Attachment,
  CreateThreadBody,
  FORUM_WEB_PATHS,
  type Lessons,
  THREAD_KINDS,
  type ThreadKind,
} from '../../../shared/forum.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useCreateThread } from '../../features/forum/api/create-thread.js';
import { useSpace } from '../../features/forum/api/get-space.js';
import { AttachmentsField } from '../../features/forum/components/attachments-field.js';
import { pickText } from '../../features/forum/components/format.js';
import { MarkdownEditor } from '../../features/forum/components/markdown-editor.js';
import { FORUM_NS } from '../../features/forum/messages.js';
import { ApiError } from '../../lib/api-client.js';
import { apiFieldErrors, zodValidate } from '../../lib/form-errors.js';

type Values = { kind: ThreadKind; title: string; body: string; lessons: Lessons; files: Attachment[] };

const LESSON_FIELDS = ['context', 'whatWeDid', 'whatWorked', 'whatDidNot'] as const;

const toBody = (space: string, v: Values): CreateThreadBody => ({
  space,
  kind: v.kind,
  title: v.title,
  body: v.body,
  lessons: v.kind === 'deposit' ? v.lessons : null,
  attachmentIds: v.files.map((f) => f.id),
});

export function Component() {
  const { t, i18n } = useTranslation(FORUM_NS);
  const { slug = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const space = useSpace(slug);
  const create = useCreateThread();
  const [v, setV] = useState<Values>({
    kind: 'discussion',
    title: '',
    body: '',
    lessons: { context: '', whatWeDid: '', whatWorked: '', whatDidNot: '' },
    files: [],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const s = space.data;
  const spaceName = s ? pickText(s.name, i18n.language).text : '';

  useEffect(() => {
    document.title = `${t('newThread.title')} · Trama`;
  }, [t]);

  if (session.isPending || space.isPending) return <PageLoader />;
  if (!session.data?.user)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (space.isError || !s) {
    const notFound = space.error instanceof ApiError && space.error.status === 404;
    return (
      <Stack maw={800} mx="auto">
        <Title order={1}>{notFound ? t('space.notFound') : t('newThread.title')}</Title>
        {!notFound && <ErrorAlert error={space.error} />}
      </Stack>
    );
  }

  const check = zodValidate<Values>(CreateThreadBody, t, { prepare: (x) => toBody(s.id, x) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check(v);
    // The schema's own sentences for an empty text or lesson read better as "required".
    for (const key of ['body', 'lessons.context', 'lessons.whatWeDid']) {
      if (found[key]) found[key] = t('validation.required');
    }
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    create.mutate(toBody(s.id, v), {
      onSuccess: (th) => navigate(FORUM_WEB_PATHS.thread(th.id)),
      onError: (err) => setErrors(apiFieldErrors(err, t)),
    });
  };
  // A field's message goes once the person changes it; the others stay until the next try.
  const clear = (key: string) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  const lesson = (k: (typeof LESSON_FIELDS)[number]) => ({
    value: v.lessons[k],
    onChange: (ev: { currentTarget: { value: string } }) => {
      const value = ev.currentTarget.value;
      setV((x) => ({ ...x, lessons: { ...x.lessons, [k]: value } }));
      clear(`lessons.${k}`);
    },
    error: errors[`lessons.${k}`],
  });

  return (
    <Stack gap="lg" maw={800} mx="auto">
      <Stack gap={4}>
        <Anchor component={Link} to={FORUM_WEB_PATHS.space(s.slug)} size="sm" c="teal.9" underline="always">
          {spaceName}
        </Anchor>
        <Title order={1}>{t('newThread.title')}</Title>
        <Text c="gray.8">{t('newThread.in', { space: spaceName })}</Text>
      </Stack>
      {!s.canPost ? (
        <Text>{t('newThread.cannotPost')}</Text>
      ) : (
        <Paper withBorder p="md" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Radio.Group
                label={t('newThread.kind')}
                value={v.kind}
                onChange={(k) => setV({ ...v, kind: k as ThreadKind })}
              >
                <Stack gap="xs" mt={6}>
                  {THREAD_KINDS.map((k) => (
                    <Radio key={k} value={k} label={t(`kinds.${k}`)} description={t(`kindHelp.${k}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <TextInput
                label={t('newThread.titleField')}
                required
                maxLength={200}
                value={v.title}
                onChange={(ev) => {
                  setV({ ...v, title: ev.currentTarget.value });
                  clear('title');
                }}
                error={errors.title}
              />
              {v.kind === 'deposit' && (
                <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
                  <Title order={2} fz="h4" component="legend" mb={4}>
                    {t('newThread.lessons')}
                  </Title>
                  <Textarea
                    label={t('newThread.context')}
                    required
                    autosize
                    minRows={3}
                    maxLength={10_000}
                    {...lesson('context')}
                  />
                  <Textarea
                    label={t('newThread.whatWeDid')}
                    required
                    autosize
                    minRows={3}
                    maxLength={10_000}
                    {...lesson('whatWeDid')}
                  />
                  <Textarea
                    label={t('newThread.whatWorked')}
                    autosize
                    minRows={2}
                    maxLength={10_000}
                    {...lesson('whatWorked')}
                  />
                  <Textarea
                    label={t('newThread.whatDidNot')}
                    autosize
                    minRows={2}
                    maxLength={10_000}
                    {...lesson('whatDidNot')}
                  />
                </Stack>
              )}
              <MarkdownEditor
                spaceId={s.id}
                label={v.kind === 'deposit' ? t('newThread.bodyOptional') : t('newThread.body')}
                required={v.kind !== 'deposit'}
                value={v.body}
                onChange={(body) => {
                  setV((x) => ({ ...x, body }));
                  clear('body');
                }}
                error={errors.body}
                minRows={8}
                testId="thread-body"
              />
              <AttachmentsField
                value={v.files}
                onChange={(files) => setV((x) => ({ ...x, files }))}
                error={errors.attachmentIds}
              />
              {create.isError && Object.keys(errors).length === 0 && <ErrorAlert error={create.error} />}
              <Group gap="xs">
                <Button type="submit" color="teal.9" loading={create.isPending}>
                  {t('newThread.submit')}
                </Button>
                <Button component={Link} to={FORUM_WEB_PATHS.space(s.slug)} variant="default">
                  {t('newThread.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
