import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgrammeDetail } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const staffGetProgramme = (slug: string) =>
  api<ProgrammeDetail>(`/programmes/${encodeURIComponent(slug)}`);

export const staffProgrammeQuery = (slug: string) =>
  queryOptions({ queryKey: ['staff', 'programme', slug], queryFn: () => staffGetProgramme(slug) });

export const useStaffProgramme = (slug: string) => useQuery(staffProgrammeQuery(slug));
