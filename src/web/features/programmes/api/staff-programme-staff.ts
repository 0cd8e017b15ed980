// POST /programmes/{slug}/staff and DELETE /programmes/{slug}/staff/{userId}/{role}.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProgrammeStaffRole } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

const base = (slug: string) => `/programmes/${encodeURIComponent(slug)}/staff`;

export const staffAssignProgrammeStaff = (slug: string, userId: string, role: ProgrammeStaffRole) =>
  api<unknown>(base(slug), { method: 'POST', body: { userId, role } });

export const staffRemoveProgrammeStaff = (slug: string, userId: string, role: ProgrammeStaffRole) =>
  api<unknown>(`${base(slug)}/${encodeURIComponent(userId)}/${role}`, { method: 'DELETE' });

export function useStaffProgrammeStaff(slug: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['staff', 'programme', slug] });
  const assign = useMutation({
    mutationFn: (v: { userId: string; role: ProgrammeStaffRole }) =>
      staffAssignProgrammeStaff(slug, v.userId, v.role),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (v: { userId: string; role: ProgrammeStaffRole }) =>
      staffRemoveProgrammeStaff(slug, v.userId, v.role),
    onSuccess,
  });
  return { assign, remove };
}
