// POST /events/{id}/feedback: once per participant, after the start (guests pass their mailed token).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeedbackBody } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const sendFeedback = (eventId: string, body: FeedbackBody) =>
  api<{ ok: true }>(`/events/${encodeURIComponent(eventId)}/feedback`, { method: 'POST', body });

export function useSendFeedback(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackBody) => sendFeedback(eventId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events'] }),
  });
}
