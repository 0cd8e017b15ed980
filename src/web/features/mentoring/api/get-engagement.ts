// GET /mentoring/engagements/{id}: the engagement page (sessions, requests, actions, timeline).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EngagementDetail } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const getEngagement = (id: string) =>
  api<EngagementDetail>(`/mentoring/engagements/${encodeURIComponent(id)}`);

export const engagementQuery = (id: string) =>
  queryOptions({ queryKey: ['mentoring', 'engagement', id], queryFn: () => getEngagement(id), retry: false });

export function useEngagement(id: string) {
  return useQuery(engagementQuery(id));
}
