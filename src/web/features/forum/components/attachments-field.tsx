// Files added to a post while it is written: each is uploaded at once (POST /forum/attachments) and listed
// with its name and size, and can be taken off again before the post is sent.
import { Anchor, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, type Attachment, MAX_ATTACHMENTS_PER_POST } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useUploadAttachment } from '../api/upload-attachment.js';
import { FORUM_NS } from '../messages.js';
import { formatSize } from './format.js';

export function AttachmentsField({
  value,
  onChange,
  error,
}: {
  value: Attachment[];
  onChange: (next: Attachment[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const lang = i18n.language;
  const upload = useUploadAttachment();
  const [problem, setProblem] = useState<string | null>(null);
  const maxSize = formatSize(ATTACHMENT_MAX_BYTES, lang);
  const full = value.length >= MAX_ATTACHMENTS_PER_POST;

  const add = (file: File | null) => {
    setProblem(null);
    if (!file) return;
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setProblem(t('attachments.tooLarge', { name: file.name, size: maxSize }));
      return;
    }
    if (full) {
      setProblem(t('attachments.tooMany', { count: MAX_ATTACHMENTS_PER_POST }));
      return;
    }
    upload.mutate(file, { onSuccess: (a) => onChange([...value, a]) });
  };

  return (
    <Stack gap={6}>
      <FileInput
        label={t('attachments.add')}
        description={t('attachments.hint', { count: MAX_ATTACHMENTS_PER_POST, size: maxSize })}
        placeholder={upload.isPending ? t('attachments.uploading') : t('attachments.choose')}
        value={null}
        onChange={add}
        disabled={upload.isPending || full}
        error={problem ?? error}
        clearable={false}
        // The types the server keeps (it checks the content, not the name).
        accept=".pdf,.docx,.xlsx,.pptx,.odt,.png,.jpg,.jpeg,.webp"
      />
      {upload.isError && <ErrorAlert error={upload.error} />}
      {value.length > 0 && (
        <Stack
          component="ul"
          gap={4}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('attachments.label')}
        >
          {value.map((a) => (
            <Group component="li" key={a.id} gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                <bdi>{a.filename}</bdi> · {formatSize(a.sizeBytes, lang)}
              </Text>
              <Button
                variant="subtle"
                size="compact-sm"
                c="red.9"
                aria-label={t('attachments.remove', { name: a.filename })}
                onClick={() => onChange(value.filter((x) => x.id !== a.id))}
              >
                {t('attachments.removeShort')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The files of a post, as download links. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  const { t, i18n } = useTranslation(FORUM_NS);
  if (attachments.length === 0) return null;
  return (
    <Stack
      component="ul"
      gap={2}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('attachments.label')}
    >
      {attachments.map((a) => (
        <li key={a.id}>
          <Anchor href={a.url} download={a.filename} size="sm" c="teal.9" underline="always">
            <bdi>{a.filename}</bdi> ({formatSize(a.sizeBytes, i18n.language)})
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}
