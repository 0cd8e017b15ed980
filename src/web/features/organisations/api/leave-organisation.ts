import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgDetail } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const leaveNetwork = (slug: string) =>
  api<OrgDetail>(`/organizations/${encodeURIComponent(slug)}/leave`, { method: 'POST' });

export function useLeaveNetwork(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => leaveNetwork(slug),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'] }),
  });
}
