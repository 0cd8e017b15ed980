// POST /newsletter/unsubscribe: the button on the unsubscribe page.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TokenSubscriptionResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const unsubscribe = (token: string) =>
  api<TokenSubscriptionResponse>('/newsletter/unsubscribe', { method: 'POST', body: { token } });

export function useUnsubscribe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: unsubscribe,
    onSuccess: (data, token) => qc.setQueryData(['newsletter', 'token', token], data),
  });
}
