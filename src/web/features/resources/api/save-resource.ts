// POST /resources and PATCH /resources/{id}: create or edit an item.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateResourceBody, ResourceDetail, UpdateResourceBody } from '../../../../shared/resources.js';
import { api } from '../../../lib/api-client.js';

export const createResource = (body: CreateResourceBody) =>
  api<ResourceDetail>('/resources', { method: 'POST', body });
export const updateResource = (id: string, body: UpdateResourceBody) =>
  api<ResourceDetail>(`/resources/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useSaveResource(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResourceBody) => (id ? updateResource(id, body) : createResource(body)),
    onSuccess: (r) => {
      qc.setQueryData(['resources', 'detail', r.id], r);
      void qc.invalidateQueries({ queryKey: ['resources', 'list'] });
    },
  });
}
