// Library front page: search (also inside documents), filters, staff collections, results.
import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DOCUMENT_LANGUAGES, pickResourceText, RESOURCE_KINDS } from '../../../shared/resources.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useCollections } from '../../features/resources/api/collections.js';
import { useResources } from '../../features/resources/api/list-resources.js';
import { useReference } from '../../features/resources/api/reference.js';
import { ResourceCard } from '../../features/resources/components/resource-card.js';
import { RESOURCES_NS } from '../../features/resources/messages.js';

export function Component() {
  const { t, i18n } = useTranslation(RESOURCES_NS);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = {
    q: q || undefined,
    kind: params.get('kind') ?? undefined,
    language: params.get('language') ?? undefined,
    field: params.get('field') ?? undefined,
    collection: params.get('collection') ?? undefined,
  };
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = useResources(filters);
  const collections = useCollections();
  const reference = useReference();
  const session = useSession();
  const user = session.data?.user ?? null;
  const canAdd = isStaffUser(user) || (user?.memberships ?? []).some((m) => m.role !== 'delegate');
  useEffect(() => {
    document.title = `${t('library.title')} · Trama`;
  }, [t]);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set('q', text.trim() || null);
  };
  const filtering = Object.values(filters).some(Boolean);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The words typed matched no text: the items are those of the nearest words that exist.
  const corrected = list.data?.pages[0]?.correctedQuery;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('library.title')}</Title>
        <Text c="gray.8">{t('library.intro')}</Text>
      </Stack>
      {canAdd && (
        <Group gap="sm">
          <Button component={Link} to="/resources/new" color="teal.9">
            {t('library.add')}
          </Button>
          {isStaffUser(user) && (
            <Button component={Link} to="/staff/resource-collections" variant="light" c="teal.9">
              {t('library.manageCollections')}
            </Button>
          )}
        </Group>
      )}
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('library.search')}
            description={t('library.searchHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            type="search"
            name="q"
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" color="teal.9">
            {t('library.submit')}
          </Button>
        </Group>
      </form>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('library.kind')}
          placeholder={t('library.any')}
          clearable
          value={filters.kind ?? null}
          onChange={(v) => set('kind', v)}
          data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <Select
          label={t('library.language')}
          placeholder={t('library.any')}
          clearable
          value={filters.language ?? null}
          onChange={(v) => set('language', v)}
          data={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <Select
          label={t('library.field')}
          placeholder={t('library.any')}
          clearable
          searchable
          value={filters.field ?? null}
          onChange={(v) => set('field', v)}
          data={(reference.data?.fields ?? []).map((f) => ({
            value: f.slug,
            label: pickResourceText(f.names, i18n.language) || f.slug,
          }))}
        />
      </SimpleGrid>

      {!filtering && collections.data && collections.data.items.length > 0 && (
        <Stack gap="md" component="section" aria-labelledby="collections-heading">
          <Title order={2} id="collections-heading">
            {t('library.collections')}
          </Title>
          {collections.data.items
            .filter((c) => c.items.length > 0)
            .map((c) => (
              <Stack key={c.id} gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={3}>{pickResourceText(c.title, i18n.language)}</Title>
                  <Anchor component="button" type="button" c="teal.9" onClick={() => set('collection', c.id)}>
                    {t('library.more')}
                  </Anchor>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                  {c.items.slice(0, 6).map((r) => (
                    <ResourceCard key={r.id} resource={r} />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="results-heading">
        <div>
          <Title order={2} id="results-heading">
            {q ? t('library.resultsFor', { q }) : t('library.results')}
          </Title>
          <div aria-live="polite">
            {q && corrected && items.length > 0 && (
              <Text mt="xs" fw={500} data-testid="resources-corrected" style={{ overflowWrap: 'anywhere' }}>
                {t('library.corrected', { corrected, q })}
              </Text>
            )}
          </div>
        </div>
        {list.isPending && <Skeleton h={120} radius="md" aria-hidden />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && items.length === 0 && (
          <Paper withBorder p="lg" radius="md">
            <Text>{t('library.empty')}</Text>
          </Paper>
        )}
        {items.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((r) => (
              <li key={r.id}>
                <ResourceCard resource={r} />
              </li>
            ))}
          </Stack>
        )}
        {list.hasNextPage && (
          <Button
            variant="light"
            c="teal.9"
            w="fit-content"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('library.more')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
