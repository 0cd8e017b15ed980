// PATCH /forum/threads/{id}: title and lessons (author), pin, lock and move (moderators).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadDetail, UpdateThreadBody } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const updateThread = (id: string, body: UpdateThreadBody) =>
  api<ThreadDetail>(`/forum/threads/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useUpdateThread(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateThreadBody) => updateThread(id, body),
    onSuccess: (th) => {
      qc.setQueryData(['forum', 'threads', 'detail', id], th);
      void qc.invalidateQueries({ queryKey: ['forum', 'threads', 'list'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'spaces'] });
    },
  });
}
