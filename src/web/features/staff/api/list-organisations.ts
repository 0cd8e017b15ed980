// GET /organizations as staff: every organisation in the chosen statuses, visible or not, paged and searched.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DirectoryResponse, OrganisationStatus, OrgCard } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export type StaffOrgCard = OrgCard;
export type StaffOrgList = DirectoryResponse;

export interface OrgListParams {
  q: string;
  page: number;
  lang: string;
  /** Staff-only filter; with it the server also lists organisations hidden from the public directory. */
  statuses: OrganisationStatus[];
}

export const listOrganisations = (p: OrgListParams) =>
  api<StaffOrgList>('/organizations', {
    query: {
      q: p.q || undefined,
      status: p.statuses,
      page: p.page,
      pageSize: 25,
      sort: p.q ? 'relevance' : 'name',
      lang: p.lang,
    },
  });

export const organisationsQuery = (p: OrgListParams) =>
  queryOptions({
    queryKey: ['staff', 'organisations', p],
    queryFn: () => listOrganisations(p),
    placeholderData: keepPreviousData,
  });

export const useOrganisations = (p: OrgListParams) => useQuery(organisationsQuery(p));
