// POST /certificates/{code}/revoke (staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateVerification } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const revokeCertificate = (code: string, reason: string) =>
  api<CertificateVerification>(`/certificates/${encodeURIComponent(code)}/revoke`, {
    method: 'POST',
    body: { reason },
  });

export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { code: string; reason: string }) => revokeCertificate(v.code, v.reason),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['courses'] });
      qc.invalidateQueries({ queryKey: ['certificates'] });
    },
  });
}
