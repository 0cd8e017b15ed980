// GET /me/events: the person's registrations, upcoming or past.
import { useQuery } from '@tanstack/react-query';
import type { MyEventList } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getMyEvents = (when: 'upcoming' | 'past') => api<MyEventList>('/me/events', { query: { when } });

export function useMyEvents(when: 'upcoming' | 'past', enabled = true) {
  return useQuery({ queryKey: ['events', 'mine', when], queryFn: () => getMyEvents(when), enabled });
}
