// PATCH /newsletter/subscriptions/mine: subscribe, unsubscribe or change preferences from the profile.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MySubscriptionResponse, UpdateMySubscriptionBody } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';
import { mySubscriptionQuery } from './get-my-subscription.js';

export const updateMySubscription = (body: UpdateMySubscriptionBody) =>
  api<MySubscriptionResponse>('/newsletter/subscriptions/mine', { method: 'PATCH', body });

export function useUpdateMySubscription() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateMySubscription,
    onSuccess: (data) => qc.setQueryData(mySubscriptionQuery.queryKey, data),
  });
}
