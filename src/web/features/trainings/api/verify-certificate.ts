// GET /certificates/{code}: public verification (404 when unknown).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CertificateVerification } from '../../../../shared/trainings.js';
import { api } from '../../../lib/api-client.js';

export const verifyCertificate = (code: string) =>
  api<CertificateVerification>(`/certificates/${encodeURIComponent(code)}`);

export const certificateQuery = (code: string) =>
  queryOptions({ queryKey: ['certificates', code], queryFn: () => verifyCertificate(code), retry: false });

export function useCertificate(code: string) {
  return useQuery(certificateQuery(code));
}
