import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Locale, MemberRole } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';
import { membersQuery } from './get-members.js';

export type InviteBody = { email: string; name: string; role: MemberRole; locale?: Locale };

export const inviteMember = (slug: string, body: InviteBody) =>
  api<unknown>(`/organizations/${encodeURIComponent(slug)}/members`, { method: 'POST', body });

export function useInviteMember(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteBody) => inviteMember(slug, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: membersQuery(slug).queryKey }),
  });
}
