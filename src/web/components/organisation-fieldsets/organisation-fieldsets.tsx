// An organisation's own data as form sections (identity, place, contacts, activity, descriptions): the one
// copy the join form and the profile form both show, so the two never drift apart.
import {
  Fieldset,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceResponse } from '../../../shared/organisations.js';
import { LANGUAGES, LEGAL_FORMS, ORGANISATION_KINDS } from '../../../shared/organisations-constants.js';
import { useOrgLabels } from '../../i18n/org-labels.js';
import { ORG_FIELDS_NS } from './messages.js';

/** The interface languages get a description box each; the network's default language is required. */
export const DESCRIPTION_LANGS = ['it', 'en', 'ar'] as const;
export type DescriptionLang = (typeof DESCRIPTION_LANGS)[number];

/** The organisation fields as a form holds them (empty strings for what is not filled in). */
export type OrganisationFieldValues = {
  name: string;
  acronym: string;
  kind: string;
  legalForm: string;
  taxCode: string;
  runtsNumber: string;
  address: string;
  postalCode: string;
  municipality: string;
  provinceCode: string;
  website: string;
  email: string;
  phone: string;
  fieldSlugs: string[];
  languages: string[];
  description: Record<DescriptionLang, string>;
  visible: boolean;
};

export function useOrganisationOptions(reference: ReferenceResponse | undefined) {
  const labels = useOrgLabels();
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const collator = new Intl.Collator(lang);
    const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
    return {
      kinds: ORGANISATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
      legalForms: LEGAL_FORMS.map((k) => ({ value: k, label: labels.legalForm(k) })),
      languages: LANGUAGES.map((c) => ({ value: c, label: labels.language(c) })).sort(byLabel),
      provinces: (reference?.provinces ?? [])
        .map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))
        .sort(byLabel),
      fields: (reference?.fields ?? [])
        .map((f) => ({ value: f.slug, label: f.names[lang] ?? f.names.it ?? f.slug }))
        .sort(byLabel),
      regions: new Map((reference?.regions ?? []).map((r) => [r.code, r.name])),
      provinceRegion: new Map((reference?.provinces ?? []).map((p) => [p.code, p.regionCode])),
    };
  }, [lang, labels, reference]);
}

export function OrganisationFieldsets<V>({
  form,
  path = '',
  values,
  reference,
  readOnly = false,
}: {
  form: UseFormReturnType<V>;
  /** Where the organisation fields sit in the form's values, e.g. 'organisation.' (or '' at the top). */
  path?: string;
  values: OrganisationFieldValues;
  reference: ReferenceResponse | undefined;
  readOnly?: boolean;
}) {
  const { t } = useTranslation(ORG_FIELDS_NS);
  const labels = useOrgLabels();
  const options = useOrganisationOptions(reference);
  const input = (name: string, opts?: { type: 'checkbox' }) => form.getInputProps(`${path}${name}`, opts);
  const regionName = options.regions.get(options.provinceRegion.get(values.provinceCode) ?? '');

  return (
    <>
      <Fieldset legend={t('sections.identity')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('name')} required autoComplete="organization" {...input('name')} />
          <TextInput label={t('acronym')} {...input('acronym')} />
          <Select
            label={t('kind')}
            placeholder={t('choose')}
            required
            data={options.kinds}
            allowDeselect={false}
            readOnly={readOnly}
            {...input('kind')}
          />
          <Select
            label={t('legalForm')}
            placeholder={t('choose')}
            required
            data={options.legalForms}
            allowDeselect={false}
            readOnly={readOnly}
            {...input('legalForm')}
          />
          <TextInput
            label={t('taxCode')}
            description={t('taxCodeHint')}
            autoCapitalize="characters"
            dir="ltr"
            {...input('taxCode')}
          />
          <TextInput label={t('runtsNumber')} dir="ltr" {...input('runtsNumber')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('sections.place')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('address')} autoComplete="street-address" {...input('address')} />
          <TextInput
            label={t('postalCode')}
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={5}
            dir="ltr"
            {...input('postalCode')}
          />
          <Select
            label={t('province')}
            placeholder={t('choose')}
            required
            searchable
            allowDeselect={false}
            data={options.provinces}
            nothingFoundMessage={t('common:states.empty')}
            description={regionName ? t('region', { name: regionName }) : undefined}
            readOnly={readOnly}
            {...input('provinceCode')}
          />
          <TextInput
            label={t('municipality')}
            required
            autoComplete="address-level2"
            {...input('municipality')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('sections.contacts')} disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('email')}
            type="email"
            required
            dir="ltr"
            autoComplete="email"
            {...input('email')}
          />
          <TextInput label={t('phone')} type="tel" dir="ltr" autoComplete="tel" {...input('phone')} />
          <TextInput label={t('website')} type="url" dir="ltr" autoComplete="url" {...input('website')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('sections.activity')} disabled={readOnly}>
        <Stack gap="md">
          <MultiSelect
            label={t('fields')}
            data={options.fields}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('common:states.empty')}
            readOnly={readOnly}
            {...input('fieldSlugs')}
          />
          <MultiSelect
            label={t('languages')}
            description={t('languagesHint')}
            data={options.languages}
            searchable
            hidePickedOptions
            maxDropdownHeight={260}
            nothingFoundMessage={t('common:states.empty')}
            readOnly={readOnly}
            {...input('languages')}
          />
          <Switch
            label={t('visible')}
            description={t('visibleHint')}
            {...input('visible', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('sections.description')} disabled={readOnly}>
        <Stack gap="md">
          <Text size="sm" c="gray.8">
            {t('descriptionHint')}
          </Text>
          {DESCRIPTION_LANGS.map((lang, i) => (
            <Textarea
              key={lang}
              label={
                i === 0
                  ? t('descriptionDefault')
                  : t('descriptionOptional', { language: labels.language(lang) })
              }
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              autosize
              minRows={i === 0 ? 4 : 2}
              maxRows={14}
              {...input(`description.${lang}`)}
            />
          ))}
        </Stack>
      </Fieldset>
    </>
  );
}
