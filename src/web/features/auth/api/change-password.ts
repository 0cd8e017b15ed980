import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody, OkResponse } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';

export const changePassword = (body: ChangePasswordBody) =>
  api<OkResponse>('/auth/password/change', { method: 'POST', body });

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
