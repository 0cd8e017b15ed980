// POST /courses/{id}/enrolments/{enrolmentId}/cancel.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MyEnrolment } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const cancelEnrolment = (courseId: string, enrolmentId: string) =>
  api<MyEnrolment>(
    `/courses/${encodeURIComponent(courseId)}/enrolments/${encodeURIComponent(enrolmentId)}/cancel`,
    { method: 'POST' },
  );

export function useCancelEnrolment(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => cancelEnrolment(courseId, enrolmentId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
