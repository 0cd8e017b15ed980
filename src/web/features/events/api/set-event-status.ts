// POST /events/{id}/status: publish, send back to draft, or cancel, with an optional note.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventDetail, EventStatusBody } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const setEventStatus = (id: string, body: EventStatusBody) =>
  api<EventDetail>(`/events/${encodeURIComponent(id)}/status`, { method: 'POST', body });

export function useSetEventStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: EventStatusBody & { id: string }) => setEventStatus(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
