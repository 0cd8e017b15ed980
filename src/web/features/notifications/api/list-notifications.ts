// GET /notifications: my notifications, newest first, one page after another.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationList } from '../../../../shared/notifications.js';
import { api } from '../../../lib/api-client.js';

export const listNotifications = (unread: boolean, cursor?: string) =>
  api<NotificationList>('/notifications', {
    query: { unread: unread ? 'true' : undefined, cursor, limit: 20 },
  });

export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: ['notifications', 'list', unread],
    queryFn: ({ pageParam }) => listNotifications(unread, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
