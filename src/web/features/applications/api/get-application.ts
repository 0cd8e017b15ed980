// GET /applications/{id}?token=: the applicant's own application, opened from the link in the staff's email.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationDetail } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getApplication = (id: string, token: string) =>
  api<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`, { query: { token } });

export const applicationQuery = (id: string, token: string) =>
  queryOptions({ queryKey: ['applications', id, token], queryFn: () => getApplication(id, token) });

export function useApplication(id: string | undefined, token: string) {
  return useQuery({ ...applicationQuery(id ?? '', token), enabled: Boolean(id) });
}
