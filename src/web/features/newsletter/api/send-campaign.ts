// POST /newsletter/campaigns/:id/send (staff): start sending now.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';
import { campaignQuery } from './get-campaign.js';

export const sendCampaign = (id: string) =>
  api<CampaignDetail>(`/newsletter/campaigns/${encodeURIComponent(id)}/send`, { method: 'POST' });

export function useSendCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => sendCampaign(id),
    onSuccess: (c) => {
      qc.setQueryData(campaignQuery(id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['newsletter', 'campaigns'] });
    },
  });
}
