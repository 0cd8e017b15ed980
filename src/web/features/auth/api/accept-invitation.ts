import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInvitationBody, LoginResponse } from '../../../../shared/auth.js';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { sessionQuery } from './get-session.js';

export async function acceptInvitation(body: AcceptInvitationBody): Promise<LoginResponse> {
  const res = await api<LoginResponse>('/auth/invitations/accept', { method: 'POST', body });
  setCsrfToken(res.csrfToken);
  return res;
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: async (res) => {
      qc.setQueryData(sessionQuery.queryKey, { user: res.user, csrfToken: res.csrfToken });
      await qc.invalidateQueries();
    },
  });
}
