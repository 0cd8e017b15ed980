// GET /programmes: the public list of programmes and editions.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgrammeList } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const listProgrammes = () => api<ProgrammeList>('/programmes');

export const programmesQuery = queryOptions({ queryKey: ['programmes', 'list'], queryFn: listProgrammes });

export function useProgrammes() {
  return useQuery(programmesQuery);
}
