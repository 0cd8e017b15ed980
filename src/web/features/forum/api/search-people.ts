// GET /users?q= (network staff) and GET /organizations?q=: people and organisations for the space form.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserListResponse } from '../../../../shared/auth.js';
import type { DirectoryResponse } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const searchUsers = (q: string, role?: 'admin' | 'staff' | 'expert' | 'none') =>
  api<UserListResponse>('/users', { query: { q, role, limit: 20 } });

export const useSearchUsers = (q: string) =>
  useQuery({
    queryKey: ['forum', 'user-search', q],
    queryFn: () => searchUsers(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });

export const searchOrganisations = (q: string) =>
  api<DirectoryResponse>('/organizations', { query: { q, pageSize: 20 } });

export const useSearchOrganisations = (q: string) =>
  useQuery({
    queryKey: ['forum', 'org-search', q],
    queryFn: () => searchOrganisations(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
