// GET /users?q= (network staff): people who may be a mentor, i.e. experts and staff.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UserListResponse } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';

export const searchMentors = async (q: string) => {
  const r = await api<UserListResponse>('/users', { query: { q, limit: 20 } });
  return r.items.filter((u) => u.networkRole !== null);
};

export const useSearchMentors = (q: string) =>
  useQuery({
    queryKey: ['mentoring', 'mentor-search', q],
    queryFn: () => searchMentors(q),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
