// POST /forum/threads/{id}/posts: a reply.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatePostBody, Post } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const createPost = (threadId: string, body: CreatePostBody) =>
  api<Post>(`/forum/threads/${encodeURIComponent(threadId)}/posts`, { method: 'POST', body });

export function useCreatePost(threadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostBody) => createPost(threadId, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['forum', 'threads'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'posts', threadId] });
    },
  });
}
