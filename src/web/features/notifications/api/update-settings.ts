// PUT /notifications/settings: choose off, immediate or the daily digest.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings } from '../../../../shared/notifications.js';
import { api } from '../../../lib/api-client.js';
import { notificationSettingsQuery } from './get-settings.js';

export const updateNotificationSettings = (body: NotificationSettings) =>
  api<NotificationSettings>('/notifications/settings', { method: 'PUT', body });

export function useUpdateNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateNotificationSettings,
    onSuccess: (data) => qc.setQueryData(notificationSettingsQuery.queryKey, data),
  });
}
