// Start an engagement: organisation (searched by name), mentor (staff only: experts need not choose, they
// are the mentor), purpose, what it is about and the period. On success the engagement page opens.
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CreateEngagementBody,
  MENTORING_WEB_PATHS,
  PURPOSES,
  type Purpose,
  SUBJECT_KINDS,
  type SubjectKind,
} from '../../../../shared/mentoring.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { apiFieldErrors, zodValidate } from '../../../lib/form-errors.js';
import { useCreateEngagement } from '../api/create-engagement.js';
import { useSearchMentors } from '../api/search-mentors.js';
import { useSearchOrganisations } from '../api/search-organisations.js';
import { MENTORING_NS } from '../messages.js';

interface Values {
  organisationId: string;
  mentorUserId: string;
  purpose: Purpose;
  subjectKind: SubjectKind;
  subjectName: string;
  startsOn: string;
  endsOn: string;
}

const today = () => new Date().toISOString().slice(0, 10);

const toBody = (v: Values) => ({
  organisationId: v.organisationId,
  mentorUserId: v.mentorUserId || undefined,
  purpose: v.purpose,
  subjectKind: v.subjectKind,
  subjectName: v.subjectName.trim() || null,
  startsOn: v.startsOn,
  endsOn: v.endsOn || null,
});

export function EngagementForm({
  canChooseMentor,
  onCancel,
}: {
  canChooseMentor: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation(MENTORING_NS);
  const navigate = useNavigate();
  const create = useCreateEngagement();
  const [orgSearch, setOrgSearch] = useState('');
  const [orgQ] = useDebouncedValue(orgSearch.trim(), 250);
  const orgs = useSearchOrganisations(orgQ);
  const [mentorSearch, setMentorSearch] = useState('');
  const [mentorQ] = useDebouncedValue(mentorSearch.trim(), 250);
  const mentors = useSearchMentors(canChooseMentor ? mentorQ : '');
  const check = zodValidate<Values>(CreateEngagementBody, t, { prepare: toBody });
  const form = useForm<Values>({
    initialValues: {
      organisationId: '',
      mentorUserId: '',
      purpose: 'accompaniment',
      subjectKind: 'organisation',
      subjectName: '',
      startsOn: today(),
      endsOn: '',
    },
    validate: (v) => {
      const errors = check(v);
      // An empty choice reads better as "required" than as an invalid id.
      if (!v.organisationId) errors.organisationId = t('validation.required');
      if (!v.startsOn) errors.startsOn = t('validation.required');
      return errors;
    },
  });

  const submit = form.onSubmit((v) => {
    create.mutate(toBody(v), {
      onSuccess: (e) => navigate(MENTORING_WEB_PATHS.engagement(e.id)),
      onError: (err) => form.setErrors(apiFieldErrors(err, t)),
    });
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="engagement-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="engagement-form-title" fz="h3">
            {t('create.title')}
          </Title>
          <Select
            label={t('create.organisation')}
            description={t('create.organisationHelp')}
            required
            searchable
            clearable
            withScrollArea={false}
            comboboxProps={{ withinPortal: false }}
            searchValue={orgSearch}
            onSearchChange={setOrgSearch}
            value={form.values.organisationId || null}
            onChange={(v) => form.setFieldValue('organisationId', v ?? '')}
            error={form.errors.organisationId}
            filter={({ options }) => options}
            data={(orgs.data?.items ?? []).map((o) => ({
              value: o.id,
              label: o.municipality ? `${o.name} · ${o.municipality}` : o.name,
            }))}
            nothingFoundMessage={orgQ.length >= 2 && orgs.isSuccess ? t('create.nothingFound') : undefined}
          />
          {canChooseMentor ? (
            <Select
              label={t('create.mentor')}
              description={t('create.mentorHelp')}
              searchable
              clearable
              withScrollArea={false}
              comboboxProps={{ withinPortal: false }}
              searchValue={mentorSearch}
              onSearchChange={setMentorSearch}
              value={form.values.mentorUserId || null}
              onChange={(v) => form.setFieldValue('mentorUserId', v ?? '')}
              error={form.errors.mentorUserId}
              filter={({ options }) => options}
              data={(mentors.data ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
              nothingFoundMessage={
                mentorQ.length >= 2 && mentors.isSuccess ? t('create.nothingFound') : undefined
              }
            />
          ) : (
            <Text size="sm">{t('create.mentorSelf')}</Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('create.purpose')}
              data={PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))}
              {...form.getInputProps('purpose')}
            />
            <NativeSelect
              label={t('create.subjectKind')}
              data={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`subjects.${k}`) }))}
              {...form.getInputProps('subjectKind')}
            />
          </SimpleGrid>
          <TextInput
            label={t('create.subjectName')}
            description={t('create.subjectNameHelp')}
            required={form.values.subjectKind !== 'organisation'}
            maxLength={200}
            {...form.getInputProps('subjectName')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('create.startsOn')}
              required
              {...form.getInputProps('startsOn')}
            />
            <TextInput
              type="date"
              label={t('create.endsOn')}
              min={form.values.startsOn || undefined}
              {...form.getInputProps('endsOn')}
            />
          </SimpleGrid>
          {create.isError && <ErrorAlert error={create.error} />}
          <Group gap="xs">
            <Button type="submit" color="teal.9" loading={create.isPending}>
              {t('create.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('create.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
