// GET /resources: search and filters of the library, paged by cursor.
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ResourceList } from '../../../../shared/resources.js';
import { api } from '../../../lib/api-client.js';

export type ResourceFilters = {
  q?: string;
  kind?: string;
  language?: string;
  field?: string;
  collection?: string;
};

export const listResources = (f: ResourceFilters, cursor?: string) =>
  api<ResourceList>('/resources', { query: { ...f, cursor, limit: 20 } });

export function useResources(f: ResourceFilters) {
  return useInfiniteQuery({
    queryKey: ['resources', 'list', f],
    queryFn: ({ pageParam }) => listResources(f, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
