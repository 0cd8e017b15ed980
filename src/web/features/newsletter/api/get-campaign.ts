// GET /newsletter/campaigns/:id (staff).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignDetail } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const getCampaign = (id: string) =>
  api<CampaignDetail>(`/newsletter/campaigns/${encodeURIComponent(id)}`);

export const campaignQuery = (id: string) =>
  queryOptions({ queryKey: ['newsletter', 'campaign', id], queryFn: () => getCampaign(id) });

export function useCampaign(id: string) {
  return useQuery(campaignQuery(id));
}
