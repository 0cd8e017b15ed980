// POST /mentoring/engagements/{id}/requests/{requestId}/decline (mentor, staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionRequest } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const declineRequest = (id: string, requestId: string) =>
  api<SessionRequest>(
    `/mentoring/engagements/${encodeURIComponent(id)}/requests/${encodeURIComponent(requestId)}/decline`,
    { method: 'POST', body: {} },
  );

export function useDeclineRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => declineRequest(id, requestId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}
