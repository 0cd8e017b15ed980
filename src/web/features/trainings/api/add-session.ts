// POST /courses/{id}/sessions (staff): a session, which is also an event of the calendar.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseSession, SessionInput } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const addSession = (courseId: string, body: SessionInput) =>
  api<CourseSession>(`/courses/${encodeURIComponent(courseId)}/sessions`, { method: 'POST', body });

export function useAddSession(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionInput) => addSession(courseId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
