// GET /events/{id}: the event with what the viewer may do and their own registration.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EventDetail } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getEvent = (id: string) => api<EventDetail>(`/events/${encodeURIComponent(id)}`);

export const eventQuery = (id: string) =>
  queryOptions({ queryKey: ['events', 'detail', id], queryFn: () => getEvent(id) });

export function useEvent(id: string) {
  return useQuery(eventQuery(id));
}
