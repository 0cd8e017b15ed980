import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DirectoryResponse } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const staffSearchOrganisations = (q: string) =>
  api<DirectoryResponse>('/organizations', { query: { q, pageSize: 10 } });

export const useStaffSearchOrganisations = (q: string) =>
  useQuery({
    queryKey: ['staff', 'org-search', q],
    queryFn: () => staffSearchOrganisations(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
