// GET /newsletter/campaigns/:id/progress (staff): polled every few seconds while the campaign sends.
import { useQuery } from '@tanstack/react-query';
import type { CampaignProgress } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const getProgress = (id: string) =>
  api<CampaignProgress>(`/newsletter/campaigns/${encodeURIComponent(id)}/progress`);

export function useProgress(id: string) {
  return useQuery({
    queryKey: ['newsletter', 'progress', id],
    queryFn: () => getProgress(id),
    refetchInterval: (q) => {
      const p = q.state.data;
      return p && (p.status === 'sending' || p.remaining > 0) ? 3000 : false;
    },
  });
}
