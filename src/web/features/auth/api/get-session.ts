import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '../../../../shared/auth.js';
import { api, setCsrfToken } from '../../../lib/api-client.js';

export async function getSession(): Promise<SessionResponse> {
  const s = await api<SessionResponse>('/auth/session');
  setCsrfToken(s.csrfToken);
  return s;
}

export const sessionQuery = queryOptions({
  queryKey: ['auth', 'session'],
  queryFn: getSession,
  staleTime: 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

export const isStaffUser = (u: SessionResponse['user']) =>
  u?.networkRole === 'admin' || u?.networkRole === 'staff';
