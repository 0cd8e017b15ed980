// Turns a facet value into words: enums through the shared labels, languages through Intl, the rest as the server names them.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryResponse, FacetName, ReferenceResponse } from '../../../../shared/organisations.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';

export function useFacetLabel(
  facets: DirectoryResponse['facets'] | undefined,
  reference: ReferenceResponse | undefined,
) {
  const labels = useOrgLabels();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const fieldNames = useMemo(
    () => new Map((reference?.fields ?? []).map((f) => [f.slug, f.names[lang] ?? f.names.it ?? f.slug])),
    [reference, lang],
  );
  const places = useMemo(
    () =>
      new Map<string, string>([
        ...(reference?.regions ?? []).map((r) => [`region:${r.code}`, r.name] as [string, string]),
        ...(reference?.provinces ?? []).map((p) => [`province:${p.code}`, p.name] as [string, string]),
      ]),
    [reference],
  );

  const fieldName = useCallback((slug: string) => fieldNames.get(slug) ?? slug, [fieldNames]);
  const facetLabel = useCallback(
    (name: FacetName, value: string): string => {
      switch (name) {
        case 'kind':
          return labels.kind(value);
        case 'legalForm':
          return labels.legalForm(value);
        case 'module':
          return labels.module(value);
        case 'language':
          return labels.language(value);
        case 'field':
          return fieldNames.get(value) ?? facets?.field.find((f) => f.value === value)?.label ?? value;
        default:
          return (
            facets?.[name].find((f) => f.value === value)?.label || places.get(`${name}:${value}`) || value
          );
      }
    },
    [labels, fieldNames, facets, places],
  );
  return { facetLabel, fieldName };
}
