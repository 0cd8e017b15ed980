import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OkResponse } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';
import { sessionQuery } from './get-session.js';

export const verifyEmail = (token: string) =>
  api<OkResponse>('/auth/verify-email', { method: 'POST', body: { token } });

export function useVerifyEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    // A logged-in person sees "email not confirmed" disappear at once.
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionQuery.queryKey }),
  });
}
