// The earlier texts of an edited post, newest first, as the server rendered them.
import { Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useRevisions } from '../api/list-revisions.js';
import { FORUM_NS } from '../messages.js';
import { formatWhen } from './format.js';
import classes from './post-body.module.css';

export function RevisionsDialog({ post, onClose }: { post: Post | null; onClose: () => void }) {
  const { t, i18n } = useTranslation(FORUM_NS);
  const revisions = useRevisions(post?.id ?? null);
  return (
    <Modal
      opened={post !== null}
      onClose={onClose}
      title={post ? t('revisions.title', { seq: post.seq }) : ''}
      size="lg"
    >
      {revisions.isPending && <PageLoader />}
      {revisions.isError && <ErrorAlert error={revisions.error} />}
      {revisions.data && revisions.data.items.length === 0 && <Text>{t('revisions.empty')}</Text>}
      {revisions.data && revisions.data.items.length > 0 && (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {revisions.data.items.map((r) => {
            const when = formatWhen(r.replacedAt, i18n.language);
            return (
              <Paper component="li" key={r.id} withBorder p="sm" radius="md">
                <Text size="sm" c="gray.8" mb={6}>
                  {r.editedBy
                    ? t('revisions.replacedBy', { when, name: r.editedBy.name })
                    : t('revisions.replaced', { when })}
                </Text>
                <div
                  className={classes.body}
                  dir="auto"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (Markdown rendered without raw HTML, then a tag whitelist)
                  dangerouslySetInnerHTML={{ __html: r.html }}
                />
              </Paper>
            );
          })}
        </Stack>
      )}
    </Modal>
  );
}
