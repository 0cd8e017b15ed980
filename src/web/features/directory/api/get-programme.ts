// GET /programmes/{slug}: a programme's public page.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ProgrammeDetail } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const getProgramme = (slug: string) => api<ProgrammeDetail>(`/programmes/${encodeURIComponent(slug)}`);

export const programmeQuery = (slug: string) =>
  queryOptions({ queryKey: ['programmes', 'detail', slug], queryFn: () => getProgramme(slug) });

export function useProgramme(slug: string) {
  return useQuery({ ...programmeQuery(slug), enabled: slug.length > 0 });
}
