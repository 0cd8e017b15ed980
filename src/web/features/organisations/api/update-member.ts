import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';
import { sessionQuery } from '../../auth/api/get-session.js';
import { membersQuery } from './get-members.js';

export const updateMemberRole = (slug: string, userId: string, role: MemberRole) =>
  api<unknown>(`/organizations/${encodeURIComponent(slug)}/members/${userId}`, {
    method: 'PATCH',
    body: { role },
  });

export function useUpdateMemberRole(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: MemberRole }) =>
      updateMemberRole(slug, userId, role),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: membersQuery(slug).queryKey });
      // The person changing roles may have changed their own.
      await qc.invalidateQueries({ queryKey: sessionQuery.queryKey });
    },
  });
}
