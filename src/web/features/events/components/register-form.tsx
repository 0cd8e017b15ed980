// The registration form of an event: for myself or a colleague when logged in, as a guest (name and email,
// confirmed by mail) for public events; the way of taking part for hybrid events and the event's questions.
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../../../shared/auth.js';
import { EmailSchema } from '../../../../shared/auth.js';
import type {
  AttendanceMode,
  EventDetail,
  RegisterInput,
  RegisterResult,
} from '../../../../shared/events.js';
import { apiFieldErrors, type FieldErrors } from '../../../lib/form-errors.js';
import { useColleagues } from '../api/colleagues.js';
import { useRegister } from '../api/register.js';
import { EVENTS_NS } from '../messages.js';
import { eventErrorText, pickText } from './labels.js';

type Values = {
  forWhom: 'me' | 'colleague';
  organisationId: string;
  colleagueId: string;
  name: string;
  email: string;
  organisationName: string;
  regionCode: string;
  mode: AttendanceMode;
  accessibility: string;
  interpretation: string;
  dietary: string;
  freeText: string;
};

function modeFull(event: EventDetail, mode: AttendanceMode) {
  const seats = mode === 'online' ? event.seats.online : event.seats.inPerson;
  return seats !== null && seats.left === 0;
}

export function RegisterForm({
  event,
  user,
  regions,
  colleaguesOnly = false,
  onDone,
}: {
  event: EventDetail;
  user: SessionUser | null;
  regions: Array<{ code: string; name: string }>;
  /** The person is registered already and may still register colleagues. */
  colleaguesOnly?: boolean;
  onDone?: (result: RegisterResult, forColleague: boolean) => void;
}) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const location = useLocation();
  const lang = i18n.language;
  const memberships = user?.memberships ?? [];
  const [v, setV] = useState<Values>({
    forWhom: colleaguesOnly ? 'colleague' : 'me',
    organisationId: memberships[0]?.organisationId ?? '',
    colleagueId: '',
    name: '',
    email: '',
    organisationName: '',
    regionCode: '',
    mode: event.format === 'online' ? 'online' : 'in_person',
    accessibility: '',
    interpretation: '',
    dietary: '',
    freeText: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [guestDone, setGuestDone] = useState<string | null>(null);
  const mutation = useRegister(event.id);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));

  const orgSlug = memberships.find((m) => m.organisationId === v.organisationId)?.slug ?? null;
  const colleagues = useColleagues(v.forWhom === 'colleague' ? orgSlug : null);
  const colleagueOptions = useMemo(
    () =>
      (colleagues.data?.items ?? [])
        .filter((m) => m.userId !== user?.id && !m.pending)
        .map((m) => ({ value: m.userId, label: m.name })),
    [colleagues.data, user?.id],
  );

  if (guestDone) {
    return (
      <Alert color="teal" variant="light" role="status" title={t('register.title')}>
        <Text size="sm" c="teal.9">
          {t('register.donePending', { email: guestDone })}
        </Text>
      </Alert>
    );
  }

  const guest = !user;
  const full = modeFull(event, v.mode);
  const prompt = pickText(event.freeTextPrompt, lang).text || t('questions.free_text');

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (guest) {
      if (!v.name.trim()) e['guest.name'] = t('validation.required');
      if (!v.email.trim()) e['guest.email'] = t('validation.required');
      else if (!EmailSchema.safeParse(v.email).success) e['guest.email'] = t('validation.email');
    }
    if (!guest && v.forWhom === 'colleague' && !v.colleagueId) e.forUserId = t('validation.required');
    return e;
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const answers: RegisterInput['answers'] = {};
    if (event.questions.includes('accessibility') && v.accessibility.trim())
      answers.accessibility = v.accessibility;
    if (event.questions.includes('interpretation') && v.interpretation.trim())
      answers.interpretation = v.interpretation;
    if (event.questions.includes('dietary') && v.dietary.trim()) answers.dietary = v.dietary;
    if (event.questions.includes('free_text') && v.freeText.trim()) answers.freeText = v.freeText;
    const body: RegisterInput = {
      answers,
      mode: event.format === 'hybrid' ? v.mode : undefined,
    };
    if (guest) {
      body.guest = {
        name: v.name.trim(),
        email: v.email.trim(),
        locale: lang as 'it' | 'en' | 'ar',
        organisationName: v.organisationName.trim() || undefined,
        regionCode: v.regionCode || undefined,
      };
    } else {
      if (v.organisationId) body.organisationId = v.organisationId;
      if (v.forWhom === 'colleague') body.forUserId = v.colleagueId;
    }
    mutation.mutate(body, {
      onSuccess: (result) => {
        const forColleague = !guest && v.forWhom === 'colleague';
        // Guests get no registration back (the answer is the same whatever the address has).
        if (result.needsEmailConfirmation) setGuestDone(body.guest?.email ?? '');
        else if (forColleague) {
          notifications.show({
            color: 'teal',
            message: t('register.colleagueDone', { name: result.registration?.name ?? '' }),
          });
          setV((old) => ({ ...old, colleagueId: '' }));
        }
        onDone?.(result, forColleague);
      },
      onError: (err) => {
        const fields = apiFieldErrors(err, t);
        setErrors(fields);
        if (Object.keys(fields).length === 0) {
          notifications.show({ color: 'red', message: eventErrorText(err, t) });
        }
      },
    });
  };

  const err = (k: string) => errors[k];
  const nextParam = encodeURIComponent(location.pathname);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-title">
      <Stack gap="sm">
        {guest && (
          <Stack gap={4}>
            <Text size="sm">{t('register.guestIntro')}</Text>
            <Text size="sm">
              {t('register.loginHint')}{' '}
              <Link to={`/login?next=${nextParam}`} style={{ color: 'var(--mantine-color-teal-9)' }}>
                {t('register.login')}
              </Link>
            </Text>
          </Stack>
        )}

        {!guest && memberships.length > 0 && !colleaguesOnly && (
          <Radio.Group
            label={t('register.forWhom')}
            value={v.forWhom}
            onChange={(value) => set('forWhom', value as Values['forWhom'])}
          >
            <Stack gap={6} mt={6}>
              <Radio value="me" label={t('register.myself')} />
              <Radio value="colleague" label={t('register.colleague')} />
            </Stack>
          </Radio.Group>
        )}

        {!guest && memberships.length > 1 && (
          <NativeSelect
            label={t('register.organisation')}
            value={v.organisationId}
            onChange={(e) => {
              set('organisationId', e.currentTarget.value);
              set('colleagueId', '');
            }}
            data={memberships.map((m) => ({ value: m.organisationId, label: m.name }))}
          />
        )}

        {!guest && v.forWhom === 'colleague' && (
          <Select
            label={t('register.colleagueLabel')}
            placeholder={t('register.colleaguePlaceholder')}
            data={colleagueOptions}
            value={v.colleagueId || null}
            onChange={(value) => set('colleagueId', value ?? '')}
            searchable
            required
            error={err('forUserId')}
            nothingFoundMessage={t('checkin.noResults')}
          />
        )}

        {guest && (
          <>
            <TextInput
              label={t('register.name')}
              autoComplete="name"
              required
              value={v.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={err('guest.name')}
              maxLength={120}
            />
            <TextInput
              label={t('register.email')}
              type="email"
              autoComplete="email"
              required
              value={v.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={err('guest.email')}
              maxLength={254}
              dir="ltr"
            />
            <TextInput
              label={`${t('register.organisation')} (${t('register.optional')})`}
              autoComplete="organization"
              value={v.organisationName}
              onChange={(e) => set('organisationName', e.currentTarget.value)}
              error={err('guest.organisationName')}
              maxLength={200}
            />
            <NativeSelect
              label={`${t('list.region')} (${t('register.optional')})`}
              value={v.regionCode}
              onChange={(e) => set('regionCode', e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...regions.map((r) => ({ value: r.code, label: r.name }))]}
            />
          </>
        )}

        {event.format === 'hybrid' && (
          <Radio.Group
            label={t('register.participation')}
            value={v.mode}
            onChange={(value) => set('mode', value as AttendanceMode)}
            error={err('mode')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="in_person" label={t('register.participationInPerson')} />
              <Radio value="online" label={t('register.participationOnline')} />
            </Stack>
          </Radio.Group>
        )}

        {event.questions.includes('accessibility') && (
          <Textarea
            label={`${t('questions.accessibility')} (${t('register.optional')})`}
            value={v.accessibility}
            onChange={(e) => set('accessibility', e.currentTarget.value)}
            error={err('answers.accessibility')}
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        {event.questions.includes('interpretation') && (
          <TextInput
            label={`${t('questions.interpretation')} (${t('register.optional')})`}
            value={v.interpretation}
            onChange={(e) => set('interpretation', e.currentTarget.value)}
            error={err('answers.interpretation')}
            maxLength={100}
          />
        )}
        {event.questions.includes('dietary') && (
          <TextInput
            label={`${t('questions.dietary')} (${t('register.optional')})`}
            value={v.dietary}
            onChange={(e) => set('dietary', e.currentTarget.value)}
            error={err('answers.dietary')}
            maxLength={1000}
          />
        )}
        {event.questions.includes('free_text') && (
          <Textarea
            label={`${prompt} (${t('register.optional')})`}
            value={v.freeText}
            onChange={(e) => set('freeText', e.currentTarget.value)}
            error={err('answers.freeText')}
            autosize
            minRows={2}
            maxLength={4000}
          />
        )}

        {full && (
          <Alert color="orange" variant="light">
            <Text size="sm" c="gray.9">
              {t('register.fullNotice')}
            </Text>
          </Alert>
        )}
        <Group>
          <Button type="submit" size="md" loading={mutation.isPending}>
            {full ? t('register.submitWaitlist') : t('register.submit')}
          </Button>
        </Group>
        {guest && (
          <Text size="xs" c="gray.8">
            {t('register.privacy')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
