// POST /newsletter/subscriptions: ask for a confirmation link.
import { useMutation } from '@tanstack/react-query';
import type { SubscribeBody, SubscribeResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const subscribe = (body: SubscribeBody) =>
  api<SubscribeResponse>('/newsletter/subscriptions', { method: 'POST', body });

export function useSubscribe() {
  return useMutation({ mutationFn: subscribe });
}
