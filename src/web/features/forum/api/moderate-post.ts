// POST /forum/posts/{id}/moderate (moderators of the space, staff): hide, restore, approve, dismiss flags.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ModerateBody, Post } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const moderatePost = (postId: string, body: ModerateBody) =>
  api<Post>(`/forum/posts/${encodeURIComponent(postId)}/moderate`, { method: 'POST', body });

export function useModeratePost() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, body }: { postId: string; body: ModerateBody }) => moderatePost(postId, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['forum', 'posts'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'moderation'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'threads'] });
    },
  });
}
