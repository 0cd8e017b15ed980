// GET /courses: published courses (staff: every status), paged by cursor.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CourseList, CourseListQueryInput } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const listCourses = (q: CourseListQueryInput) =>
  api<CourseList>('/courses', { query: q as Record<string, string | number | undefined> });

export const coursesQuery = (q: CourseListQueryInput) =>
  queryOptions({ queryKey: ['courses', 'list', q], queryFn: () => listCourses(q) });

export function useCourses(q: CourseListQueryInput) {
  return useQuery(coursesQuery(q));
}
