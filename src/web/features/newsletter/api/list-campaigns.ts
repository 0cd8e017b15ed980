// GET /newsletter/campaigns (staff): campaigns, newest first.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { CampaignList } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const listCampaigns = (cursor?: string) =>
  api<CampaignList>('/newsletter/campaigns', { query: { cursor } });

export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: ['newsletter', 'campaigns'],
    queryFn: ({ pageParam }) => listCampaigns(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
