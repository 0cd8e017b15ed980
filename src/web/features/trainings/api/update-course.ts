// PATCH /courses/{id} (staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CourseDetail, UpdateCourseBody } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const updateCourse = (id: string, body: UpdateCourseBody) =>
  api<CourseDetail>(`/courses/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useUpdateCourse(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCourseBody) => updateCourse(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
