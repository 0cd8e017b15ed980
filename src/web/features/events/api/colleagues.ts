// GET /organizations/{slug}/members: colleagues a person may register for an event.
import { useQuery } from '@tanstack/react-query';
import type { MemberItem } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export function useColleagues(slug: string | null) {
  return useQuery({
    queryKey: ['events', 'colleagues', slug],
    queryFn: () => api<{ items: MemberItem[] }>(`/organizations/${encodeURIComponent(slug ?? '')}/members`),
    enabled: Boolean(slug),
  });
}
