// POST /newsletter/subscriptions/confirm: the link from the confirmation mail.
import { useMutation } from '@tanstack/react-query';
import type { TokenSubscriptionResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const confirmSubscription = (token: string) =>
  api<TokenSubscriptionResponse>('/newsletter/subscriptions/confirm', { method: 'POST', body: { token } });

export function useConfirmSubscription() {
  return useMutation({ mutationFn: confirmSubscription });
}
