// POST /forum/posts/{id}/flags: tell the moderators about a post.
import { useMutation } from '@tanstack/react-query';
import type { Flag, FlagBody } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const flagPost = (postId: string, body: FlagBody) =>
  api<Flag>(`/forum/posts/${encodeURIComponent(postId)}/flags`, { method: 'POST', body });

export function useFlagPost() {
  return useMutation({
    mutationFn: ({ postId, body }: { postId: string; body: FlagBody }) => flagPost(postId, body),
  });
}
