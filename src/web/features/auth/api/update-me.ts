import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, SessionUser, UpdateMeBody } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';
import { myDataQuery } from './export-me.js';
import { sessionQuery } from './get-session.js';

export const updateMe = (body: UpdateMeBody) => api<SessionUser>('/auth/me', { method: 'PATCH', body });

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: async (user) => {
      qc.setQueryData<SessionResponse>(sessionQuery.queryKey, (old) =>
        old ? { ...old, user } : { user, csrfToken: null },
      );
      await qc.invalidateQueries({ queryKey: myDataQuery.queryKey });
    },
  });
}
