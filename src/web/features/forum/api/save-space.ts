// POST /forum/spaces and PATCH /forum/spaces/{id} (staff): create or change a space.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SpaceBody, SpaceDetail, UpdateSpaceBody } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const createSpace = (body: SpaceBody) => api<SpaceDetail>('/forum/spaces', { method: 'POST', body });
export const updateSpace = (id: string, body: UpdateSpaceBody) =>
  api<SpaceDetail>(`/forum/spaces/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useSaveSpace(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SpaceBody) => {
      if (!id) return createSpace(body);
      const { slug: _slug, ...rest } = body;
      return updateSpace(id, rest);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forum', 'spaces'] }),
  });
}
