// GET /courses/{id}/enrolments (staff): people, hours, completion and attendance per session.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EnrolmentList, EnrolmentListQuery } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const listEnrolments = (courseId: string, q: Partial<EnrolmentListQuery> = {}) =>
  api<EnrolmentList>(`/courses/${encodeURIComponent(courseId)}/enrolments`, { query: q });

export const enrolmentsQuery = (courseId: string, q: Partial<EnrolmentListQuery> = {}) =>
  queryOptions({
    queryKey: ['courses', 'enrolments', courseId, q],
    queryFn: () => listEnrolments(courseId, q),
  });

export function useEnrolments(courseId: string, q: Partial<EnrolmentListQuery> = {}) {
  return useQuery(enrolmentsQuery(courseId, q));
}
