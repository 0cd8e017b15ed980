import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditList } from '../../../../shared/audit.js';
import { api } from '../../../lib/api-client.js';

export const getOrganisationAudit = (slug: string) =>
  api<AuditList>(`/organizations/${encodeURIComponent(slug)}/audit`);

export const organisationAuditQuery = (slug: string) =>
  queryOptions({ queryKey: ['staff', 'audit', slug], queryFn: () => getOrganisationAudit(slug) });

export const useOrganisationAudit = (slug: string) => useQuery(organisationAuditQuery(slug));
