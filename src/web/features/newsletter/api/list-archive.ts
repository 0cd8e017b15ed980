// GET /newsletter/archive: sent newsletters, newest first, in the reader's language.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ArchiveList } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const listArchive = (locale: string, cursor?: string) =>
  api<ArchiveList>('/newsletter/archive', { query: { locale, cursor } });

export function useArchive(locale: string) {
  return useInfiniteQuery({
    queryKey: ['newsletter', 'archive', locale],
    queryFn: ({ pageParam }) => listArchive(locale, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
