// POST /courses/{id}/enrolments/{enrolmentId}/certificate: issued once the course is completed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateInfo } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const issueCertificate = (courseId: string, enrolmentId: string) =>
  api<CertificateInfo>(
    `/courses/${encodeURIComponent(courseId)}/enrolments/${encodeURIComponent(enrolmentId)}/certificate`,
    { method: 'POST' },
  );

export function useIssueCertificate(courseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: string) => issueCertificate(courseId, enrolmentId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['courses'] }),
  });
}
