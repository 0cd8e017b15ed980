// POST /programmes/{slug}/organisations and DELETE /programmes/{slug}/organisations/{organisationSlug}.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

const base = (slug: string) => `/programmes/${encodeURIComponent(slug)}/organisations`;

export const staffAddProgrammeOrganisation = (slug: string, organisationSlug: string) =>
  api<unknown>(base(slug), { method: 'POST', body: { organisationSlug } });

export const staffRemoveProgrammeOrganisation = (slug: string, organisationSlug: string) =>
  api<unknown>(`${base(slug)}/${encodeURIComponent(organisationSlug)}`, { method: 'DELETE' });

export function useStaffProgrammeOrganisations(slug: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['staff'] });
  const add = useMutation({
    mutationFn: (org: string) => staffAddProgrammeOrganisation(slug, org),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (org: string) => staffRemoveProgrammeOrganisation(slug, org),
    onSuccess,
  });
  return { add, remove };
}
