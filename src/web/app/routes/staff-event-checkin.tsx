// The door: check people in by scanning their QR code, typing their code, or finding their name; add
// walk-ins; live counts. Built for a phone held in one hand: big targets, one column.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { AttendanceMode, CheckinCandidate, CheckinResult } from '../../../shared/events.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useAddWalkIn } from '../../features/events/api/add-walk-in.js';
import { useCheckIn } from '../../features/events/api/check-in.js';
import { useEvent } from '../../features/events/api/get-event.js';
import { useCheckinSearch } from '../../features/events/api/search-checkins.js';
import { useEventFormat } from '../../features/events/components/format.js';
import { eventErrorText, useEventLabels } from '../../features/events/components/labels.js';
import { QrScanner } from '../../features/events/components/qr-scanner.js';
import { RegistrationBadge } from '../../features/events/components/status-badge.js';
import { EVENTS_NS } from '../../features/events/messages.js';
import { ApiError } from '../../lib/api-client.js';

type Outcome = { tone: 'ok' | 'warn' | 'error'; text: string; at: number };
type Tab = 'scan' | 'search' | 'walkin';

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const { id = '' } = useParams();
  const event = useEvent(id);
  const session = useSession();
  const location = useLocation();
  const labels = useEventLabels();
  const f = useEventFormat();
  const [tab, setTab] = useState<Tab>('scan');
  // Three labels do not fit side by side on a phone; stacked they stay big enough to hit.
  const narrow = useMediaQuery('(max-width: 36em)');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const search = useCheckinSearch(id, debounced.trim(), event.data?.viewer.canManage === true);
  const checkIn = useCheckIn(id);
  const walkIn = useAddWalkIn(id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [walker, setWalker] = useState({
    name: '',
    email: '',
    organisationName: '',
    mode: 'in_person' as AttendanceMode,
  });
  const [walkerError, setWalkerError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('checkin.title')} · Trama`;
  }, [t]);

  const tz = event.data?.timeZone;
  const report = (r: CheckinResult) => {
    const name = r.registration.name;
    if (r.alreadyCheckedIn) {
      setOutcome({
        tone: 'warn',
        text: t('checkin.already', {
          name,
          time: r.registration.checkedInAt ? f.time(r.registration.checkedInAt, tz) : '',
        }),
        at: Date.now(),
      });
    } else {
      setOutcome({ tone: 'ok', text: t('checkin.checkedInName', { name }), at: Date.now() });
    }
  };
  const fail = (err: unknown) => {
    const notFound = err instanceof ApiError && (err.status === 404 || err.code === 'VALIDATION_FAILED');
    navigator.vibrate?.([60, 60, 60]);
    setOutcome({
      tone: 'error',
      text: notFound ? t('checkin.notFound') : eventErrorText(err, t),
      at: Date.now(),
    });
  };

  const byCode = (raw: string) => {
    const code = raw.replace(/[\s-]+/g, '').toUpperCase();
    if (!/^[A-Z2-9]{12}$/.test(code)) {
      fail(new ApiError(404, 'NOT_FOUND', 'not found'));
      return Promise.resolve();
    }
    return checkIn.mutateAsync({ code }).then(report, fail);
  };
  const byId = (c: CheckinCandidate) =>
    checkIn.mutateAsync({ registrationId: c.registrationId }).then(report, fail);

  if (event.isPending) return <PageLoader />;
  if (event.isError) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('checkin.title')}</Title>
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(event.error, t)}</Text>
        </Alert>
      </Stack>
    );
  }
  const e = event.data;
  if (!e.viewer.canManage) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('checkin.title')}</Title>
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">
            {session.data?.user ? t('common:errors.FORBIDDEN') : t('common:errors.UNAUTHENTICATED')}
          </Text>
        </Alert>
        {!session.data?.user && (
          <Button
            component={Link}
            to={`/login?next=${encodeURIComponent(location.pathname)}`}
            w="fit-content"
          >
            {t('register.login')}
          </Button>
        )}
      </Stack>
    );
  }
  const counts = search.data;
  // Filled shades dark enough for white text (and a light yellow with dark text) to pass contrast.
  const toneColour = outcome?.tone === 'ok' ? 'teal.9' : outcome?.tone === 'warn' ? 'yellow.3' : 'red.9';

  return (
    <Stack gap="md" maw={560} mx="auto">
      <Anchor component={Link} to={`/staff/events/${e.id}`} size="sm" c="teal.9">
        {t('checkin.backToEvent')}
      </Anchor>
      <Stack gap={2}>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t('checkin.title')}
        </Title>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {labels.title(e).text}
        </Text>
        <Text size="sm" c="gray.8">
          {f.range(e.startsAt, e.endsAt, e.timeZone)}
        </Text>
      </Stack>

      <Paper withBorder radius="md" p="md" bg="teal.0" aria-label={t('checkin.countsLabel')} role="group">
        <Text fz={28} fw={800} c="teal.9" ta="center" aria-live="polite" data-testid="checkin-counts">
          {counts
            ? t('checkin.counts', {
                attended: f.number(counts.checkedIn),
                expected: f.number(counts.expected),
              })
            : '…'}
        </Text>
      </Paper>

      <div aria-live="assertive" role="status">
        {outcome && (
          <Alert
            key={outcome.at}
            color={toneColour}
            variant="filled"
            radius="md"
            styles={{ message: { fontSize: 18, fontWeight: 700 } }}
            c={outcome.tone === 'warn' ? 'dark.9' : undefined}
          >
            {outcome.text}
          </Alert>
        )}
      </div>

      <SegmentedControl
        fullWidth
        orientation={narrow ? 'vertical' : 'horizontal'}
        size="md"
        value={tab}
        onChange={(v) => setTab(v as Tab)}
        aria-label={t('checkin.title')}
        data={[
          { value: 'scan', label: t('checkin.scan') },
          { value: 'search', label: t('checkin.search') },
          { value: 'walkin', label: t('checkin.walkIn') },
        ]}
      />

      {tab === 'scan' && <QrScanner onCode={byCode} busy={checkIn.isPending} />}

      {tab === 'search' && (
        <Stack gap="sm">
          <TextInput
            type="search"
            size="lg"
            label={t('checkin.searchLabel')}
            value={q}
            onChange={(ev) => setQ(ev.currentTarget.value)}
            autoComplete="off"
            maxLength={200}
          />
          {counts && counts.items.length === 0 && <Text c="gray.8">{t('checkin.noResults')}</Text>}
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {(counts?.items ?? []).map((c) => (
              <Paper key={c.registrationId} component="li" withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
                      {c.name}
                    </Text>
                    {c.organisationName && (
                      <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
                        {c.organisationName}
                      </Text>
                    )}
                    <Group gap={4}>
                      <RegistrationBadge status={c.status} size="sm" />
                      {e.format === 'hybrid' && (
                        <Badge size="sm" variant="outline" color="gray" c="gray.9" tt="none">
                          {labels.mode(c.mode)}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  {c.checkedInAt ? (
                    <Text size="sm" fw={700} c="teal.9" style={{ flexShrink: 0 }}>
                      {t('checkin.present')} {f.time(c.checkedInAt, e.timeZone)}
                    </Text>
                  ) : (
                    <Button
                      size="md"
                      style={{ flexShrink: 0 }}
                      onClick={() => byId(c)}
                      disabled={c.status !== 'confirmed'}
                      aria-label={`${t('checkin.checkIn')}: ${c.name}`}
                    >
                      {t('checkin.checkIn')}
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </Stack>
      )}

      {tab === 'walkin' && (
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!walker.name.trim()) {
              setWalkerError(t('validation.required'));
              return;
            }
            setWalkerError(null);
            walkIn.mutate(
              {
                name: walker.name.trim(),
                email: walker.email.trim() || undefined,
                organisationName: walker.organisationName.trim() || undefined,
                mode: walker.mode,
              },
              {
                onSuccess: (r) => {
                  setOutcome({
                    tone: 'ok',
                    text: t('checkin.walkInDone', { name: r.registration.name }),
                    at: Date.now(),
                  });
                  setWalker({ name: '', email: '', organisationName: '', mode: walker.mode });
                },
                onError: fail,
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('checkin.walkInIntro')}</Text>
            <TextInput
              size="lg"
              label={t('register.name')}
              value={walker.name}
              onChange={(ev) => setWalker({ ...walker, name: ev.currentTarget.value })}
              required
              error={walkerError}
              maxLength={120}
              autoComplete="off"
            />
            <TextInput
              size="lg"
              type="email"
              label={`${t('register.email')} (${t('register.optional')})`}
              value={walker.email}
              onChange={(ev) => setWalker({ ...walker, email: ev.currentTarget.value })}
              maxLength={254}
              dir="ltr"
              autoComplete="off"
            />
            <TextInput
              size="lg"
              label={`${t('register.organisation')} (${t('register.optional')})`}
              value={walker.organisationName}
              onChange={(ev) => setWalker({ ...walker, organisationName: ev.currentTarget.value })}
              maxLength={200}
              autoComplete="off"
            />
            {e.format === 'hybrid' && (
              <NativeSelect
                size="lg"
                label={t('register.participation')}
                value={walker.mode}
                onChange={(ev) => setWalker({ ...walker, mode: ev.currentTarget.value as AttendanceMode })}
                data={[
                  { value: 'in_person', label: t('register.participationInPerson') },
                  { value: 'online', label: t('register.participationOnline') },
                ]}
              />
            )}
            <Button type="submit" size="lg" loading={walkIn.isPending}>
              {t('checkin.walkInAdd')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
