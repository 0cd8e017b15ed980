// POST /mentoring/engagements/{id}/requests (the organisation): ask for a session.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestInput, SessionRequest } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const createRequest = (id: string, body: RequestInput) =>
  api<SessionRequest>(`/mentoring/engagements/${encodeURIComponent(id)}/requests`, { method: 'POST', body });

export function useCreateRequest(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestInput) => createRequest(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}
