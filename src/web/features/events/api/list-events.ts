// GET /events: one page of events (keyset cursor); "show more" appends the next page.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { EventList, EventListQuery } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export type EventSearch = Partial<Omit<EventListQuery, 'cursor'>>;

export const listEvents = (s: EventSearch, cursor?: string) =>
  api<EventList>('/events', { query: { ...(s as Record<string, string | string[] | number>), cursor } });

export function useEventList(s: EventSearch, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['events', 'list', s],
    queryFn: ({ pageParam }) => listEvents(s, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
