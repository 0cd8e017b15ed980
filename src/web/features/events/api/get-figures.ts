// GET /events/{id}/figures: attendance by status, organisation, kind of body, region and mode.
import { useQuery } from '@tanstack/react-query';
import type { EventFigures } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getFigures = (eventId: string) =>
  api<EventFigures>(`/events/${encodeURIComponent(eventId)}/figures`);

export function useFigures(eventId: string) {
  return useQuery({ queryKey: ['events', 'figures', eventId], queryFn: () => getFigures(eventId) });
}
