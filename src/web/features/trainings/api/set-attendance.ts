// PUT /courses/{id}/sessions/{sessionId}/attendance/{enrolmentId} (staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnrolmentRow, SessionAttendance } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const setAttendance = (
  courseId: string,
  sessionId: string,
  enrolmentId: string,
  attendance: SessionAttendance,
) =>
  api<EnrolmentRow>(
    `/courses/${encodeURIComponent(courseId)}/sessions/${encodeURIComponent(sessionId)}/attendance/${encodeURIComponent(enrolmentId)}`,
    { method: 'PUT', body: { attendance } },
  );

export function useSetAttendance(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { sessionId: string; enrolmentId: string; attendance: SessionAttendance }) =>
      setAttendance(courseId, v.sessionId, v.enrolmentId, v.attendance),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
