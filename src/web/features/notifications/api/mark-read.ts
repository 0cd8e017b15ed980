// POST /notifications/{id}/read and /notifications/read-all.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notification, ReadAllResult } from '../../../../shared/notifications.js';
import { api } from '../../../lib/api-client.js';

export const markRead = (id: string) =>
  api<Notification>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllRead = () => api<ReadAllResult>('/notifications/read-all', { method: 'POST' });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
