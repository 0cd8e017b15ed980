// GET /events/{id}/checkins: people to check in by name, with the live counts; refreshed every few seconds
// so two phones at two doors see the same numbers.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CheckinSearch } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const searchCheckins = (eventId: string, q: string) =>
  api<CheckinSearch>(`/events/${encodeURIComponent(eventId)}/checkins`, { query: { q, limit: 20 } });

export function useCheckinSearch(eventId: string, q: string, enabled = true) {
  return useQuery({
    queryKey: ['events', 'checkins', eventId, q],
    queryFn: () => searchCheckins(eventId, q),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
    enabled,
  });
}
