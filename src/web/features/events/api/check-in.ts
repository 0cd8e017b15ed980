// POST /events/{id}/checkins: by scanned/typed code or by the id picked from the name search; idempotent.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CheckinBody, CheckinResult } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const checkIn = (eventId: string, body: CheckinBody) =>
  api<CheckinResult>(`/events/${encodeURIComponent(eventId)}/checkins`, { method: 'POST', body });

export function useCheckIn(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckinBody) => checkIn(eventId, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events', 'checkins', eventId] }),
  });
}
