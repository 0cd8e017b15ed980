import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgDetail } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getOrganisation = (slug: string, lang: string) =>
  api<OrgDetail>(`/organizations/${encodeURIComponent(slug)}`, { query: { lang } });

export const organisationQuery = (slug: string, lang: string) =>
  queryOptions({
    queryKey: ['staff', 'organisation', slug, lang],
    queryFn: () => getOrganisation(slug, lang),
  });

export const useOrganisation = (slug: string | null, lang: string) =>
  useQuery({ ...organisationQuery(slug ?? '', lang), enabled: slug !== null });
