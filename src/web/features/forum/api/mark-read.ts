// POST /forum/threads/{id}/read: I have read up to this post number.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReadState } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const markRead = (threadId: string, seq: number) =>
  api<ReadState>(`/forum/threads/${encodeURIComponent(threadId)}/read`, { method: 'POST', body: { seq } });

export function useMarkRead(threadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (seq: number) => markRead(threadId, seq),
    // The posts on screen keep their "unread" marks until the person moves on; lists and counts update.
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['forum', 'threads'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'spaces', 'list'] });
    },
  });
}
