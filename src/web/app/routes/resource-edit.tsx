// Create or edit a library item (staff, and org admins/operators for their organisation).
import {
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  type CreateResourceBody,
  DOCUMENT_LANGUAGES,
  pickResourceText,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  RESOURCE_VISIBILITIES,
  type ResourceDetail,
} from '../../../shared/resources.js';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { isStaffUser, useSession } from '../../features/auth/api/get-session.js';
import { useResource } from '../../features/resources/api/get-resource.js';
import { useProgrammes, useReference } from '../../features/resources/api/reference.js';
import { useSaveResource } from '../../features/resources/api/save-resource.js';
import { RESOURCES_NS } from '../../features/resources/messages.js';
import { apiFieldErrors } from '../../lib/form-errors.js';

type Values = {
  kind: string;
  title: { it: string; en: string; ar: string };
  summary: { it: string; en: string; ar: string };
  language: string;
  fields: string[];
  tags: string;
  programmeSlug: string;
  organisationSlug: string;
  visibility: string;
  status: string;
  linkUrl: string;
};

const fromDetail = (d?: ResourceDetail): Values => ({
  kind: d?.kind ?? 'toolkit',
  title: { it: d?.title.it ?? '', en: d?.title.en ?? '', ar: d?.title.ar ?? '' },
  summary: { it: d?.summary.it ?? '', en: d?.summary.en ?? '', ar: d?.summary.ar ?? '' },
  language: d?.language ?? 'it',
  fields: d?.fields ?? [],
  tags: (d?.tags ?? []).join(', '),
  programmeSlug: d?.programme?.slug ?? '',
  organisationSlug: d?.organisation?.slug ?? '',
  visibility: d?.visibility ?? 'public',
  status: d?.status ?? 'published',
  linkUrl: d?.linkUrl ?? '',
});

function ResourceForm({ initial, id }: { initial?: ResourceDetail; id?: string }) {
  const { t, i18n } = useTranslation(RESOURCES_NS);
  const { t: tc } = useTranslation();
  const [v, setV] = useState<Values>(() => fromDetail(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveResource(id);
  const navigate = useNavigate();
  const reference = useReference();
  const programmes = useProgrammes();
  const session = useSession();
  const user = session.data?.user ?? null;
  const staff = isStaffUser(user);
  const myOrgs = (user?.memberships ?? []).filter((m) => m.role === 'org_admin' || m.role === 'operator');
  useEffect(() => {
    if (!staff && !v.organisationSlug && myOrgs[0])
      setV((x) => ({ ...x, organisationSlug: myOrgs[0]?.slug ?? '' }));
  }, [staff, myOrgs, v.organisationSlug]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: CreateResourceBody = {
      kind: v.kind as CreateResourceBody['kind'],
      title: v.title,
      summary: v.summary,
      language: v.language as CreateResourceBody['language'],
      fields: v.fields,
      tags: v.tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      programmeSlug: v.programmeSlug || null,
      organisationSlug: v.organisationSlug || null,
      visibility: v.visibility as CreateResourceBody['visibility'],
      status: v.status as CreateResourceBody['status'],
      linkUrl: v.linkUrl.trim() || null,
    };
    setErrors({});
    save.mutate(body, {
      onSuccess: (r) => navigate(`/resources/${r.id}`),
      onError: (err) => setErrors(apiFieldErrors(err, tc)),
    });
  };
  const text = (group: 'title' | 'summary', lang: 'it' | 'en' | 'ar') => ({
    value: v[group][lang],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setV((x) => ({ ...x, [group]: { ...x[group], [lang]: value } }));
    },
    error: errors[`${group}.${lang}`] ?? (lang === 'it' ? errors[group] : undefined),
    dir: lang === 'ar' ? ('rtl' as const) : undefined,
    lang,
  });
  const orgOptions = staff
    ? [] // staff type the slug of an organisation (rare); members pick one of theirs
    : myOrgs.map((m) => ({ value: m.slug, label: m.name }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('form.kind')}
            value={v.kind}
            onChange={(x) => setV({ ...v, kind: x ?? 'toolkit' })}
            data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            allowDeselect={false}
            error={errors.kind}
          />
          <Select
            label={t('form.language')}
            value={v.language}
            onChange={(x) => setV({ ...v, language: x ?? 'it' })}
            data={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput label={t('form.titleIt')} required {...text('title', 'it')} />
        <TextInput label={t('form.titleEn')} {...text('title', 'en')} />
        <TextInput label={t('form.titleAr')} {...text('title', 'ar')} />
        <Textarea label={t('form.summaryIt')} autosize minRows={3} {...text('summary', 'it')} />
        <Textarea label={t('form.summaryEn')} autosize minRows={2} {...text('summary', 'en')} />
        <Textarea label={t('form.summaryAr')} autosize minRows={2} {...text('summary', 'ar')} />
        {v.kind === 'recording' && (
          <TextInput
            label={t('form.linkUrl')}
            type="url"
            required
            value={v.linkUrl}
            onChange={(e) => setV({ ...v, linkUrl: e.currentTarget.value })}
            error={errors.linkUrl}
          />
        )}
        <MultiSelect
          label={t('form.fields')}
          value={v.fields}
          onChange={(x) => setV({ ...v, fields: x })}
          data={(reference.data?.fields ?? []).map((f) => ({
            value: f.slug,
            label: pickResourceText(f.names, i18n.language) || f.slug,
          }))}
          searchable
          error={errors.fields}
        />
        <TextInput
          label={t('form.tags')}
          description={t('form.tagsHint')}
          value={v.tags}
          onChange={(e) => setV({ ...v, tags: e.currentTarget.value })}
          error={errors.tags}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {staff ? (
            <TextInput
              label={t('form.organisation')}
              value={v.organisationSlug}
              onChange={(e) => setV({ ...v, organisationSlug: e.currentTarget.value })}
              error={errors.organisationSlug}
            />
          ) : (
            <Select
              label={t('form.organisation')}
              value={v.organisationSlug || null}
              onChange={(x) => setV({ ...v, organisationSlug: x ?? '' })}
              data={orgOptions}
              allowDeselect={false}
              error={errors.organisationSlug}
            />
          )}
          <Select
            label={t('form.programme')}
            value={v.programmeSlug || null}
            onChange={(x) => setV({ ...v, programmeSlug: x ?? '' })}
            data={(programmes.data?.items ?? []).map((p) => ({ value: p.slug, label: p.name }))}
            placeholder={t('form.none')}
            clearable
            error={errors.programmeSlug}
          />
          <Select
            label={t('form.visibility')}
            value={v.visibility}
            onChange={(x) => setV({ ...v, visibility: x ?? 'public' })}
            data={RESOURCE_VISIBILITIES.map((k) => ({ value: k, label: t(`visibilities.${k}`) }))}
            allowDeselect={false}
            error={errors.visibility}
          />
          <Select
            label={t('form.status')}
            value={v.status}
            onChange={(x) => setV({ ...v, status: x ?? 'draft' })}
            data={RESOURCE_STATUSES.map((k) => ({ value: k, label: t(`statuses.${k}`) }))}
            allowDeselect={false}
            description={t('form.publishHint')}
          />
        </SimpleGrid>
        {save.isError && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" color="teal.9" loading={save.isPending}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function Component() {
  const { id } = useParams();
  const { t } = useTranslation(RESOURCES_NS);
  const existing = useResource(id);
  const heading = id ? t('form.editTitle') : t('form.newTitle');
  useEffect(() => {
    document.title = `${heading} · Trama`;
  }, [heading]);
  return (
    <Stack gap="lg" maw={800} mx="auto">
      <Title order={1}>{heading}</Title>
      {id && existing.isPending && <Skeleton h={300} radius="md" aria-hidden />}
      {id && existing.isError && <ErrorAlert error={existing.error} />}
      {id && existing.data && !existing.data.viewer.canManage && <Text>{t('item.notFound')}</Text>}
      {(!id || existing.data?.viewer.canManage) && (
        <ResourceForm key={id ?? 'new'} initial={existing.data} id={id} />
      )}
    </Stack>
  );
}
