// GET /events/{id}/registrations: managers, filtered by status and words, keyset pages.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { RegistrationList, RegistrationStatus } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export type RegistrationSearch = { status: RegistrationStatus[]; q: string };

export const listRegistrations = (eventId: string, s: RegistrationSearch, cursor?: string) =>
  api<RegistrationList>(`/events/${encodeURIComponent(eventId)}/registrations`, {
    query: { status: s.status, q: s.q, cursor, limit: 50 },
  });

export function useRegistrations(eventId: string, s: RegistrationSearch) {
  return useInfiniteQuery({
    queryKey: ['events', 'registrations', eventId, s],
    queryFn: ({ pageParam }) => listRegistrations(eventId, s, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
