// GET /forum/spaces/{id}/people?q=: people who may be mentioned in a space (the editor's @ picker).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PersonList } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const listSpacePeople = (spaceId: string, q: string) =>
  api<PersonList>(`/forum/spaces/${encodeURIComponent(spaceId)}/people`, { query: { q } });

export function useSpacePeople(spaceId: string | undefined, q: string | null) {
  return useQuery({
    queryKey: ['forum', 'people', spaceId, q],
    queryFn: () => listSpacePeople(spaceId ?? '', q ?? ''),
    enabled: Boolean(spaceId) && q !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
