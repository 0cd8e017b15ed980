// Create or change a forum space (staff): address, names and descriptions in three languages, who may enter,
// programme, approval of first posts, moderators and, for restricted spaces, the organisations and people
// admitted. People come from the staff user search, organisations from the directory.
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SPACE_ACCESS, type SpaceAccess, SpaceBody, type SpaceDetail } from '../../../../shared/forum.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { apiFieldErrors, zodValidate } from '../../../lib/form-errors.js';
import { useProgrammes } from '../api/list-programmes.js';
import { useSaveSpace } from '../api/save-space.js';
import { useSearchOrganisations, useSearchUsers } from '../api/search-people.js';
import { FORUM_NS } from '../messages.js';

type Option = { value: string; label: string };
type Texts = { it: string; en: string; ar: string };

type Values = {
  slug: string;
  name: Texts;
  description: Texts;
  access: SpaceAccess;
  programmeSlug: string;
  holdFirstPosts: boolean;
  moderatorIds: string[];
  memberOrganisationIds: string[];
  memberUserIds: string[];
};

const texts = (m: Record<string, string> | undefined): Texts => ({
  it: m?.it ?? '',
  en: m?.en ?? '',
  ar: m?.ar ?? '',
});

const fromDetail = (d?: SpaceDetail): Values => ({
  slug: d?.slug ?? '',
  name: texts(d?.name),
  description: texts(d?.description),
  access: d?.access ?? 'members',
  programmeSlug: d?.programme?.slug ?? '',
  holdFirstPosts: d?.holdFirstPosts ?? true,
  moderatorIds: d?.moderators.map((p) => p.id) ?? [],
  memberOrganisationIds: d?.members.organisations.map((o) => o.id) ?? [],
  memberUserIds: d?.members.people.map((p) => p.id) ?? [],
});

const compact = (m: Texts) =>
  Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim() !== '')) as Record<string, string>;

const toBody = (v: Values): SpaceBody => ({
  slug: v.slug.trim(),
  name: compact(v.name),
  description: compact(v.description),
  access: v.access,
  programmeSlug: v.programmeSlug || null,
  holdFirstPosts: v.holdFirstPosts,
  moderatorIds: v.moderatorIds,
  memberOrganisationIds: v.access === 'restricted' ? v.memberOrganisationIds : [],
  memberUserIds: v.access === 'restricted' ? v.memberUserIds : [],
});

/** Options found by the current search plus the ones already chosen, so chosen names keep their label. */
const merge = (known: Option[], found: Option[]) => {
  const seen = new Set(found.map((o) => o.value));
  return [...found, ...known.filter((o) => !seen.has(o.value))];
};

function PeoplePicker({
  label,
  value,
  onChange,
  known,
  error,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  known: Option[];
  error?: string;
}) {
  const { t } = useTranslation(FORUM_NS);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const users = useSearchUsers(q);
  const found = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }));
  return (
    <MultiSelect
      label={label}
      description={t('spaceForm.searchHelp')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={onChange}
      data={merge(known, found)}
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 && users.isSuccess ? t('spaceForm.nothingFound') : undefined}
      comboboxProps={{ withinPortal: false }}
      withScrollArea={false}
      error={error}
      hidePickedOptions
    />
  );
}

export function SpaceForm({
  initial,
  onDone,
  onCancel,
}: {
  initial?: SpaceDetail;
  onDone: (space: SpaceDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(FORUM_NS);
  const [v, setV] = useState<Values>(() => fromDetail(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveSpace(initial?.id);
  const programmes = useProgrammes();
  const [orgSearch, setOrgSearch] = useState('');
  const [orgQ] = useDebouncedValue(orgSearch.trim(), 250);
  const orgs = useSearchOrganisations(orgQ);
  const check = zodValidate<Values>(SpaceBody, t, { prepare: toBody });

  const knownPeople: Option[] = [...(initial?.moderators ?? []), ...(initial?.members.people ?? [])].map(
    (p) => ({ value: p.id, label: p.name }),
  );
  const knownOrgs: Option[] = (initial?.members.organisations ?? []).map((o) => ({
    value: o.id,
    label: o.name,
  }));
  const foundOrgs = (orgs.data?.items ?? []).map((o) => ({
    value: o.id,
    label: o.municipality ? `${o.name} · ${o.municipality}` : o.name,
  }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = check(v);
    if (initial) delete found.slug;
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    save.mutate(toBody(v), {
      onSuccess: onDone,
      onError: (err) => setErrors(apiFieldErrors(err, t)),
    });
  };

  const text = (group: 'name' | 'description', lang: keyof Texts) => ({
    value: v[group][lang],
    onChange: (ev: { currentTarget: { value: string } }) => {
      const value = ev.currentTarget.value;
      setV((x) => ({ ...x, [group]: { ...x[group], [lang]: value } }));
    },
    error: errors[`${group}.${lang}`] ?? (lang === 'it' ? errors[group] : undefined),
    dir: lang === 'ar' ? ('rtl' as const) : ('ltr' as const),
    lang,
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="space-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="space-form-title" fz="h3">
            {initial ? t('spaceForm.editTitle') : t('spaceForm.title')}
          </Title>
          {!initial && (
            <TextInput
              label={t('spaceForm.slug')}
              description={t('spaceForm.slugHelp')}
              required
              maxLength={60}
              value={v.slug}
              onChange={(ev) => setV({ ...v, slug: ev.currentTarget.value })}
              error={errors.slug}
              dir="ltr"
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('spaceForm.nameIt')} required maxLength={120} {...text('name', 'it')} />
            <TextInput label={t('spaceForm.nameEn')} maxLength={120} {...text('name', 'en')} />
            <TextInput label={t('spaceForm.nameAr')} maxLength={120} {...text('name', 'ar')} />
          </SimpleGrid>
          <Textarea
            label={t('spaceForm.descriptionIt')}
            autosize
            minRows={2}
            maxLength={2000}
            {...text('description', 'it')}
          />
          <Textarea
            label={t('spaceForm.descriptionEn')}
            autosize
            minRows={2}
            maxLength={2000}
            {...text('description', 'en')}
          />
          <Textarea
            label={t('spaceForm.descriptionAr')}
            autosize
            minRows={2}
            maxLength={2000}
            {...text('description', 'ar')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('spaceForm.access')}
              description={t(`spaceForm.accessHelp.${v.access}`)}
              data={SPACE_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
              value={v.access}
              allowDeselect={false}
              onChange={(x) => setV({ ...v, access: (x as SpaceAccess | null) ?? 'members' })}
              error={errors.access}
            />
            <Select
              label={t('spaceForm.programme')}
              placeholder={t('spaceForm.none')}
              clearable
              data={(programmes.data?.items ?? []).map((p) => ({ value: p.slug, label: p.name }))}
              value={v.programmeSlug || null}
              onChange={(x) => setV({ ...v, programmeSlug: x ?? '' })}
              error={errors.programmeSlug}
            />
          </SimpleGrid>
          <Checkbox
            label={t('spaceForm.holdFirstPosts')}
            checked={v.holdFirstPosts}
            onChange={(ev) => setV({ ...v, holdFirstPosts: ev.currentTarget.checked })}
          />
          <PeoplePicker
            label={t('spaceForm.moderators')}
            value={v.moderatorIds}
            onChange={(ids) => setV({ ...v, moderatorIds: ids })}
            known={knownPeople}
            error={errors.moderatorIds}
          />
          {v.access === 'restricted' && (
            <>
              <MultiSelect
                label={t('spaceForm.memberOrganisations')}
                description={t('spaceForm.searchHelp')}
                searchable
                searchValue={orgSearch}
                onSearchChange={setOrgSearch}
                value={v.memberOrganisationIds}
                onChange={(ids) => setV({ ...v, memberOrganisationIds: ids })}
                data={merge(knownOrgs, foundOrgs)}
                filter={({ options }) => options}
                nothingFoundMessage={
                  orgQ.length >= 2 && orgs.isSuccess ? t('spaceForm.nothingFound') : undefined
                }
                comboboxProps={{ withinPortal: false }}
                withScrollArea={false}
                error={errors.memberOrganisationIds}
                hidePickedOptions
              />
              <PeoplePicker
                label={t('spaceForm.memberPeople')}
                value={v.memberUserIds}
                onChange={(ids) => setV({ ...v, memberUserIds: ids })}
                known={knownPeople}
                error={errors.memberUserIds}
              />
            </>
          )}
          {save.isError && <ErrorAlert error={save.error} />}
          <Group gap="xs">
            <Button type="submit" color="teal.9" loading={save.isPending}>
              {initial ? t('spaceForm.save') : t('spaceForm.submit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('spaceForm.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
