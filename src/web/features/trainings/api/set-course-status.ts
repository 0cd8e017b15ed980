// POST /courses/{id}/status (staff): publish, withdraw or cancel.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseDetail, CourseStatusBody } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const setCourseStatus = (id: string, body: CourseStatusBody) =>
  api<CourseDetail>(`/courses/${encodeURIComponent(id)}/status`, { method: 'POST', body });

export function useSetCourseStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseStatusBody) => setCourseStatus(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
