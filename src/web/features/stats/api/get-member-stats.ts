import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MemberStats } from '../../../../shared/stats.js';
import { api } from '../../../lib/api-client.js';

export const getMemberStats = () => api<MemberStats>('/stats/members');

export const memberStatsQuery = queryOptions({
  queryKey: ['staff', 'stats', 'members'],
  queryFn: getMemberStats,
});

export const useMemberStats = () => useQuery(memberStatsQuery);
