// DELETE /events/{id}/materials/{materialId}
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export const removeMaterial = (eventId: string, materialId: string) =>
  api<void>(`/events/${encodeURIComponent(eventId)}/materials/${encodeURIComponent(materialId)}`, {
    method: 'DELETE',
  });

export function useRemoveMaterial(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) => removeMaterial(eventId, materialId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events', 'detail', eventId] }),
  });
}
