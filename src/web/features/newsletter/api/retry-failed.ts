// POST /newsletter/campaigns/:id/retry (staff): send again the mails the outbox gave up on.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RetryResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const retryFailed = (id: string) =>
  api<RetryResponse>(`/newsletter/campaigns/${encodeURIComponent(id)}/retry`, { method: 'POST' });

export function useRetryFailed(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => retryFailed(id),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['newsletter'] }),
  });
}
