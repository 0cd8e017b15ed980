import { useMutation } from '@tanstack/react-query';
import type { ForgotPasswordBody, OkResponse } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';

export const forgotPassword = (body: ForgotPasswordBody) =>
  api<OkResponse>('/auth/password/forgot', { method: 'POST', body });

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
