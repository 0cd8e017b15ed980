// POST /organizations/{slug}/suspend | reinstate (staff), each with a note for the audit log.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export type MembershipChange = 'suspend' | 'reinstate';

export const changeMembership = (slug: string, change: MembershipChange, note: string) =>
  api<unknown>(`/organizations/${encodeURIComponent(slug)}/${change}`, {
    method: 'POST',
    body: { note: note.trim() === '' ? null : note.trim() },
  });

export function useChangeMembership() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { slug: string; change: MembershipChange; note: string }) =>
      changeMembership(v.slug, v.change, v.note),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff'] }),
  });
}
