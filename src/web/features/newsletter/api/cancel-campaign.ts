// POST /newsletter/campaigns/:id/cancel (staff): unschedule, or stop a campaign that is sending.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';
import { campaignQuery } from './get-campaign.js';

export const cancelCampaign = (id: string) =>
  api<CampaignDetail>(`/newsletter/campaigns/${encodeURIComponent(id)}/cancel`, { method: 'POST' });

export function useCancelCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => cancelCampaign(id),
    onSuccess: (c) => {
      qc.setQueryData(campaignQuery(id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['newsletter', 'campaigns'] });
    },
  });
}
