// GET /forum/threads: threads of a space or of every visible space (unanswered questions, unread), by cursor.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ThreadKind, ThreadList } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export type ThreadFilters = { space?: string; kind?: ThreadKind; unanswered?: boolean; unread?: boolean };

export const listThreads = (f: ThreadFilters, cursor?: string) =>
  api<ThreadList>('/forum/threads', {
    query: {
      space: f.space,
      kind: f.kind,
      unanswered: f.unanswered ? 'true' : undefined,
      unread: f.unread ? 'true' : undefined,
      cursor,
      limit: 30,
    },
  });

export function useThreads(f: ThreadFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['forum', 'threads', 'list', f],
    queryFn: ({ pageParam }) => listThreads(f, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
