// Option lists for the admin forms, labelled in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LANGUAGES,
  LEGAL_FORMS,
  ORGANISATION_KINDS,
  type ReferenceResponse,
} from '../../../../shared/organisations.js';
import { ORG_ADMIN_NS } from './messages.js';

export function useOptions(reference: ReferenceResponse | undefined) {
  const { t, i18n } = useTranslation(ORG_ADMIN_NS);
  const lang = i18n.language;
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    const names = new Intl.DisplayNames([lang], { type: 'language' });
    return {
      kinds: ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
      legalForms: LEGAL_FORMS.map((k) => ({ value: k, label: t(`legalForms.${k}`) })),
      languages: LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(byLabel),
      provinces: (reference?.provinces ?? [])
        .map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))
        .sort(byLabel),
      fields: (reference?.fields ?? [])
        .map((f) => ({ value: f.slug, label: f.names[lang] ?? f.names.it ?? f.slug }))
        .sort(byLabel),
      languageName: (code: string) => names.of(code) ?? code,
    };
  }, [t, lang, reference]);
}
