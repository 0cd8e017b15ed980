// POST /events/{id}/registrations/{registrationId}/cancel: the person, whoever registered them, or a manager.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MyRegistration } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const cancelRegistration = (eventId: string, registrationId: string) =>
  api<MyRegistration>(
    `/events/${encodeURIComponent(eventId)}/registrations/${encodeURIComponent(registrationId)}/cancel`,
    { method: 'POST' },
  );

export function useCancelRegistration(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (registrationId: string) => cancelRegistration(eventId, registrationId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
