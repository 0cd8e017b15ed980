import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InvitationInfo } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';

export const getInvitation = (token: string) =>
  api<InvitationInfo>(`/auth/invitations/${encodeURIComponent(token)}`);

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ['auth', 'invitation', token],
    queryFn: () => getInvitation(token),
    retry: false,
  });

export function useInvitation(token: string) {
  return useQuery({ ...invitationQuery(token), enabled: token.length > 0 });
}
