// POST /newsletter/campaigns/:id/schedule (staff): send at a given time.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';
import { campaignQuery } from './get-campaign.js';

export const scheduleCampaign = (id: string, at: string) =>
  api<CampaignDetail>(`/newsletter/campaigns/${encodeURIComponent(id)}/schedule`, {
    method: 'POST',
    body: { at },
  });

export function useScheduleCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (at: string) => scheduleCampaign(id, at),
    onSuccess: (c) => {
      qc.setQueryData(campaignQuery(id).queryKey, c);
      void qc.invalidateQueries({ queryKey: ['newsletter', 'campaigns'] });
    },
  });
}
