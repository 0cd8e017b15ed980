// GET /forum/spaces: the spaces the viewer may see, with counts and what is new since the last visit.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SpaceList } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const listSpaces = () => api<SpaceList>('/forum/spaces');

export const spacesQuery = queryOptions({ queryKey: ['forum', 'spaces', 'list'], queryFn: listSpaces });

export function useSpaces() {
  return useQuery(spacesQuery);
}
