// POST /forum/threads/{id}/accept: mark a reply as the accepted answer of a question (null: none).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadDetail } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const acceptAnswer = (threadId: string, postId: string | null) =>
  api<ThreadDetail>(`/forum/threads/${encodeURIComponent(threadId)}/accept`, {
    method: 'POST',
    body: { postId },
  });

export function useAcceptAnswer(threadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (postId: string | null) => acceptAnswer(threadId, postId),
    onSuccess: (th) => {
      qc.setQueryData(['forum', 'threads', 'detail', threadId], th);
      void qc.invalidateQueries({ queryKey: ['forum', 'threads', 'list'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'posts', threadId] });
    },
  });
}
