// POST /registrations/manage/cancel: one-click cancellation from the mail.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ManagedRegistration } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const cancelManagedRegistration = (token: string) =>
  api<ManagedRegistration>('/registrations/manage/cancel', { method: 'POST', body: { token } });

export function useCancelManagedRegistration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: cancelManagedRegistration,
    onSuccess: (data, token) => qc.setQueryData(['events', 'managed', token], data),
  });
}
