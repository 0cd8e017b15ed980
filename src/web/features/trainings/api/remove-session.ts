// DELETE /courses/{id}/sessions/{sessionId} (staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const removeSession = (courseId: string, sessionId: string) =>
  api<void>(`/courses/${encodeURIComponent(courseId)}/sessions/${encodeURIComponent(sessionId)}`, {
    method: 'DELETE',
  });

export function useRemoveSession(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => removeSession(courseId, sessionId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
