// GET /registrations/manage?token=: a registration seen through the link in a mail, without logging in.
import { useQuery } from '@tanstack/react-query';
import type { ManagedRegistration } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getManagedRegistration = (token: string) =>
  api<ManagedRegistration>('/registrations/manage', { query: { token } });

export function useManagedRegistration(token: string) {
  return useQuery({
    queryKey: ['events', 'managed', token],
    queryFn: () => getManagedRegistration(token),
    enabled: token.length >= 16,
  });
}
