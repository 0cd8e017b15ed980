// PATCH /mentoring/engagements/{id} (mentor, staff): e.g. close or reopen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EngagementDetail, UpdateEngagementBody } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const updateEngagement = (id: string, body: UpdateEngagementBody) =>
  api<EngagementDetail>(`/mentoring/engagements/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useUpdateEngagement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEngagementBody) => updateEngagement(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}
