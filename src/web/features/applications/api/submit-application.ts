// POST /applications: an organisation applies to join the network.
import { useMutation } from '@tanstack/react-query';
import type { ApplicationInputValues } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export type ApplicationCreatedResponse = { id: string; status: string };

export const submitApplication = (body: ApplicationInputValues) =>
  api<ApplicationCreatedResponse>('/applications', { method: 'POST', body });

export function useSubmitApplication() {
  return useMutation({ mutationFn: submitApplication });
}
