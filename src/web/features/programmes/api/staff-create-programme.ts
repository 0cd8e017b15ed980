import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProgrammeBody, ProgrammeDetail } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const staffCreateProgramme = (body: CreateProgrammeBody) =>
  api<ProgrammeDetail>('/programmes', { method: 'POST', body });

export function useStaffCreateProgramme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: staffCreateProgramme,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'programmes'] }),
  });
}
