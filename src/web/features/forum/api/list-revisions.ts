// GET /forum/posts/{id}/revisions: the earlier texts of an edited post.
import { useQuery } from '@tanstack/react-query';
import type { RevisionList } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const listRevisions = (postId: string) =>
  api<RevisionList>(`/forum/posts/${encodeURIComponent(postId)}/revisions`);

export function useRevisions(postId: string | null) {
  return useQuery({
    queryKey: ['forum', 'revisions', postId],
    queryFn: () => listRevisions(postId ?? ''),
    enabled: Boolean(postId),
  });
}
