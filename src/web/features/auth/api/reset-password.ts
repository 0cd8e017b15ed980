import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OkResponse, ResetPasswordBody } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';
import { sessionQuery } from './get-session.js';

export const resetPassword = (body: ResetPasswordBody) =>
  api<OkResponse>('/auth/password/reset', { method: 'POST', body });

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    // The server ends every session of the account, possibly this one.
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}
