// POST /mentoring/engagements/{id}/sessions (mentor, staff): record or schedule a session with actions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MentoringSession, SessionInput } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const createSession = (id: string, body: SessionInput) =>
  api<MentoringSession>(`/mentoring/engagements/${encodeURIComponent(id)}/sessions`, {
    method: 'POST',
    body,
  });

export function useCreateSession(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionInput) => createSession(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}
