// GET /organizations as staff: the directory endpoint (visible members), paged and searched.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DirectoryResponse, OrganisationStatus, OrgCard } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

/** The card may carry the status when the server includes it for staff. */
export type StaffOrgCard = OrgCard & { status?: OrganisationStatus };
export type StaffOrgList = Omit<DirectoryResponse, 'items'> & { items: StaffOrgCard[] };

export interface OrgListParams {
  q: string;
  page: number;
  lang: string;
}

export const listOrganisations = (p: OrgListParams) =>
  api<StaffOrgList>('/organizations', {
    query: {
      q: p.q || undefined,
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
