import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';
import { sessionQuery } from '../../auth/api/get-session.js';
import { membersQuery } from './get-members.js';

export const removeMember = (slug: string, userId: string) =>
  api<void>(`/organizations/${encodeURIComponent(slug)}/members/${userId}`, { method: 'DELETE' });

export function useRemoveMember(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(slug, userId),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: membersQuery(slug).queryKey });
      await qc.invalidateQueries({ queryKey: sessionQuery.queryKey });
    },
  });
}
