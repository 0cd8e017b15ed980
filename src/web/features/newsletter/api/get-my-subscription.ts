// GET /newsletter/subscriptions/mine: the logged-in person's subscription.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MySubscriptionResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const getMySubscription = () => api<MySubscriptionResponse>('/newsletter/subscriptions/mine');

export const mySubscriptionQuery = queryOptions({
  queryKey: ['newsletter', 'mine'],
  queryFn: getMySubscription,
});

export function useMySubscription() {
  return useQuery(mySubscriptionQuery);
}
