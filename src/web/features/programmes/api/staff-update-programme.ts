import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeDetail, UpdateProgrammeBody } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const staffUpdateProgramme = (slug: string, body: UpdateProgrammeBody) =>
  api<ProgrammeDetail>(`/programmes/${encodeURIComponent(slug)}`, { method: 'PATCH', body });

export function useStaffUpdateProgramme(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProgrammeBody) => staffUpdateProgramme(slug, body),
    onSuccess: (p) => {
      qc.setQueryData(['staff', 'programme', slug], p);
      void qc.invalidateQueries({ queryKey: ['staff', 'programmes'] });
    },
  });
}
