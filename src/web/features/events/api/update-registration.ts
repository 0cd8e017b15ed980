// PATCH /events/{id}/registrations/{registrationId}: attended, no-show, or back to confirmed.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegistrationRow, RegistrationStatusBody } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const updateRegistration = (eventId: string, registrationId: string, body: RegistrationStatusBody) =>
  api<RegistrationRow>(
    `/events/${encodeURIComponent(eventId)}/registrations/${encodeURIComponent(registrationId)}`,
    { method: 'PATCH', body },
  );

export function useUpdateRegistration(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ registrationId, ...body }: RegistrationStatusBody & { registrationId: string }) =>
      updateRegistration(eventId, registrationId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
