// GET /courses/{id}: the course, its sessions, and the viewer's enrolment and progress.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseDetail } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const getCourse = (id: string) => api<CourseDetail>(`/courses/${encodeURIComponent(id)}`);

export const courseQuery = (id: string) =>
  queryOptions({ queryKey: ['courses', 'detail', id], queryFn: () => getCourse(id) });

export function useCourse(id: string) {
  return useQuery(courseQuery(id));
}
