// Option lists for the admin forms, labelled in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  LEGAL_FORMS,
  ORGANISATION_KINDS,
  type ReferenceResponse,
} from '../../../../shared/organisations.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';

export function useOptions(reference: ReferenceResponse | undefined) {
  const labels = useOrgLabels();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    return {
      kinds: ORGANISATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
      legalForms: LEGAL_FORMS.map((k) => ({ value: k, label: labels.legalForm(k) })),
      languages: LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(byLabel),
      provinces: (reference?.provinces ?? [])
        .map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))
        .sort(byLabel),
      fields: (reference?.fields ?? [])
        .map((f) => ({ value: f.slug, label: f.names[lang] ?? f.names.it ?? f.slug }))
        .sort(byLabel),
      languageName: (code: string) => names.of(code) ?? code,
    };
  }, [labels, lang, reference]);
}
