import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberItem } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getMembers = (slug: string) =>
  api<{ items: MemberItem[] }>(`/organizations/${encodeURIComponent(slug)}/members`);

export const membersQuery = (slug: string) =>
  queryOptions({ queryKey: ['organisations', slug, 'members'], queryFn: () => getMembers(slug) });

export function useMembers(slug: string) {
  return useQuery(membersQuery(slug));
}
