// POST /events: staff create (draft or published); organisations propose their local events.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEventInput, EventDetail } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const createEvent = (body: CreateEventInput) => api<EventDetail>('/events', { method: 'POST', body });

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createEvent,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
