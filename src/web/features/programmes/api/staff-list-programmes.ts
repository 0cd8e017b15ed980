import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgrammeList } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const staffListProgrammes = () => api<ProgrammeList>('/programmes');

export const staffProgrammesQuery = queryOptions({
  queryKey: ['staff', 'programmes'],
  queryFn: staffListProgrammes,
});

export const useStaffProgrammes = () => useQuery(staffProgrammesQuery);
