// PATCH /mentoring/engagements/{id}/actions/{actionId}: done or open again (owner, mentor, staff).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionStatus, MentoringAction } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const updateAction = (id: string, actionId: string, status: ActionStatus) =>
  api<MentoringAction>(
    `/mentoring/engagements/${encodeURIComponent(id)}/actions/${encodeURIComponent(actionId)}`,
    { method: 'PATCH', body: { status } },
  );

export function useUpdateAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { actionId: string; status: ActionStatus }) => updateAction(id, v.actionId, v.status),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}
