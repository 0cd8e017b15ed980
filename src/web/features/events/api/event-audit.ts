// GET /events/{id}/audit: who changed the event's status, and when.
import { useQuery } from '@tanstack/react-query';
import type { AuditList } from '../../../../shared/audit.js';
import { api } from '../../../lib/api-client.js';

export function useEventAudit(eventId: string) {
  return useQuery({
    queryKey: ['events', 'audit', eventId],
    queryFn: () => api<AuditList>(`/events/${encodeURIComponent(eventId)}/audit`),
  });
}
