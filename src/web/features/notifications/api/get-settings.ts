// GET /notifications/settings: how I receive notifications by email.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationSettings } from '../../../../shared/notifications.js';
import { api } from '../../../lib/api-client.js';

export const getNotificationSettings = () => api<NotificationSettings>('/notifications/settings');

export const notificationSettingsQuery = queryOptions({
  queryKey: ['notifications', 'settings'],
  queryFn: getNotificationSettings,
});

export function useNotificationSettings(enabled = true) {
  return useQuery({ ...notificationSettingsQuery, enabled });
}
