// GET /events (staff: every status, past and upcoming) and GET /events/{id}: events whose participants a
// campaign can be sent to, found by words, and the titles of the ones already chosen.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { EventDetail, EventList } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export function useEventSearch(q: string) {
  return useQuery({
    queryKey: ['newsletter', 'event-choices', q],
    queryFn: () => {
      const params = new URLSearchParams({ when: 'all', limit: '20' });
      if (q.trim()) params.set('q', q.trim());
      return api<EventList>(`/events?${params}`);
    },
    placeholderData: keepPreviousData,
  });
}

export function useEventsById(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['newsletter', 'event', id],
      queryFn: () => api<EventDetail>(`/events/${id}`),
      staleTime: 60_000,
    })),
  });
}
