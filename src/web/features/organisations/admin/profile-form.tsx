// The organisation's profile: every public field, descriptions per language, visibility.
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import {
  OrganisationInput,
  type OrgDetail,
  type ReferenceResponse,
} from '../../../../shared/organisations.js';
import {
  DESCRIPTION_LANGS,
  OrganisationFieldsets,
  type OrganisationFieldValues,
} from '../../../components/organisation-fieldsets/organisation-fieldsets.js';
import { apiFieldErrors, errorText, zodValidate } from '../../../lib/form-errors.js';
import { type OrganisationPatch, useUpdateOrganisation } from '../api/update-organisation.js';
import { ORG_ADMIN_NS } from './messages.js';

const ProfileSchema = OrganisationInput.omit({ logoFileId: true });
// A province code is always two letters: one sentence whether it is too short or too long.
const PROFILE_VALIDATION = { lengthMessages: { provinceCode: 'validation.provinceLength' } };

function initialValues(org: OrgDetail): OrganisationFieldValues {
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
    description: { it: org.description.it ?? '', en: org.description.en ?? '', ar: org.description.ar ?? '' },
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
      // Kinds, legal forms and languages come from the server's own lists (the selects offer nothing else),
      // so undoing the form's widening to strings is safe; the server validates them again.
      {
        ...values,
        kind: values.kind as OrganisationPatch['kind'],
        legalForm: values.legalForm as OrganisationPatch['legalForm'],
        languages: values.languages as OrganisationPatch['languages'],
        description,
      },
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
        <OrganisationFieldsets form={form} values={form.values} reference={reference} readOnly={readOnly} />

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
