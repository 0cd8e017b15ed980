import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface UserHit {
  id: string;
  email: string;
  name: string;
  networkRole: 'admin' | 'staff' | 'expert' | null;
}

export const staffSearchUsers = (q: string) =>
  api<{ items: UserHit[] }>('/users', { query: { q, limit: 10 } });

export const useStaffSearchUsers = (q: string) =>
  useQuery({
    queryKey: ['staff', 'users', q],
    queryFn: () => staffSearchUsers(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
