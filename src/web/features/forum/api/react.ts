// PUT / DELETE /forum/posts/{id}/reactions/{reaction}: add or take back my reaction to a post.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Post, Reaction } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const react = (postId: string, reaction: Reaction, on: boolean) =>
  api<Post>(`/forum/posts/${encodeURIComponent(postId)}/reactions/${reaction}`, {
    method: on ? 'PUT' : 'DELETE',
  });

export function useReact(threadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { postId: string; reaction: Reaction; on: boolean }) => react(v.postId, v.reaction, v.on),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forum', 'posts', threadId] }),
  });
}
