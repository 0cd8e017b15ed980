// GET /organizations: one page of the directory with facet counts; the previous page stays on screen while the next loads.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DirectoryResponse, FacetName } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export type DirectorySearch = {
  q: string;
  sort: 'relevance' | 'name' | 'newest';
  page: number;
  pageSize: number;
  lang: string;
  filters: Record<FacetName, string[]>;
};

export const searchOrganisations = (s: DirectorySearch) =>
  api<DirectoryResponse>('/organizations', {
    query: { q: s.q, sort: s.sort, page: s.page, pageSize: s.pageSize, lang: s.lang, ...s.filters },
  });

export const directoryQuery = (s: DirectorySearch) =>
  queryOptions({ queryKey: ['organisations', 'directory', s], queryFn: () => searchOrganisations(s) });

export function useDirectory(s: DirectorySearch) {
  return useQuery({ ...directoryQuery(s), placeholderData: keepPreviousData });
}
