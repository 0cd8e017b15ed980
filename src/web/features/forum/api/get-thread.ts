// GET /forum/threads/{id}: a thread with its lessons, pages, my read position and what I may do.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ThreadDetail } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const getThread = (id: string) => api<ThreadDetail>(`/forum/threads/${encodeURIComponent(id)}`);

export const threadQuery = (id: string) =>
  queryOptions({ queryKey: ['forum', 'threads', 'detail', id], queryFn: () => getThread(id), retry: false });

export function useThread(id: string) {
  return useQuery(threadQuery(id));
}
