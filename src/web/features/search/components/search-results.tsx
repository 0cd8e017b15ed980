// The groups of results: a heading per kind, a card per item, a link to the module's own list.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchGroup, SearchItem } from '../../../../shared/search.js';
import { SEARCH_NS } from '../messages.js';

function metaOf(kind: SearchGroup['kind'], meta: string | null, t: (k: string) => string, lang: string) {
  if (!meta) return null;
  if (kind === 'events') {
    const d = new Date(meta);
    return Number.isNaN(d.getTime())
      ? null
      : new Intl.DateTimeFormat(lang, {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Europe/Rome',
        }).format(d);
  }
  if (kind === 'courses') return t(`format_${meta}`);
  if (kind === 'resources') return t(`res_${meta}`);
  if (kind === 'threads' || kind === 'posts') return t(`forum_${meta}`);
  return meta;
}

function ResultCard({ kind, item }: { kind: SearchGroup['kind']; item: SearchItem }) {
  const { t, i18n } = useTranslation(SEARCH_NS);
  const meta = metaOf(kind, item.meta, t, i18n.language);
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={4}>
        <Anchor
          component={Link}
          to={item.path}
          fw={700}
          c="teal.9"
          underline="always"
          style={{ overflowWrap: 'anywhere' }}
        >
          <bdi>{item.title}</bdi>
        </Anchor>
        {meta && (
          <Text size="sm" c="gray.8">
            <bdi>{meta}</bdi>
          </Text>
        )}
        {item.snippet && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{item.snippet}</bdi>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function SearchResults({ groups }: { groups: SearchGroup[] }) {
  const { t } = useTranslation(SEARCH_NS);
  return (
    <Stack gap="xl">
      {groups.map((g) => {
        const kind = t(`kind_${g.kind}`);
        const headingId = `search-group-${g.kind}`;
        return (
          <Stack
            key={g.kind}
            gap="sm"
            component="section"
            aria-labelledby={headingId}
            data-testid={`group-${g.kind}`}
          >
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} size="h3" id={headingId}>
                {kind}
              </Title>
              {g.items.length > 0 && (
                <Anchor component={Link} to={g.seeAllPath} size="sm" c="teal.9" underline="always">
                  {t('seeAllOf', { kind })}
                </Anchor>
              )}
            </Group>
            {g.items.length === 0 ? (
              <Text c="gray.8">{t('groupEmpty')}</Text>
            ) : (
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {g.items.map((item) => (
                  <ResultCard key={item.id} kind={g.kind} item={item} />
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
