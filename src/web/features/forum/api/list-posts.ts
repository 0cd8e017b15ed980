// GET /forum/threads/{id}/posts: one page of posts, by page number, by the page holding a post, or the page
// holding my first unread post.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PostPage } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export type PostPageRequest = { page: number } | { post: number } | { unread: true };

export const listPosts = (threadId: string, at: PostPageRequest) =>
  api<PostPage>(`/forum/threads/${encodeURIComponent(threadId)}/posts`, {
    query: 'page' in at ? { page: at.page } : 'post' in at ? { post: at.post } : { unread: 'true' },
  });

export function usePosts(threadId: string, at: PostPageRequest, enabled = true) {
  return useQuery({
    queryKey: ['forum', 'posts', threadId, at],
    queryFn: () => listPosts(threadId, at),
    placeholderData: keepPreviousData,
    enabled,
  });
}
