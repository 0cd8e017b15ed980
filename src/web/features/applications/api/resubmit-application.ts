// PUT /applications/{id}?token=: the applicant sends the application again after the staff asked for changes.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApplicationInputValues } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';
import type { ApplicationCreatedResponse } from './submit-application.js';

export const resubmitApplication = (id: string, token: string, body: ApplicationInputValues) =>
  api<ApplicationCreatedResponse>(`/applications/${encodeURIComponent(id)}`, {
    method: 'PUT',
    query: { token },
    body,
  });

export function useResubmitApplication(id: string, token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationInputValues) => resubmitApplication(id, token, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applications', id] }),
  });
}
