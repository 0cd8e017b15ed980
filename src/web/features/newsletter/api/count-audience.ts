// POST /newsletter/campaigns/audience-count (staff): how many people an audience reaches.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AudienceCountResponse, AudienceInput } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const countAudience = (audience: AudienceInput) =>
  api<AudienceCountResponse>('/newsletter/campaigns/audience-count', { method: 'POST', body: audience });

export function useAudienceCount(audience: AudienceInput) {
  return useQuery({
    queryKey: ['newsletter', 'audience-count', audience],
    queryFn: () => countAudience(audience),
    placeholderData: keepPreviousData,
  });
}
