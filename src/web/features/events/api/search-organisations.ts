// GET /organizations?q=: member organisations by name, to pick an organiser or a trusted organiser.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryResponse } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ['events', 'organisation-search', q],
    queryFn: () => api<DirectoryResponse>('/organizations', { query: { q, pageSize: 10, sort: 'name' } }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
