// The application form, in sections; the same form resubmits an application the staff sent back for changes.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/auth.js';
import {
  type ApplicationDetail,
  ApplicationInput,
  type ApplicationInputValues,
  LANGUAGES,
  LEGAL_FORMS,
  MEMBERSHIP_MODULES,
  ORGANISATION_KINDS,
  type ReferenceResponse,
} from '../../../../shared/organisations.js';
import { LANGUAGES as UI_LANGUAGES } from '../../../i18n/i18n.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { apiFieldErrors, errorText, zodValidate } from '../../../lib/form-errors.js';
import { APPLICATIONS_NS } from '../messages.js';
import { LogoField } from './logo-field.js';

const DESCRIPTION_LANGS = ['it', 'en', 'ar'] as const;

export type JoinValues = {
  organisation: {
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
    description: Record<(typeof DESCRIPTION_LANGS)[number], string>;
    visible: boolean;
    logoFileId: string | null;
  };
  contact: { name: string; email: string; phone: string; role: string; locale: Locale };
  modules: string[];
  message: string;
  acceptCommitments: boolean;
  acceptPrivacy: boolean;
};

export function emptyValues(locale: Locale): JoinValues {
  return {
    organisation: {
      name: '',
      acronym: '',
      kind: '',
      legalForm: '',
      taxCode: '',
      runtsNumber: '',
      address: '',
      postalCode: '',
      municipality: '',
      provinceCode: '',
      website: '',
      email: '',
      phone: '',
      fieldSlugs: [],
      languages: [],
      description: { it: '', en: '', ar: '' },
      visible: true,
      logoFileId: null,
    },
    contact: { name: '', email: '', phone: '', role: '', locale },
    modules: [],
    message: '',
    acceptCommitments: false,
    acceptPrivacy: false,
  };
}

export function valuesFromApplication(a: ApplicationDetail): JoinValues {
  const o = a.organisation;
  return {
    organisation: {
      name: o.name,
      acronym: o.acronym ?? '',
      kind: o.kind,
      legalForm: o.legalForm,
      taxCode: o.taxCode ?? '',
      runtsNumber: o.runtsNumber ?? '',
      address: o.address ?? '',
      postalCode: o.postalCode ?? '',
      municipality: o.municipality ?? '',
      provinceCode: o.provinceCode ?? '',
      website: o.website ?? '',
      email: o.email ?? '',
      phone: o.phone ?? '',
      fieldSlugs: o.fieldSlugs,
      languages: o.languages,
      description: { it: o.description.it ?? '', en: o.description.en ?? '', ar: o.description.ar ?? '' },
      visible: o.visible,
      logoFileId: o.logoFileId,
    },
    contact: {
      name: a.contact.name,
      email: a.contact.email,
      phone: a.contact.phone ?? '',
      role: a.contact.role ?? '',
      locale: a.contact.locale,
    },
    modules: a.modules,
    message: a.message ?? '',
    // Acceptance is given again on every submission.
    acceptCommitments: false,
    acceptPrivacy: false,
  };
}

/** What is sent: empty descriptions dropped, unchosen selects left out so the schema names them as missing. */
function toBody(v: JoinValues): ApplicationInputValues {
  const description = Object.fromEntries(
    Object.entries(v.organisation.description)
      .map(([l, text]) => [l, text.trim()])
      .filter(([, text]) => text),
  );
  return {
    ...v,
    organisation: { ...v.organisation, description },
  } as unknown as ApplicationInputValues;
}

// The checkboxes must be ticked; the shared schema only says they are booleans (the server checks the value).
const JoinSchema = ApplicationInput.superRefine((v, ctx) => {
  if (!v.acceptCommitments)
    ctx.addIssue({ code: 'custom', path: ['acceptCommitments'], message: 'must_be_accepted' });
  if (!v.acceptPrivacy)
    ctx.addIssue({ code: 'custom', path: ['acceptPrivacy'], message: 'must_be_accepted' });
});

export function JoinForm({
  reference,
  initial,
  initialLogoUrl,
  submitLabel,
  submit,
  pending,
}: {
  reference: ReferenceResponse | undefined;
  initial: JoinValues;
  initialLogoUrl: string | null;
  submitLabel: string;
  submit: (body: ApplicationInputValues, onError: (err: unknown) => void) => void;
  pending: boolean;
}) {
  const { t, i18n } = useTranslation(APPLICATIONS_NS);
  const labels = useOrgLabels();
  const lang = i18n.language;
  const [logoUrl, setLogoUrl] = useState<string | null>(initialLogoUrl);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<JoinValues>({
    initialValues: initial,
    validate: zodValidate(JoinSchema, t, { prepare: toBody }),
    validateInputOnBlur: true,
  });

  const options = useMemo(() => {
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

  const regionName = options.regions.get(
    options.provinceRegion.get(form.values.organisation.provinceCode) ?? '',
  );

  const onSubmit = form.onSubmit(
    (values) => {
      setFailure(null);
      submit(toBody(values), (err) => {
        const fields = apiFieldErrors(err, t);
        form.setErrors(fields);
        setFailure(Object.keys(fields).length ? t('fixErrors') : errorText(err, t));
      });
    },
    () => {
      setFailure(t('fixErrors'));
      // Bring the first wrong field into view and give it the focus, so keyboard and screen-reader users find it.
      requestAnimationFrame(() => {
        const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
        el?.focus();
      });
    },
  );

  const o = 'organisation';
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('sections.organisation')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('org.name')}
              required
              autoComplete="organization"
              {...form.getInputProps(`${o}.name`)}
            />
            <TextInput label={t('org.acronym')} {...form.getInputProps(`${o}.acronym`)} />
            <Select
              label={t('org.kind')}
              placeholder={t('org.choose')}
              required
              data={options.kinds}
              allowDeselect={false}
              {...form.getInputProps(`${o}.kind`)}
            />
            <Select
              label={t('org.legalForm')}
              placeholder={t('org.choose')}
              required
              data={options.legalForms}
              allowDeselect={false}
              {...form.getInputProps(`${o}.legalForm`)}
            />
            <TextInput
              label={t('org.taxCode')}
              description={t('org.taxCodeHint')}
              autoCapitalize="characters"
              dir="ltr"
              {...form.getInputProps(`${o}.taxCode`)}
            />
            <TextInput label={t('org.runtsNumber')} dir="ltr" {...form.getInputProps(`${o}.runtsNumber`)} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('sections.place')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('org.address')}
              autoComplete="street-address"
              {...form.getInputProps(`${o}.address`)}
            />
            <TextInput
              label={t('org.postalCode')}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              dir="ltr"
              {...form.getInputProps(`${o}.postalCode`)}
            />
            <Select
              label={t('org.province')}
              placeholder={t('org.choose')}
              required
              searchable
              allowDeselect={false}
              data={options.provinces}
              nothingFoundMessage={t('common:states.empty')}
              description={regionName ? t('org.region', { name: regionName }) : undefined}
              {...form.getInputProps(`${o}.provinceCode`)}
            />
            <TextInput
              label={t('org.municipality')}
              required
              autoComplete="address-level2"
              {...form.getInputProps(`${o}.municipality`)}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('sections.contacts')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('org.email')}
              type="email"
              required
              dir="ltr"
              autoComplete="email"
              {...form.getInputProps(`${o}.email`)}
            />
            <TextInput
              label={t('org.phone')}
              type="tel"
              dir="ltr"
              autoComplete="tel"
              {...form.getInputProps(`${o}.phone`)}
            />
            <TextInput
              label={t('org.website')}
              type="url"
              dir="ltr"
              autoComplete="url"
              {...form.getInputProps(`${o}.website`)}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('sections.activity')}>
          <Stack gap="md">
            <MultiSelect
              label={t('org.fields')}
              data={options.fields}
              searchable
              hidePickedOptions
              nothingFoundMessage={t('common:states.empty')}
              {...form.getInputProps(`${o}.fieldSlugs`)}
            />
            <MultiSelect
              label={t('org.languages')}
              description={t('org.languagesHint')}
              data={options.languages}
              searchable
              hidePickedOptions
              maxDropdownHeight={260}
              nothingFoundMessage={t('common:states.empty')}
              {...form.getInputProps(`${o}.languages`)}
            />
            <Textarea
              label={t('org.description')}
              description={t('org.descriptionHint')}
              lang="it"
              autosize
              minRows={4}
              maxRows={14}
              {...form.getInputProps(`${o}.description.it`)}
            />
            <Textarea
              label={t('org.descriptionEn')}
              lang="en"
              dir="ltr"
              autosize
              minRows={2}
              maxRows={14}
              {...form.getInputProps(`${o}.description.en`)}
            />
            <Textarea
              label={t('org.descriptionAr')}
              lang="ar"
              dir="rtl"
              autosize
              minRows={2}
              maxRows={14}
              {...form.getInputProps(`${o}.description.ar`)}
            />
            <Switch label={t('org.visible')} {...form.getInputProps(`${o}.visible`, { type: 'checkbox' })} />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('sections.logo')}>
          <LogoField
            url={logoUrl}
            error={form.errors[`${o}.logoFileId`] as string | undefined}
            onChange={(logo) => {
              setLogoUrl(logo?.url ?? null);
              form.setFieldValue(`${o}.logoFileId`, logo?.fileId ?? null);
            }}
          />
        </Fieldset>

        <Fieldset legend={t('sections.contact')}>
          <Text size="sm" c="gray.8" mb="sm">
            {t('contact.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('contact.name')}
              required
              autoComplete="name"
              {...form.getInputProps('contact.name')}
            />
            <TextInput
              label={t('contact.email')}
              type="email"
              required
              dir="ltr"
              autoComplete="email"
              {...form.getInputProps('contact.email')}
            />
            <TextInput
              label={t('contact.phone')}
              type="tel"
              dir="ltr"
              autoComplete="tel"
              {...form.getInputProps('contact.phone')}
            />
            <TextInput
              label={t('contact.role')}
              autoComplete="organization-title"
              {...form.getInputProps('contact.role')}
            />
            <Select
              label={t('contact.locale')}
              data={UI_LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
              allowDeselect={false}
              {...form.getInputProps('contact.locale')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('sections.modules')}>
          <Checkbox.Group
            label={t('modules.intro')}
            labelProps={{ fw: 400, c: 'gray.8', mb: 'sm' }}
            {...form.getInputProps('modules')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {MEMBERSHIP_MODULES.map((m) => (
                <Paper key={m} withBorder radius="md" p="sm">
                  <Checkbox value={m} label={labels.module(m)} description={t(`modules.${m}`)} />
                </Paper>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            mt="md"
            label={t('message')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('message')}
          />
        </Fieldset>

        <Fieldset legend={t('sections.commitments')}>
          <Stack gap="md">
            <Text size="sm">{t('commitments.text')}</Text>
            <Checkbox
              label={t('commitments.accept')}
              required
              {...form.getInputProps('acceptCommitments', { type: 'checkbox' })}
            />
            <Text size="sm" c="gray.8">
              {t('commitments.privacyText')}
            </Text>
            <Checkbox
              label={t('commitments.privacy')}
              required
              {...form.getInputProps('acceptPrivacy', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>

        {failure && (
          <Alert color="red" variant="light" role="alert" c="red.9">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" size="md" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
