// GET/POST/PATCH/DELETE /resource-collections: the curated collections of the library.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CollectionBody,
  CollectionList,
  ResourceCollection,
  UpdateCollectionBody,
} from '../../../../shared/resources.js';
import { api } from '../../../lib/api-client.js';

export const collectionsQuery = queryOptions({
  queryKey: ['resources', 'collections'],
  queryFn: () => api<CollectionList>('/resource-collections'),
});

export function useCollections() {
  return useQuery(collectionsQuery);
}

export function useSaveCollection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CollectionBody & UpdateCollectionBody }) =>
      id
        ? api<ResourceCollection>(`/resource-collections/${id}`, { method: 'PATCH', body })
        : api<ResourceCollection>('/resource-collections', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources'] }),
  });
}

export function useDeleteCollection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/resource-collections/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources'] }),
  });
}
