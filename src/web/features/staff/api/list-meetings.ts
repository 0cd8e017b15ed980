import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Meeting } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const listMeetings = (slug: string) =>
  api<{ items: Meeting[] }>(`/organizations/${encodeURIComponent(slug)}/meetings`);

export const meetingsQuery = (slug: string) =>
  queryOptions({ queryKey: ['staff', 'meetings', slug], queryFn: () => listMeetings(slug) });

export const useMeetings = (slug: string) => useQuery(meetingsQuery(slug));
