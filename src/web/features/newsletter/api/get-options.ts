// GET /newsletter/options: programmes and topics a subscriber can choose.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NewsletterOptions } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const getNewsletterOptions = () => api<NewsletterOptions>('/newsletter/options');

export const newsletterOptionsQuery = queryOptions({
  queryKey: ['newsletter', 'options'],
  queryFn: getNewsletterOptions,
  staleTime: 5 * 60_000,
});

export function useNewsletterOptions() {
  return useQuery(newsletterOptionsQuery);
}
