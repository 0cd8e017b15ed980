// GET /me/calendar (created on first call) and POST /me/calendar (a new secret URL; the old one stops).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeed } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getMyCalendar = () => api<CalendarFeed>('/me/calendar');
export const regenerateMyCalendar = () => api<CalendarFeed>('/me/calendar', { method: 'POST' });

export function useMyCalendar(enabled = true) {
  return useQuery({ queryKey: ['events', 'my-calendar'], queryFn: getMyCalendar, enabled });
}

export function useRegenerateMyCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: regenerateMyCalendar,
    onSuccess: (feed) => qc.setQueryData(['events', 'my-calendar'], feed),
  });
}
