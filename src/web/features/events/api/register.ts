// POST /events/{id}/registrations: myself, a colleague, or a guest.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterInput, RegisterResult } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const registerToEvent = (eventId: string, body: RegisterInput) =>
  api<RegisterResult>(`/events/${encodeURIComponent(eventId)}/registrations`, { method: 'POST', body });

export function useRegister(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterInput) => registerToEvent(eventId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
