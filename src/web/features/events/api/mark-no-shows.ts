// POST /events/{id}/no-shows: after the start, everyone confirmed who did not check in becomes a no-show.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const markNoShows = (eventId: string) =>
  api<{ marked: number }>(`/events/${encodeURIComponent(eventId)}/no-shows`, { method: 'POST' });

export function useMarkNoShows(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => markNoShows(eventId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
