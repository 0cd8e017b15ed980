import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, LoginResponse } from '../../../../shared/auth.js';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { sessionQuery } from './get-session.js';

export async function login(body: LoginBody): Promise<LoginResponse> {
  const res = await api<LoginResponse>('/auth/login', { method: 'POST', body });
  setCsrfToken(res.csrfToken);
  return res;
}

/** Logs in, then refreshes everything cached while anonymous (pages show more to members). */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (res) => {
      qc.setQueryData(sessionQuery.queryKey, { user: res.user, csrfToken: res.csrfToken });
      await qc.invalidateQueries();
    },
  });
}
