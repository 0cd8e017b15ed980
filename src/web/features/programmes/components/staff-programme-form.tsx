// Programme form shared by create and edit: the same checks the server makes, shown beside each field.
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateProgrammeBody, ProgrammeSummary } from '../../../../shared/programmes.js';
import '../staff-messages.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';

export interface ProgrammeFormValues {
  name: string;
  year: string;
  startsOn: string;
  endsOn: string;
  descriptionIt: string;
  descriptionEn: string;
  descriptionAr: string;
  parentSlug: string;
}

export const emptyProgramme: ProgrammeFormValues = {
  name: '',
  year: String(new Date().getFullYear()),
  startsOn: '',
  endsOn: '',
  descriptionIt: '',
  descriptionEn: '',
  descriptionAr: '',
  parentSlug: '',
};

type Errors = Partial<Record<keyof ProgrammeFormValues, string>>;

function validate(v: ProgrammeFormValues): Errors {
  const e: Errors = {};
  if (v.name.trim().length === 0) e.name = 'form.required';
  else if (v.name.trim().length < 2) e.name = 'form.nameTooShort';
  if (v.year !== '' && !/^\d{4}$/.test(v.year)) e.year = 'form.badYear';
  if (v.descriptionIt.trim() === '') e.descriptionIt = 'form.required';
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) e.endsOn = 'form.badDates';
  return e;
}

export function toProgrammeBody(v: ProgrammeFormValues): CreateProgrammeBody {
  const description: Record<string, string> = { it: v.descriptionIt.trim() };
  if (v.descriptionEn.trim()) description.en = v.descriptionEn.trim();
  if (v.descriptionAr.trim()) description.ar = v.descriptionAr.trim();
  return {
    name: v.name.trim(),
    year: v.year ? Number(v.year) : null,
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    parentSlug: v.parentSlug || null,
    description,
  };
}

export function StaffProgrammeForm({
  initial,
  parents,
  submitLabel,
  pending,
  error,
  onSubmit,
  idPrefix,
}: {
  initial: ProgrammeFormValues;
  parents: ProgrammeSummary[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: ProgrammeFormValues) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation('staffProgrammes');
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof ProgrammeFormValues) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((old) => ({ ...old, [k]: value }));
  };
  const err = (k: keyof ProgrammeFormValues) => (errors[k] ? t(errors[k]) : undefined);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found = validate(v);
        setErrors(found);
        if (Object.keys(found).length === 0) onSubmit(v);
      }}
    >
      <Stack gap="sm">
        <TextInput
          id={`${idPrefix}-name`}
          label={t('form.name')}
          value={v.name}
          onChange={set('name')}
          required
          error={err('name')}
          maxLength={200}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput
            id={`${idPrefix}-year`}
            label={t('form.year')}
            value={v.year}
            onChange={set('year')}
            inputMode="numeric"
            maxLength={4}
            error={err('year')}
          />
          <TextInput
            id={`${idPrefix}-starts`}
            type="date"
            label={t('form.startsOn')}
            value={v.startsOn}
            onChange={set('startsOn')}
          />
          <TextInput
            id={`${idPrefix}-ends`}
            type="date"
            label={t('form.endsOn')}
            value={v.endsOn}
            onChange={set('endsOn')}
            error={err('endsOn')}
          />
        </SimpleGrid>
        <NativeSelect
          id={`${idPrefix}-parent`}
          label={t('form.parent')}
          description={t('form.parentHelp')}
          value={v.parentSlug}
          onChange={set('parentSlug')}
          data={[
            { value: '', label: t('form.noParent') },
            ...parents.map((p) => ({ value: p.slug, label: p.year ? `${p.name} (${p.year})` : p.name })),
          ]}
        />
        <Textarea
          id={`${idPrefix}-desc-it`}
          label={t('form.descriptionIt')}
          value={v.descriptionIt}
          onChange={set('descriptionIt')}
          required
          error={err('descriptionIt')}
          autosize
          minRows={3}
          lang="it"
          dir="ltr"
        />
        <Textarea
          id={`${idPrefix}-desc-en`}
          label={t('form.descriptionEn')}
          value={v.descriptionEn}
          onChange={set('descriptionEn')}
          autosize
          minRows={2}
          lang="en"
          dir="ltr"
        />
        <Textarea
          id={`${idPrefix}-desc-ar`}
          label={t('form.descriptionAr')}
          value={v.descriptionAr}
          onChange={set('descriptionAr')}
          autosize
          minRows={2}
          lang="ar"
          dir="rtl"
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Group>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
