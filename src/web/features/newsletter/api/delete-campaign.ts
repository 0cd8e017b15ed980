// DELETE /newsletter/campaigns/:id (staff): drop a draft.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const deleteCampaign = (id: string) =>
  api<void>(`/newsletter/campaigns/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useDeleteCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteCampaign,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['newsletter', 'campaigns'] }),
  });
}
