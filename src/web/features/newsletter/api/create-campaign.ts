// POST /newsletter/campaigns (staff): a new draft.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail, CreateCampaignBody } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const createCampaign = (body: CreateCampaignBody) =>
  api<CampaignDetail>('/newsletter/campaigns', { method: 'POST', body });

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['newsletter', 'campaigns'] }),
  });
}
