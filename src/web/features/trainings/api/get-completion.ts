// GET /courses/{id}/completion (staff): overall, per organisation and per region.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseCompletion } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const getCompletion = (courseId: string) =>
  api<CourseCompletion>(`/courses/${encodeURIComponent(courseId)}/completion`);

export const completionQuery = (courseId: string) =>
  queryOptions({ queryKey: ['courses', 'completion', courseId], queryFn: () => getCompletion(courseId) });

export function useCompletion(courseId: string) {
  return useQuery(completionQuery(courseId));
}
