// GET /forum/spaces/{id or slug}: a space with its moderators, members (staff) and my previous visit.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SpaceDetail } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const getSpace = (idOrSlug: string) =>
  api<SpaceDetail>(`/forum/spaces/${encodeURIComponent(idOrSlug)}`);

export const spaceQuery = (idOrSlug: string) =>
  queryOptions({
    queryKey: ['forum', 'spaces', 'detail', idOrSlug],
    queryFn: () => getSpace(idOrSlug),
    retry: false,
    // The server records the visit when the space is read: asking again on every focus would move
    // "previous visit" forward while the person is still looking at the list.
    staleTime: 5 * 60_000,
  });

export function useSpace(idOrSlug: string | undefined) {
  return useQuery({ ...spaceQuery(idOrSlug ?? ''), enabled: Boolean(idOrSlug) });
}
