// GET /reference and /programmes: fields of activity and programmes for the filters and the form.
import { useQuery } from '@tanstack/react-query';
import type { ReferenceResponse } from '../../../../shared/organisations.js';
import type { ProgrammeList } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export function useReference() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: () => api<ReferenceResponse>('/reference'),
    staleTime: 3_600_000,
  });
}

export function useProgrammes() {
  return useQuery({ queryKey: ['programmes', 'list'], queryFn: () => api<ProgrammeList>('/programmes') });
}
