// GET /events/month: every event overlapping a month, for the calendar view.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EventMonth, EventMonthQuery } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export type MonthSearch = Partial<Omit<EventMonthQuery, 'month'>> & { month: string };

export const getEventMonth = (s: MonthSearch) =>
  api<EventMonth>('/events/month', { query: s as Record<string, string | string[]> });

export function useEventMonth(s: MonthSearch, enabled = true) {
  return useQuery({
    queryKey: ['events', 'month', s],
    queryFn: () => getEventMonth(s),
    placeholderData: keepPreviousData,
    enabled,
  });
}
