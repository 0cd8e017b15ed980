// POST /events/{id}/walk-ins: someone who came to the door without registering.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CheckinResult, WalkInBody } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const addWalkIn = (eventId: string, body: Partial<WalkInBody> & { name: string }) =>
  api<CheckinResult>(`/events/${encodeURIComponent(eventId)}/walk-ins`, { method: 'POST', body });

export function useAddWalkIn(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<WalkInBody> & { name: string }) => addWalkIn(eventId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events', 'checkins', eventId] }),
  });
}
