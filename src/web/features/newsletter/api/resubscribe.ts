// POST /newsletter/subscriptions/resubscribe: come back with the link from a newsletter.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TokenSubscriptionResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const resubscribe = (token: string) =>
  api<TokenSubscriptionResponse>('/newsletter/subscriptions/resubscribe', {
    method: 'POST',
    body: { token },
  });

export function useResubscribe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: resubscribe,
    onSuccess: (data, token) => qc.setQueryData(['newsletter', 'token', token], data),
  });
}
