// GET /resources/{id}: an item with its versions and what the viewer may do.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResourceDetail } from '../../../../shared/resources.js';
import { api } from '../../../lib/api-client.js';

export const getResource = (id: string) => api<ResourceDetail>(`/resources/${encodeURIComponent(id)}`);

export const resourceQuery = (id: string) =>
  queryOptions({ queryKey: ['resources', 'detail', id], queryFn: () => getResource(id) });

export function useResource(id: string | undefined) {
  return useQuery({ ...resourceQuery(id ?? ''), enabled: Boolean(id) });
}
