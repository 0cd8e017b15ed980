// One organisation's page data; the summary follows the reader's language, so the language is in the key.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgDetail } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getOrganisation = (slug: string, lang: string) =>
  api<OrgDetail>(`/organizations/${encodeURIComponent(slug)}`, { query: { lang } });

export const organisationQuery = (slug: string, lang: string) =>
  queryOptions({
    queryKey: ['organisations', slug, 'detail', lang],
    queryFn: () => getOrganisation(slug, lang),
  });

export function useOrganisation(slug: string) {
  const { i18n } = useTranslation();
  return useQuery({ ...organisationQuery(slug, i18n.language), enabled: slug.length > 0 });
}
