// GET /search: the one search across Trama, grouped by kind, titles in the reader's language.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchResponse } from '../../../../shared/search.js';
import { api } from '../../../lib/api-client.js';

export const searchAll = (q: string, lang: string) =>
  api<SearchResponse>('/search', { query: { q, lang, limit: 5 } });

export function useSearch(q: string, lang: string) {
  return useQuery({
    queryKey: ['search', q, lang],
    queryFn: () => searchAll(q, lang),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
