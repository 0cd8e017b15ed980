// POST / DELETE /mentoring/engagements/{id}/participants (mentor, org admin, staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EngagementDetail } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

const base = (id: string) => `/mentoring/engagements/${encodeURIComponent(id)}/participants`;

export const addParticipant = (id: string, userId: string) =>
  api<EngagementDetail>(base(id), { method: 'POST', body: { userId } });

export const removeParticipant = (id: string, userId: string) =>
  api<EngagementDetail>(`${base(id)}/${encodeURIComponent(userId)}`, { method: 'DELETE' });

export function useParticipants(id: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['mentoring'] });
  return {
    add: useMutation({ mutationFn: (userId: string) => addParticipant(id, userId), onSuccess }),
    remove: useMutation({ mutationFn: (userId: string) => removeParticipant(id, userId), onSuccess }),
  };
}
