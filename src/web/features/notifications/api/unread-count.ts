// GET /notifications/unread-count: the badge on the bell, polled every minute and when the tab regains focus.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnreadCount } from '../../../../shared/notifications.js';
import { api } from '../../../lib/api-client.js';

export const unreadCount = () => api<UnreadCount>('/notifications/unread-count');

export const unreadCountQuery = queryOptions({
  queryKey: ['notifications', 'unread-count'],
  queryFn: unreadCount,
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 30_000,
});

export function useUnreadCount(enabled: boolean) {
  return useQuery({ ...unreadCountQuery, enabled });
}
