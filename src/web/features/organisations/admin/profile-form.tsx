// The organisation's profile: every public field, descriptions per language, visibility.
import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  OrganisationInput,
  type OrgDetail,
  type ReferenceResponse,
} from '../../../../shared/organisations.js';
import { apiFieldErrors, errorText, zodValidate } from '../../../lib/form-errors.js';
import { type OrganisationPatch, useUpdateOrganisation } from '../api/update-organisation.js';
import { ORG_ADMIN_NS } from './messages.js';
import { useOptions } from './options.js';

/** The interface languages get a description box each; others already stored are kept untouched. */
const DESCRIPTION_LANGS = ['it', 'en', 'ar'] as const;

const ProfileSchema = OrganisationInput.omit({ logoFileId: true });
// A province code is always two letters: one sentence whether it is too short or too long.
const PROFILE_VALIDATION = { lengthMessages: { provinceCode: 'validation.provinceLength' } };

function initialValues(org: OrgDetail) {
  return {
    name: org.name,
    acronym: org.acronym ?? '',
    kind: org.kind,
    legalForm: org.legalForm,
    taxCode: org.taxCode ?? '',
    runtsNumber: org.runtsNumber ?? '',
    address: org.address ?? '',
    postalCode: org.postalCode ?? '',
    municipality: org.municipality ?? '',
    provinceCode: org.provinceCode ?? '',
    website: org.website ?? '',
    email: org.email ?? '',
    phone: org.phone ?? '',
    fieldSlugs: org.fields,
    languages: org.languages,
    description: Object.fromEntries(DESCRIPTION_LANGS.map((l) => [l, org.description[l] ?? ''])) as Record<
      (typeof DESCRIPTION_LANGS)[number],
      string
    >,
    visible: org.visible,
  };
}

export function ProfileForm({
  org,
  reference,
  readOnly,
}: {
  org: OrgDetail;
  reference: ReferenceResponse | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation(ORG_ADMIN_NS);
  const options = useOptions(reference);
  const mutation = useUpdateOrganisation(org.slug);
  const form = useForm({
    initialValues: initialValues(org),
    validate: zodValidate(ProfileSchema, t, PROFILE_VALIDATION),
  });

  const submit = form.onSubmit((values) => {
    const description: Record<string, string> = {};
    for (const [lang, text] of Object.entries(org.description)) {
      if (!(DESCRIPTION_LANGS as readonly string[]).includes(lang)) description[lang] = text;
    }
    for (const lang of DESCRIPTION_LANGS) {
      const text = values.description[lang].trim();
      if (text) description[lang] = text;
    }
    mutation.mutate(
      // Languages come from the server's own list, so the widening to string[] in the form is safe to undo.
      { ...values, languages: values.languages as OrganisationPatch['languages'], description },
      {
        onSuccess: (saved) => {
          form.setInitialValues(initialValues(saved));
          form.setValues(initialValues(saved));
          notifications.show({ color: 'teal', message: t('profile.saved') });
        },
        onError: (err) => {
          form.setErrors(apiFieldErrors(err, t));
          notifications.show({ color: 'red', message: errorText(err, t) });
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Fieldset legend={t('profile.identity')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('profile.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('profile.acronym')} {...form.getInputProps('acronym')} />
            <NativeSelect label={t('profile.kind')} data={options.kinds} {...form.getInputProps('kind')} />
            <NativeSelect
              label={t('profile.legalForm')}
              data={options.legalForms}
              {...form.getInputProps('legalForm')}
            />
            <TextInput
              label={t('profile.taxCode')}
              description={t('profile.taxCodeHint')}
              autoCapitalize="characters"
              {...form.getInputProps('taxCode')}
            />
            <TextInput label={t('profile.runtsNumber')} {...form.getInputProps('runtsNumber')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('profile.place')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.address')}
              autoComplete="street-address"
              {...form.getInputProps('address')}
            />
            <TextInput
              label={t('profile.postalCode')}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              {...form.getInputProps('postalCode')}
            />
            <TextInput label={t('profile.municipality')} required {...form.getInputProps('municipality')} />
            <Select
              label={t('profile.province')}
              required
              searchable
              allowDeselect={false}
              data={options.provinces}
              nothingFoundMessage={t('common:states.empty')}
              readOnly={readOnly}
              {...form.getInputProps('provinceCode')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('profile.contacts')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.email')}
              type="email"
              required
              autoComplete="email"
              {...form.getInputProps('email')}
            />
            <TextInput
              label={t('profile.phone')}
              type="tel"
              autoComplete="tel"
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('profile.website')}
              type="url"
              autoComplete="url"
              {...form.getInputProps('website')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('profile.activity')} disabled={readOnly}>
          <Stack gap="md">
            <MultiSelect
              label={t('profile.fields')}
              data={options.fields}
              searchable
              hidePickedOptions
              nothingFoundMessage={t('common:states.empty')}
              readOnly={readOnly}
              {...form.getInputProps('fieldSlugs')}
            />
            <MultiSelect
              label={t('profile.languages')}
              data={options.languages}
              searchable
              hidePickedOptions
              maxDropdownHeight={260}
              nothingFoundMessage={t('common:states.empty')}
              readOnly={readOnly}
              {...form.getInputProps('languages')}
            />
            <Switch
              label={t('profile.visible')}
              description={t('profile.visibleHint')}
              {...form.getInputProps('visible', { type: 'checkbox' })}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('profile.description')} disabled={readOnly}>
          <Stack gap="md">
            <Text size="sm" c="gray.8">
              {t('profile.descriptionHint')}
            </Text>
            {DESCRIPTION_LANGS.map((lang) => (
              <Textarea
                key={lang}
                label={t('profile.descriptionIn', { language: options.languageName(lang) })}
                lang={lang}
                dir={lang === 'ar' ? 'rtl' : 'ltr'}
                autosize
                minRows={4}
                maxRows={14}
                {...form.getInputProps(`description.${lang}`)}
              />
            ))}
          </Stack>
        </Fieldset>

        {!readOnly && (
          <Group>
            <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
              {t('profile.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
