// Flag a post for the moderators: a reason and an optional note.
import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAG_REASONS, type FlagReason, type Post } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { useFlagPost } from '../api/flag-post.js';
import { FORUM_NS } from '../messages.js';

export function FlagDialog({ post, onClose }: { post: Post | null; onClose: () => void }) {
  const { t } = useTranslation(FORUM_NS);
  const flag = useFlagPost();
  const [reason, setReason] = useState<FlagReason>('offensive');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const close = () => {
    setSent(false);
    setNote('');
    setReason('offensive');
    flag.reset();
    onClose();
  };
  return (
    <Modal opened={post !== null} onClose={close} title={post ? t('flag.title', { seq: post.seq }) : ''}>
      {sent ? (
        <Stack gap="sm">
          <Text role="status">{t('flag.sent')}</Text>
          <Group>
            <Button color="teal.9" onClick={close} data-autofocus>
              {t('flag.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!post) return;
            flag.mutate({ postId: post.id, body: { reason, note } }, { onSuccess: () => setSent(true) });
          }}
        >
          <Stack gap="sm">
            <Radio.Group label={t('flag.reason')} value={reason} onChange={(v) => setReason(v as FlagReason)}>
              <Stack gap={6} mt={4}>
                {FLAG_REASONS.map((r) => (
                  <Radio key={r} value={r} label={t(`flag.reasons.${r}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('flag.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            {flag.isError && <ErrorAlert error={flag.error} />}
            <Group gap="xs">
              <Button type="submit" color="red.9" loading={flag.isPending}>
                {t('flag.submit')}
              </Button>
              <Button variant="default" onClick={close}>
                {t('flag.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
