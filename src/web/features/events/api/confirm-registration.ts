// POST /registrations/confirm: a guest opens the link from the mail.
import { useMutation } from '@tanstack/react-query';
import type { ManagedRegistration } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const confirmRegistration = (token: string) =>
  api<ManagedRegistration>('/registrations/confirm', { method: 'POST', body: { token } });

export function useConfirmRegistration() {
  return useMutation({ mutationFn: confirmRegistration });
}
