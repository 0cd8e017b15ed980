// GET /events/{id}/feedback: managers see the average, the distribution and the comments.
import { useQuery } from '@tanstack/react-query';
import type { FeedbackSummary } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getFeedback = (eventId: string) =>
  api<FeedbackSummary>(`/events/${encodeURIComponent(eventId)}/feedback`);

export function useFeedbackSummary(eventId: string) {
  return useQuery({ queryKey: ['events', 'feedback', eventId], queryFn: () => getFeedback(eventId) });
}
