// GET /organizations?q=: organisations to start an engagement with (the engagement form's search).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryResponse } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const searchOrganisations = (q: string) =>
  api<DirectoryResponse>('/organizations', { query: { q, pageSize: 10 } });

export const useSearchOrganisations = (q: string) =>
  useQuery({
    queryKey: ['mentoring', 'org-search', q],
    queryFn: () => searchOrganisations(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
