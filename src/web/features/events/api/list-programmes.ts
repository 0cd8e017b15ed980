// GET /programmes: the programmes an event can be filtered by or linked to.
import { useQuery } from '@tanstack/react-query';
import type { ProgrammeList } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export function useProgrammeOptions() {
  return useQuery({
    queryKey: ['events', 'programme-options'],
    queryFn: () => api<ProgrammeList>('/programmes'),
    staleTime: 5 * 60_000,
  });
}
