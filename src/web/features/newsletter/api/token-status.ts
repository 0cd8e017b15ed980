// POST /newsletter/subscriptions/status: whom a link from a newsletter belongs to (POST keeps the token out of logs).
import { useQuery } from '@tanstack/react-query';
import type { TokenSubscriptionResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const tokenStatus = (token: string) =>
  api<TokenSubscriptionResponse>('/newsletter/subscriptions/status', { method: 'POST', body: { token } });

export function useTokenStatus(token: string) {
  return useQuery({
    queryKey: ['newsletter', 'token', token],
    queryFn: () => tokenStatus(token),
    enabled: token.length > 0,
    retry: false,
  });
}
