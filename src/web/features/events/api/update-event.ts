// PATCH /events/{id}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventDetail, UpdateEventBody } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const updateEvent = (id: string, body: UpdateEventBody) =>
  api<EventDetail>(`/events/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useUpdateEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateEventBody) => updateEvent(id, body),
    onSuccess: (saved) => {
      qc.setQueryData(['events', 'detail', id], saved);
      return qc.invalidateQueries({ queryKey: ['events'] });
    },
  });
}
