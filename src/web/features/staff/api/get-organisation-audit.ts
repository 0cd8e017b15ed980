import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getOrganisationAudit = (slug: string) =>
  api<{ items: AuditEntry[] }>(`/organizations/${encodeURIComponent(slug)}/audit`);

export const organisationAuditQuery = (slug: string) =>
  queryOptions({ queryKey: ['staff', 'audit', slug], queryFn: () => getOrganisationAudit(slug) });

export const useOrganisationAudit = (slug: string) => useQuery(organisationAuditQuery(slug));
