import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrganisationUpdate, OrgDetail } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

/** Body as typed in the form: the server trims and normalises (tax code, website). */
export type OrganisationPatch = z.input<typeof OrganisationUpdate>;

export const updateOrganisation = (slug: string, body: OrganisationPatch) =>
  api<OrgDetail>(`/organizations/${encodeURIComponent(slug)}`, { method: 'PATCH', body });

export function useUpdateOrganisation(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationPatch) => updateOrganisation(slug, body),
    // Directory cards, public page and admin page all show profile data.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organisations'] }),
  });
}
