// POST /notifications/unsubscribe: the button on the page opened from the link in a notification mail.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnsubscribeResult } from '../../../../shared/notifications.js';
import { api } from '../../../lib/api-client.js';

export const unsubscribeFromNotifications = (token: string) =>
  api<UnsubscribeResult>('/notifications/unsubscribe', { method: 'POST', body: { token } });

export function useUnsubscribeFromNotifications() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: unsubscribeFromNotifications,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications', 'settings'] }),
  });
}
