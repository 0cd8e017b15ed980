// The application form, in sections; the same form resubmits an application the staff sent back for changes.
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/auth.js';
import {
  type ApplicationDetail,
  ApplicationInput,
  type ApplicationInputValues,
  MEMBERSHIP_MODULES,
  type ReferenceResponse,
} from '../../../../shared/organisations.js';
import {
  OrganisationFieldsets,
  type OrganisationFieldValues,
} from '../../../components/organisation-fieldsets/organisation-fieldsets.js';
import { LANGUAGES as UI_LANGUAGES } from '../../../i18n/i18n.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { apiFieldErrors, errorText, zodValidate } from '../../../lib/form-errors.js';
import { APPLICATIONS_NS } from '../messages.js';
import { LogoField } from './logo-field.js';

export type JoinValues = {
  organisation: OrganisationFieldValues & { logoFileId: string | null };
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
  const { t } = useTranslation(APPLICATIONS_NS);
  const labels = useOrgLabels();
  const [logoUrl, setLogoUrl] = useState<string | null>(initialLogoUrl);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<JoinValues>({
    initialValues: initial,
    validate: zodValidate(JoinSchema, t, { prepare: toBody }),
    validateInputOnBlur: true,
  });

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
        <OrganisationFieldsets
          form={form}
          path="organisation."
          values={form.values.organisation}
          reference={reference}
        />

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
