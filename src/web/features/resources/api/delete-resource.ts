// DELETE /resources/{id} (staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const deleteResource = (id: string) =>
  api<void>(`/resources/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useDeleteResource() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteResource,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources'] }),
  });
}
