// The one search across Trama: a field and the results grouped by kind; the words live in ?q=.
import { Button, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SEARCH_MAX_QUERY } from '../../../shared/search.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { useSearch } from '../../features/search/api/search.js';
import { SearchResults } from '../../features/search/components/search-results.js';
import { SEARCH_NS } from '../../features/search/messages.js';

export function Component() {
  const { t, i18n } = useTranslation(SEARCH_NS);
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_QUERY);
  const [text, setText] = useState(q);
  const input = useRef<HTMLInputElement>(null);
  const results = useSearch(q, i18n.language);

  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = `${q ? t('resultsFor', { q }) : t('title')} · Trama`;
  }, [t, q]);
  useEffect(() => {
    if (!q) input.current?.focus();
  }, [q]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const words = text.trim();
    setParams(words ? { q: words } : {});
  };
  const empty = results.data?.groups.every((g) => g.items.length === 0);
  // The words typed matched no text: the results are those of the nearest words that exist.
  const corrected = results.data?.correctedQuery ?? null;

  return (
    <Stack gap="lg" maw={860} mx="auto">
      <Stack gap={4}>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {q ? t('resultsFor', { q }) : t('title')}
        </Title>
        <Text c="gray.8">{t('intro')}</Text>
      </Stack>
      <search aria-label={t('title')}>
        <form onSubmit={submit}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              ref={input}
              type="search"
              name="q"
              label={t('field')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={SEARCH_MAX_QUERY}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="search-page-input"
            />
            <Button type="submit">{t('submit')}</Button>
          </Group>
        </form>
      </search>
      {q && results.isPending && <Skeleton h={200} radius="md" aria-hidden />}
      {results.isError && <ErrorAlert error={results.error} />}
      {q && results.data && (
        <div aria-live="polite">
          {corrected && !empty && (
            <Text mb="md" fw={500} data-testid="search-corrected" style={{ overflowWrap: 'anywhere' }}>
              {t('corrected', { corrected, q })}
            </Text>
          )}
          {empty ? <Text>{t('nothing', { q })}</Text> : <SearchResults groups={results.data.groups} />}
        </div>
      )}
    </Stack>
  );
}
