// One item of the library in a list: kind, title and summary in the reader's language, file facts.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pickResourceText, type ResourceSummary } from '../../../../shared/resources.js';
import { RESOURCES_NS } from '../messages.js';
import { fileKind, formatSize } from './format.js';

export function ResourceCard({ resource: r }: { resource: ResourceSummary }) {
  const { t, i18n } = useTranslation(RESOURCES_NS);
  const title = pickResourceText(r.title, i18n.language);
  const summary = pickResourceText(r.summary, i18n.language);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="teal" c="teal.9">
            {t(`kinds.${r.kind}`)}
          </Badge>
          {r.status === 'draft' && (
            <Badge variant="outline" color="gray" c="gray.8">
              {t('statuses.draft')}
            </Badge>
          )}
          {r.visibility !== 'public' && (
            <Badge variant="outline" color="grape" c="grape.9">
              {t(`visibilities.${r.visibility}`)}
            </Badge>
          )}
        </Group>
        <Anchor component={Link} to={`/resources/${r.id}`} fw={600} size="lg" c="teal.9">
          {title}
        </Anchor>
        {summary && (
          <Text size="sm" c="gray.8" lineClamp={3}>
            {summary}
          </Text>
        )}
        <Text size="xs" c="gray.8">
          {[
            t(`languages.${r.language}`),
            r.current
              ? `${fileKind(r.current.contentType)} · ${formatSize(r.current.sizeBytes, i18n.language)}`
              : null,
            r.organisation?.name,
            t('library.downloads', { count: r.downloadCount }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}
