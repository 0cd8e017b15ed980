// GET /mentoring/sessions?upcoming=true: upcoming sessions of the engagements I see (no notes).
import { useQuery } from '@tanstack/react-query';
import type { SessionList } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const listUpcomingSessions = () =>
  api<SessionList>('/mentoring/sessions', { query: { upcoming: 'true', limit: 50 } });

export function useUpcomingSessions() {
  return useQuery({ queryKey: ['mentoring', 'sessions', 'upcoming'], queryFn: listUpcomingSessions });
}
