// PATCH /newsletter/campaigns/:id (staff): save a draft.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail, UpdateCampaignBody } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';
import { campaignQuery } from './get-campaign.js';

export const updateCampaign = (id: string, body: UpdateCampaignBody) =>
  api<CampaignDetail>(`/newsletter/campaigns/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useUpdateCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) => updateCampaign(id, body),
    onSuccess: (c) => {
      qc.setQueryData(campaignQuery(id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['newsletter', 'campaigns'] });
    },
  });
}
