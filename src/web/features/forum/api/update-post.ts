// PATCH /forum/posts/{id}: edit a post (its author, moderators).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Post, UpdatePostBody } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const updatePost = (id: string, body: UpdatePostBody) =>
  api<Post>(`/forum/posts/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export function useUpdatePost(threadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdatePostBody }) => updatePost(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forum', 'posts', threadId] }),
  });
}
