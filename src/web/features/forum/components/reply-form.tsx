// The reply at the bottom of a thread: Markdown with @mentions, attachments; quotes are added by the posts
// above, so the text lives in the page.
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Post, ThreadDetail } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { apiFieldErrors } from '../../../lib/form-errors.js';
import { useCreatePost } from '../api/create-post.js';
import { FORUM_NS } from '../messages.js';
import { AttachmentsField } from './attachments-field.js';
import { MarkdownEditor } from './markdown-editor.js';

export function ReplyForm({
  thread,
  value,
  onChange,
  onPosted,
  textareaRef,
}: {
  thread: ThreadDetail;
  value: string;
  onChange: (value: string) => void;
  onPosted: (post: Post) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const { t } = useTranslation(FORUM_NS);
  const create = useCreatePost(thread.id);
  const [files, setFiles] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<'visible' | 'held' | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    if (!value.trim()) {
      setErrors({ body: t('validation.required') });
      return;
    }
    setErrors({});
    create.mutate(
      { body: value, attachmentIds: files.map((f) => f.id) },
      {
        onSuccess: (post) => {
          onChange('');
          setFiles([]);
          setSent(post.status === 'held' ? 'held' : 'visible');
          onPosted(post);
        },
        onError: (err) => setErrors(apiFieldErrors(err, t)),
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reply-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h3" id="reply-heading">
            {t('page.reply')}
          </Title>
          {thread.locked && (
            <Text size="sm" c="gray.8">
              {t('page.lockedModerator')}
            </Text>
          )}
          <MarkdownEditor
            spaceId={thread.space.id}
            label={t('page.replyLabel')}
            value={value}
            onChange={(v) => {
              setSent(null);
              onChange(v);
            }}
            error={errors.body}
            required
            textareaRef={textareaRef}
            testId="reply-body"
          />
          <AttachmentsField value={files} onChange={setFiles} error={errors.attachmentIds} />
          {create.isError && !errors.body && <ErrorAlert error={create.error} />}
          <Text role="status" size="sm" c="teal.9">
            {sent === 'held' ? t('page.sentHeld') : sent === 'visible' ? t('page.sent') : ''}
          </Text>
          <Group>
            <Button type="submit" color="teal.9" loading={create.isPending}>
              {t('page.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
