// POST /mentoring/engagements (staff, expert as mentor): start an engagement.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEngagementInput, EngagementDetail } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const createEngagement = (body: CreateEngagementInput) =>
  api<EngagementDetail>('/mentoring/engagements', { method: 'POST', body });

export function useCreateEngagement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createEngagement,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['mentoring'] }),
  });
}
