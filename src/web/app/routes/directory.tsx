// "Partecipanti alla rete": the public directory, searchable and filterable, with its state in the URL.
import {
  Alert,
  Box,
  Button,
  Drawer,
  Group,
  Pagination,
  Paper,
  Pill,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACET_NAMES } from '../../../shared/organisations-constants.js';
import { useDirectory } from '../../features/directory/api/search-organisations.js';
import { useFacetLabel } from '../../features/directory/components/facet-labels.js';
import { FilterPanel } from '../../features/directory/components/filter-panel.js';
import { PAGE_SIZE, useDirectoryParams } from '../../features/directory/components/use-directory-params.js';
import { DIRECTORY_NS } from '../../features/directory/messages.js';
import { useReference } from '../../features/organisations/api/get-reference.js';
import { OrgCard } from '../../features/organisations/components/org-card.js';

export function Component() {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const { search, setQ, setFilter, removeFilter, clearFilters, setSort, setPage, activeCount } =
    useDirectoryParams();
  const result = useDirectory(search);
  const reference = useReference();
  const facets = result.data?.facets;
  const { facetLabel, fieldName } = useFacetLabel(facets, reference.data);
  const [drawer, { open, close }] = useDisclosure(false);
  const nf = new Intl.NumberFormat(i18n.language);

  // The box keeps what is typed; the URL follows a moment later, and the box follows the URL on back/forward.
  const [text, setText] = useState(search.q);
  const pushQ = useDebouncedCallback(setQ, 300);
  useEffect(() => {
    setText((current) => (current.trim() === search.q.trim() ? current : search.q));
  }, [search.q]);

  useEffect(() => {
    document.title = `${t('directory.title')} · Trama`;
  }, [t]);

  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const chips = FACET_NAMES.flatMap((name) => search.filters[name].map((value) => ({ name, value })));

  const filters = (
    <FilterPanel facets={facets} filters={search.filters} onChange={setFilter} label={facetLabel} />
  );

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Title order={1}>{t('directory.title')}</Title>
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            pushQ.flush?.();
            setQ(text);
          }}
        >
          <TextInput
            type="search"
            label={t('directory.searchLabel')}
            placeholder={t('directory.searchPlaceholder')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              pushQ(e.currentTarget.value);
            }}
            size="md"
            maxLength={200}
          />
        </form>
      </search>

      <Group justify="space-between" gap="sm" wrap="wrap" align="flex-end">
        <Text fw={600} aria-live="polite" role="status">
          {result.isPending
            ? t('common:states.loading')
            : t('directory.results', { count: total, n: nf.format(total) })}
        </Text>
        <Group gap="sm" wrap="wrap">
          <Button variant="default" hiddenFrom="md" onClick={open}>
            {activeCount > 0 ? t('directory.filtersCount', { count: activeCount }) : t('directory.filters')}
          </Button>
          <Select
            label={t('directory.sort')}
            data={[
              { value: 'relevance', label: t('directory.sortRelevance') },
              { value: 'name', label: t('directory.sortName') },
              { value: 'newest', label: t('directory.sortNewest') },
            ]}
            value={search.sort}
            onChange={(v) => v && setSort(v)}
            allowDeselect={false}
            w={{ base: 170, xs: 200 }}
            size="sm"
          />
        </Group>
      </Group>

      {chips.length > 0 && (
        <Group gap={6} aria-label={t('directory.activeFilters')} role="group">
          {chips.map((c) => (
            <Pill
              key={`${c.name}:${c.value}`}
              size="md"
              withRemoveButton
              onRemove={() => removeFilter(c.name, c.value)}
              removeButtonProps={{
                'aria-label': t('directory.removeFilter', { label: facetLabel(c.name, c.value) }),
              }}
            >
              {facetLabel(c.name, c.value)}
            </Pill>
          ))}
          <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
            {t('directory.clearAll')}
          </Button>
        </Group>
      )}

      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Box
          component="aside"
          visibleFrom="md"
          w={300}
          style={{ flexShrink: 0 }}
          aria-label={t('directory.filters')}
        >
          <Paper withBorder radius="md" p={0}>
            {filters}
          </Paper>
        </Box>

        <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
          {result.isError && (
            <Alert color="red" variant="light" role="alert" c="red.9">
              {t('common:states.error')}
              <Button variant="subtle" size="compact-sm" ms="sm" onClick={() => result.refetch()}>
                {t('common:actions.retry')}
              </Button>
            </Alert>
          )}
          {result.isPending && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} aria-hidden>
              {Array.from({ length: 6 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <Skeleton key={i} h={150} radius="md" />
              ))}
            </SimpleGrid>
          )}
          {result.data && result.data.items.length === 0 && (
            <Paper withBorder p="lg" radius="md">
              <Text fw={600}>{t('directory.empty')}</Text>
              <Text c="gray.7" size="sm" mt={4}>
                {t('directory.emptyHint')}
              </Text>
            </Paper>
          )}
          {result.data && result.data.items.length > 0 && (
            <SimpleGrid
              cols={{ base: 1, sm: 2 }}
              spacing="md"
              style={{ opacity: result.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
            >
              {result.data.items.map((org) => (
                <OrgCard key={org.id} org={org} fieldName={fieldName} />
              ))}
            </SimpleGrid>
          )}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                aria-label={t('directory.pagination')}
                total={pages}
                value={Math.min(search.page, pages)}
                onChange={(p) => {
                  setPage(p);
                  window.scrollTo({ top: 0 });
                }}
                siblings={1}
                boundaries={1}
                size="sm"
              />
            </Group>
          )}
        </Stack>
      </Group>

      <Drawer
        opened={drawer}
        onClose={close}
        title={t('directory.filters')}
        position="bottom"
        size="90%"
        closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      >
        <Stack gap="md" pb="md">
          {filters}
          <Group grow>
            {activeCount > 0 && (
              <Button variant="default" onClick={clearFilters}>
                {t('directory.clearAll')}
              </Button>
            )}
            <Button onClick={close}>
              {t('directory.showResults', { count: total, n: nf.format(total) })}
            </Button>
          </Group>
        </Stack>
      </Drawer>
    </Stack>
  );
}
