// POST /courses/{id}/enrolments: myself or a colleague; waitlisted when full.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnrolBody, MyEnrolment } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const enrol = (courseId: string, body: EnrolBody) =>
  api<MyEnrolment>(`/courses/${encodeURIComponent(courseId)}/enrolments`, { method: 'POST', body });

export function useEnrol(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnrolBody) => enrol(courseId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
