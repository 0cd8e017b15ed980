import { useMutation } from '@tanstack/react-query';
import type { OkResponse, RegisterBody } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';

export const register = (body: RegisterBody) => api<OkResponse>('/auth/register', { method: 'POST', body });

export function useRegister() {
  return useMutation({ mutationFn: register });
}
