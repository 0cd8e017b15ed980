// The event editor shared by staff (create, edit, publish) and member organisations (propose a local event):
// text in Italian, English and Arabic, dates read in the event's time zone, venue with province and region,
// seats, registration window, audience, extra questions and the cover image.
import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Image,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateEventInput,
  EventAudience,
  EventDetail,
  EventFormat,
  EventKind,
  EventQuestion,
  UpdateEventBody,
} from '../../../../shared/events.js';
import {
  COVER_MAX_BYTES,
  EVENT_AUDIENCES,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_QUESTIONS,
} from '../../../../shared/events-constants.js';
import { apiFieldErrors, type FieldErrors } from '../../../lib/form-errors.js';
import { useUploadCover } from '../api/upload-cover.js';
import { EVENTS_NS } from '../messages.js';
import { DEFAULT_TIME_ZONE, fromZonedInput, timeZoneOptions, toZonedInput } from './format.js';
import { eventErrorText, useEventLabels } from './labels.js';
import { OrganisationPicker } from './organisation-picker.js';

const LANGS = ['it', 'en', 'ar'] as const;
type Lang = (typeof LANGS)[number];

export type EditorValues = {
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  kind: EventKind;
  format: EventFormat;
  programmeSlug: string;
  /** '' = the network (staff only); an organisation's slug otherwise. Fixed once created. */
  organiserSlug: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  address: string;
  municipality: string;
  provinceCode: string;
  onlineUrl: string;
  capacityInPerson: number | string;
  capacityOnline: number | string;
  maxPerOrganisation: number | string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  audience: EventAudience;
  invitedEmails: string;
  questions: EventQuestion[];
  freeTextPrompt: Record<Lang, string>;
  coverFileId: string | null;
  coverUrl: string | null;
};

const emptyText = (): Record<Lang, string> => ({ it: '', en: '', ar: '' });
const textOf = (m: Record<string, string> | null | undefined): Record<Lang, string> => ({
  it: m?.it ?? '',
  en: m?.en ?? '',
  ar: m?.ar ?? '',
});

export function valuesFrom(e: EventDetail | null, defaults: Partial<EditorValues> = {}): EditorValues {
  if (!e) {
    return {
      title: emptyText(),
      description: emptyText(),
      kind: 'local_event',
      format: 'in_person',
      programmeSlug: '',
      organiserSlug: '',
      startsAt: '',
      endsAt: '',
      timeZone: DEFAULT_TIME_ZONE,
      venueName: '',
      address: '',
      municipality: '',
      provinceCode: '',
      onlineUrl: '',
      capacityInPerson: '',
      capacityOnline: '',
      maxPerOrganisation: '',
      registrationOpensAt: '',
      registrationClosesAt: '',
      audience: 'public',
      invitedEmails: '',
      questions: [],
      freeTextPrompt: emptyText(),
      coverFileId: null,
      coverUrl: null,
      ...defaults,
    };
  }
  const tz = e.timeZone;
  return {
    title: textOf(e.title),
    description: textOf(e.description),
    kind: e.kind,
    format: e.format,
    programmeSlug: e.programme?.slug ?? '',
    organiserSlug: e.organiser.slug ?? '',
    startsAt: toZonedInput(e.startsAt, tz),
    endsAt: toZonedInput(e.endsAt, tz),
    timeZone: tz,
    venueName: e.venue?.name ?? '',
    address: e.venue?.address ?? '',
    municipality: e.venue?.municipality ?? '',
    provinceCode: e.venue?.provinceCode ?? '',
    onlineUrl: e.onlineUrl ?? '',
    capacityInPerson: e.seats.inPerson?.capacity ?? '',
    capacityOnline: e.seats.online?.capacity ?? '',
    maxPerOrganisation: e.maxPerOrganisation ?? '',
    registrationOpensAt: toZonedInput(e.registrationOpensAt, tz),
    registrationClosesAt: toZonedInput(e.registrationClosesAt, tz),
    audience: e.audience,
    invitedEmails: e.invitedEmails.join('\n'),
    questions: e.questions,
    freeTextPrompt: textOf(e.freeTextPrompt),
    coverFileId: null,
    coverUrl: e.coverUrl,
  };
}

const trimMap = (m: Record<Lang, string>) =>
  Object.fromEntries(LANGS.filter((l) => m[l].trim()).map((l) => [l, m[l].trim()])) as Record<string, string>;
const numOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

/** The fields both create and update send; the caller adds status/organiser or sends it as a patch. */
export function bodyFrom(v: EditorValues, { staff }: { staff: boolean }) {
  const inPerson = v.format !== 'online';
  const online = v.format !== 'in_person';
  const venue =
    inPerson && v.venueName.trim()
      ? {
          name: v.venueName.trim(),
          address: v.address.trim() || null,
          municipality: v.municipality.trim() || null,
          provinceCode: v.provinceCode || null,
        }
      : null;
  const prompt = trimMap(v.freeTextPrompt);
  const body: UpdateEventBody = {
    kind: v.kind,
    format: v.format,
    title: trimMap(v.title),
    description: trimMap(v.description),
    startsAt: fromZonedInput(v.startsAt, v.timeZone) ?? undefined,
    endsAt: fromZonedInput(v.endsAt, v.timeZone) ?? undefined,
    timeZone: v.timeZone,
    venue,
    onlineUrl: online ? v.onlineUrl.trim() || null : null,
    capacityInPerson: inPerson ? numOrNull(v.capacityInPerson) : null,
    capacityOnline: online ? numOrNull(v.capacityOnline) : null,
    maxPerOrganisation: numOrNull(v.maxPerOrganisation),
    registrationOpensAt: v.registrationOpensAt ? fromZonedInput(v.registrationOpensAt, v.timeZone) : null,
    registrationClosesAt: v.registrationClosesAt ? fromZonedInput(v.registrationClosesAt, v.timeZone) : null,
    audience: v.audience,
    programmeSlug: v.programmeSlug || null,
    questions: v.questions,
    freeTextPrompt: v.questions.includes('free_text') && Object.keys(prompt).length > 0 ? prompt : null,
  };
  if (v.coverFileId) body.coverFileId = v.coverFileId;
  if (staff && v.audience === 'invitation') {
    body.invitedEmails = v.invitedEmails
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return body;
}

function validate(v: EditorValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.title.it.trim()) e['title.it'] = 'editor.errors.required';
  if (!v.startsAt) e.startsAt = 'editor.errors.required';
  if (!v.endsAt) e.endsAt = 'editor.errors.required';
  if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) e.endsAt = 'editor.errors.endBeforeStart';
  if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
    e.registrationClosesAt = 'editor.errors.closeBeforeOpen';
  }
  if (v.format !== 'online' && !v.venueName.trim()) e['venue.name'] = 'editor.errors.required';
  if (v.format !== 'online' && !v.municipality.trim()) e['venue.municipality'] = 'editor.errors.venueNeeded';
  if (v.format !== 'in_person' && v.onlineUrl.trim() && !/^https?:\/\/\S+\.\S+/.test(v.onlineUrl.trim())) {
    e.onlineUrl = 'editor.errors.badUrl';
  }
  if (v.audience === 'programme' && !v.programmeSlug) e.programmeSlug = 'editor.errors.required';
  return e;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="fieldset" m={0}>
      <Title order={2} fz="h4" component="legend" px={4}>
        {title}
      </Title>
      <Stack gap="sm" mt="xs">
        {children}
      </Stack>
    </Paper>
  );
}

export type EditorSubmit = { values: EditorValues; publish: boolean };

export function EventEditor({
  initial,
  mode,
  programmes,
  provinces,
  regions,
  pending,
  error,
  onSubmit,
}: {
  initial: EditorValues;
  /** staff-create: draft or publish; staff-edit: save; propose: an organisation's proposal. */
  mode: 'staff-create' | 'staff-edit' | 'propose' | 'org-edit';
  programmes: Array<{ slug: string; name: string }>;
  provinces: Array<{ code: string; name: string; regionCode: string }>;
  regions: Array<{ code: string; name: string }>;
  pending: boolean;
  error: unknown;
  onSubmit: (s: EditorSubmit) => void;
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const labels = useEventLabels();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [langTab, setLangTab] = useState<Lang>('it');
  const upload = useUploadCover();
  const staff = mode === 'staff-create' || mode === 'staff-edit';
  const set = <K extends keyof EditorValues>(k: K, value: EditorValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));

  const serverErrors: FieldErrors = useMemo(() => apiFieldErrors(error, t), [error, t]);
  const err = (k: string) => (errors[k] ? t(errors[k]) : serverErrors[k]);

  const options = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return {
      kinds: EVENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
      formats: EVENT_FORMATS.map((k) => ({ value: k, label: labels.format(k) })),
      audiences: EVENT_AUDIENCES.filter((a) => staff || a !== 'invitation').map((a) => ({
        value: a,
        label: labels.audience(a),
      })),
      programmes: [
        { value: '', label: t('editor.noProgramme') },
        ...programmes.map((p) => ({ value: p.slug, label: p.name })),
      ],
      provinces: provinces
        .map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))
        .sort((a, b) => collator.compare(a.label, b.label)),
      zones: timeZoneOptions(),
      regionNames: new Map(regions.map((r) => [r.code, r.name])),
      provinceRegion: new Map(provinces.map((p) => [p.code, p.regionCode])),
    };
  }, [i18n.language, labels, programmes, provinces, regions, staff, t]);
  const regionName = options.regionNames.get(options.provinceRegion.get(v.provinceCode) ?? '');

  const submit = (publish: boolean) => {
    const found = validate(v);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found['title.it']) setLangTab('it');
      // Bring the first problem into view, where a person on a phone can see it.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit({ values: v, publish });
  };

  const coverError = upload.isError ? eventErrorText(upload.error, t) : undefined;
  const inPerson = v.format !== 'online';
  const online = v.format !== 'in_person';

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit(mode === 'propose' || mode === 'staff-edit' || mode === 'org-edit');
      }}
    >
      <Stack gap="md">
        <Section title={t('editor.sections.basics')}>
          <Tabs value={langTab} onChange={(l) => setLangTab((l as Lang) ?? 'it')} keepMounted>
            <Tabs.List aria-label={t('editor.languageTabs')}>
              {LANGS.map((l) => (
                <Tabs.Tab key={l} value={l} lang={l}>
                  {t(`editor.lang.${l}`)}
                  {l === 'it' ? ' *' : ''}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LANGS.map((l) => (
              <Tabs.Panel key={l} value={l} pt="sm">
                <Stack gap="sm">
                  <TextInput
                    label={`${t('editor.titleField')} (${t(`editor.lang.${l}`)})`}
                    description={l === 'it' ? t('editor.requiredIt') : undefined}
                    value={v.title[l]}
                    onChange={(e) => set('title', { ...v.title, [l]: e.currentTarget.value })}
                    required={l === 'it'}
                    error={err(`title.${l}`)}
                    maxLength={200}
                    dir={l === 'ar' ? 'rtl' : 'ltr'}
                    lang={l}
                  />
                  <Textarea
                    label={`${t('editor.descriptionField')} (${t(`editor.lang.${l}`)})`}
                    value={v.description[l]}
                    onChange={(e) => set('description', { ...v.description, [l]: e.currentTarget.value })}
                    error={err(`description.${l}`)}
                    autosize
                    minRows={4}
                    maxRows={16}
                    maxLength={20_000}
                    dir={l === 'ar' ? 'rtl' : 'ltr'}
                    lang={l}
                  />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('editor.kind')}
              data={options.kinds}
              value={v.kind}
              onChange={(k) => k && set('kind', k as EventKind)}
              allowDeselect={false}
              error={err('kind')}
            />
            <Select
              label={t('editor.format')}
              data={options.formats}
              value={v.format}
              onChange={(k) => k && set('format', k as EventFormat)}
              allowDeselect={false}
              error={err('format')}
            />
            <Select
              label={t('editor.programme')}
              data={options.programmes}
              value={v.programmeSlug}
              onChange={(k) => set('programmeSlug', k ?? '')}
              allowDeselect={false}
              searchable
              error={err('programmeSlug')}
            />
          </SimpleGrid>
          {mode === 'staff-create' && (
            <OrganisationPicker
              label={t('editor.organiser')}
              value={v.organiserSlug || 'network'}
              onChange={(slug) => set('organiserSlug', slug && slug !== 'network' ? slug : '')}
              extra={[{ value: 'network', label: t('editor.organiserNetwork') }]}
            />
          )}
        </Section>

        <Section title={t('editor.sections.when')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('editor.startsAt')}
              value={v.startsAt}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setV((old) => ({
                  ...old,
                  startsAt: value,
                  // A new event usually lasts a couple of hours: suggest an end once a start is chosen.
                  endsAt:
                    old.endsAt || !value
                      ? old.endsAt
                      : `${value.slice(0, 11)}${String(Math.min(23, Number(value.slice(11, 13)) + 2)).padStart(2, '0')}${value.slice(13, 16)}`,
                }));
              }}
              required
              error={err('startsAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('editor.endsAt')}
              value={v.endsAt}
              min={v.startsAt || undefined}
              onChange={(e) => set('endsAt', e.currentTarget.value)}
              required
              error={err('endsAt')}
            />
            <Select
              label={t('editor.timeZone')}
              description={t('editor.timeZoneHint')}
              data={options.zones}
              value={v.timeZone}
              onChange={(z) => z && set('timeZone', z)}
              searchable
              allowDeselect={false}
              limit={50}
              error={err('timeZone')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('editor.sections.where')}>
          {inPerson && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('editor.venueName')}
                value={v.venueName}
                onChange={(e) => set('venueName', e.currentTarget.value)}
                required
                error={err('venue.name')}
                maxLength={200}
              />
              <TextInput
                label={t('editor.address')}
                value={v.address}
                onChange={(e) => set('address', e.currentTarget.value)}
                error={err('venue.address')}
                maxLength={300}
                autoComplete="street-address"
              />
              <TextInput
                label={t('editor.municipality')}
                value={v.municipality}
                onChange={(e) => set('municipality', e.currentTarget.value)}
                required
                error={err('venue.municipality')}
                maxLength={120}
              />
              <Select
                label={t('editor.province')}
                data={options.provinces}
                value={v.provinceCode || null}
                onChange={(p) => set('provinceCode', p ?? '')}
                searchable
                clearable
                description={regionName ? t('editor.region', { name: regionName }) : undefined}
                error={err('venue.provinceCode')}
              />
            </SimpleGrid>
          )}
          {online && (
            <TextInput
              type="url"
              label={t('editor.onlineUrl')}
              description={t('editor.onlineUrlHint')}
              placeholder="https://"
              value={v.onlineUrl}
              onChange={(e) => set('onlineUrl', e.currentTarget.value)}
              error={err('onlineUrl')}
              maxLength={1000}
              dir="ltr"
            />
          )}
        </Section>

        <Section title={t('editor.sections.seats')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {inPerson && (
              <NumberInput
                label={t('editor.capacity')}
                description={t('editor.capacityHint')}
                value={v.capacityInPerson}
                onChange={(n) => set('capacityInPerson', n)}
                min={1}
                max={100_000}
                allowDecimal={false}
                allowNegative={false}
                error={err('capacityInPerson')}
              />
            )}
            {online && (
              <NumberInput
                label={t('editor.capacityOnline')}
                description={t('editor.capacityHint')}
                value={v.capacityOnline}
                onChange={(n) => set('capacityOnline', n)}
                min={1}
                max={100_000}
                allowDecimal={false}
                allowNegative={false}
                error={err('capacityOnline')}
              />
            )}
            <NumberInput
              label={t('editor.perOrganisation')}
              description={t('editor.capacityHint')}
              value={v.maxPerOrganisation}
              onChange={(n) => set('maxPerOrganisation', n)}
              min={1}
              max={10_000}
              allowDecimal={false}
              allowNegative={false}
              error={err('maxPerOrganisation')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('editor.opensAt')}
              value={v.registrationOpensAt}
              onChange={(e) => set('registrationOpensAt', e.currentTarget.value)}
              error={err('registrationOpensAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('editor.closesAt')}
              value={v.registrationClosesAt}
              onChange={(e) => set('registrationClosesAt', e.currentTarget.value)}
              error={err('registrationClosesAt')}
            />
            <Select
              label={t('editor.audience')}
              data={options.audiences}
              value={v.audience}
              onChange={(a) => a && set('audience', a as EventAudience)}
              allowDeselect={false}
              error={err('audience')}
            />
          </SimpleGrid>
          {staff && v.audience === 'invitation' && (
            <Textarea
              label={t('editor.invited')}
              description={t('editor.invitedHint')}
              value={v.invitedEmails}
              onChange={(e) => set('invitedEmails', e.currentTarget.value)}
              autosize
              minRows={3}
              dir="ltr"
              error={err('invitedEmails')}
            />
          )}
        </Section>

        <Section title={t('editor.sections.questions')}>
          <Text size="sm">{t('editor.questionsIntro')}</Text>
          <Checkbox.Group
            value={v.questions}
            onChange={(q) => set('questions', q as EventQuestion[])}
            aria-label={t('editor.sections.questions')}
          >
            <Stack gap={8}>
              {EVENT_QUESTIONS.map((q) => (
                <Checkbox key={q} value={q} label={t(`questions.${q}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          {v.questions.includes('free_text') && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {LANGS.map((l) => (
                <TextInput
                  key={l}
                  label={`${t('editor.questionLabel')} (${t(`editor.lang.${l}`)})`}
                  value={v.freeTextPrompt[l]}
                  onChange={(e) => set('freeTextPrompt', { ...v.freeTextPrompt, [l]: e.currentTarget.value })}
                  maxLength={500}
                  dir={l === 'ar' ? 'rtl' : 'ltr'}
                  lang={l}
                />
              ))}
            </SimpleGrid>
          )}
        </Section>

        <Section title={t('editor.sections.cover')}>
          <FileInput
            label={t('editor.cover')}
            accept="image/png,image/jpeg,image/webp"
            clearable
            onChange={(file) => {
              if (!file) {
                setV((old) => ({ ...old, coverFileId: null }));
                return;
              }
              if (file.size > COVER_MAX_BYTES) {
                setErrors((old) => ({ ...old, coverFileId: 'common:errors.PAYLOAD_TOO_LARGE' }));
                return;
              }
              setErrors(({ coverFileId: _, ...rest }) => rest);
              upload.mutate(file, {
                onSuccess: (c) => setV((old) => ({ ...old, coverFileId: c.fileId, coverUrl: c.url })),
              });
            }}
            error={err('coverFileId') ?? coverError}
            description={upload.isSuccess ? t('editor.coverUploaded') : undefined}
          />
          {v.coverUrl && (
            <Image
              src={v.coverUrl}
              alt={t('editor.coverPreview')}
              radius="md"
              h={160}
              w="auto"
              fit="contain"
              maw="100%"
            />
          )}
        </Section>

        {error !== null && error !== undefined && Object.keys(serverErrors).length === 0 && (
          <Alert color="red" variant="light" role="alert">
            <Text c="red.9">{eventErrorText(error, t)}</Text>
          </Alert>
        )}

        <Group gap="sm">
          {mode === 'staff-create' ? (
            <>
              <Button type="button" size="md" loading={pending} onClick={() => submit(true)}>
                {t('editor.saveAndPublish')}
              </Button>
              <Button
                type="button"
                size="md"
                variant="default"
                loading={pending}
                onClick={() => submit(false)}
              >
                {t('editor.saveDraft')}
              </Button>
            </>
          ) : (
            <Button type="submit" size="md" loading={pending || upload.isPending}>
              {mode === 'propose' ? t('editor.submitProposal') : t('editor.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** A create body from the editor's values. */
export function createBodyFrom(
  v: EditorValues,
  opts: { staff: boolean; publish: boolean; organiserSlug: string | null },
): CreateEventInput {
  const body = bodyFrom(v, { staff: opts.staff }) as CreateEventInput;
  return {
    ...body,
    organiserSlug: opts.organiserSlug,
    status: opts.publish ? 'published' : 'draft',
  };
}
