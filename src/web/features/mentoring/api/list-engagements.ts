// GET /mentoring/engagements: my engagements (staff: all), paged.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { EngagementList } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const listEngagements = (cursor?: string) =>
  api<EngagementList>('/mentoring/engagements', { query: { cursor, limit: 20 } });

export function useEngagements() {
  return useInfiniteQuery({
    queryKey: ['mentoring', 'engagements'],
    queryFn: ({ pageParam }) => listEngagements(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
