// GET /me/courses: the person's courses with progress and certificates.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyCourseList } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const myCourses = () => api<MyCourseList>('/me/courses');

export const myCoursesQuery = queryOptions({ queryKey: ['courses', 'mine'], queryFn: myCourses });

export function useMyCourses() {
  return useQuery(myCoursesQuery);
}
