// An event's page: what, when and where in the event's time zone, then registration (or the state of mine,
// with QR code and entry code), add to calendar, materials and feedback after the event.
import { Alert, Anchor, Badge, Button, Grid, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useCancelRegistration } from '../../features/events/api/cancel-registration.js';
import { useEvent } from '../../features/events/api/get-event.js';
import { EventFacts } from '../../features/events/components/event-facts.js';
import { FeedbackForm } from '../../features/events/components/feedback-form.js';
import { eventErrorText, useEventLabels } from '../../features/events/components/labels.js';
import { MaterialsList } from '../../features/events/components/materials-list.js';
import { MyRegistrationCard } from '../../features/events/components/my-registration.js';
import { RegisterForm } from '../../features/events/components/register-form.js';
import { EventStatusBadge, RegistrationBadge } from '../../features/events/components/status-badge.js';
import { EVENTS_NS } from '../../features/events/messages.js';
import { useReference } from '../../features/organisations/api/get-reference.js';
import { ApiError } from '../../lib/api-client.js';

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const { id = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const user = session.data?.user ?? null;
  const query = useEvent(id);
  const reference = useReference();
  const labels = useEventLabels();
  const cancel = useCancelRegistration(id);

  const e = query.data;
  const title = e ? labels.title(e) : null;
  useEffect(() => {
    if (title) document.title = `${title.text} · Trama`;
  }, [title]);

  if (query.isPending || session.isPending) return <PageLoader />;
  if (query.isError || !e || !title) {
    const missing = query.error instanceof ApiError && [403, 404, 400].includes(query.error.status);
    return (
      <Stack gap="md" maw={960} mx="auto">
        <Title order={1}>{missing ? t('detail.notFound') : t('common:states.error')}</Title>
        {missing && <Text>{t('detail.notFoundBody')}</Text>}
        <Anchor component={Link} to="/events" c="teal.9">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  }

  const viewer = e.viewer;
  const description = labels.lang ? e.description[labels.lang]?.trim() || e.description.it?.trim() || '' : '';
  const descFellBack = !e.description[labels.lang]?.trim() && Boolean(description) && labels.lang !== 'it';
  const started = Date.parse(e.startsAt) <= Date.now();
  const ended = Date.parse(e.endsAt) <= Date.now();
  const mine = viewer.registration && viewer.registration.status !== 'cancelled' ? viewer.registration : null;
  const mayGiveFeedback =
    started && mine !== null && (mine.status === 'attended' || mine.status === 'confirmed');
  const nextParam = encodeURIComponent(location.pathname);

  const doCancel = (registrationId: string) =>
    cancel.mutate(registrationId, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('mine.cancelled') }),
      onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
    });

  const blockedText = (() => {
    switch (viewer.registerBlocked) {
      case 'cancelled':
        return t('detail.cancelledEvent');
      case 'ended':
        return t('detail.pastEvent');
      case 'not_open_yet':
        return e.registrationOpensAt
          ? t('register.notYet', {
              date: new Intl.DateTimeFormat(labels.lang, {
                dateStyle: 'long',
                timeStyle: 'short',
                timeZone: e.timeZone,
              }).format(new Date(e.registrationOpensAt)),
            })
          : t('register.closed');
      case 'closed':
        return t('register.closed');
      case 'audience':
        return e.audience === 'invitation'
          ? t('register.invitationOnly')
          : e.audience === 'programme'
            ? t('register.programmeOnly')
            : t('register.membersOnly');
      case 'not_published':
        return labels.eventStatus(e.status);
      default:
        return null;
    }
  })();
  const colleaguesOnly =
    viewer.registerBlocked === 'already_registered' && user !== null && user.memberships.length > 0;

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Group justify="space-between" gap="sm">
        <Anchor component={Link} to="/events" size="sm" c="teal.9">
          {t('detail.back')}
        </Anchor>
        {viewer.canManage && (
          <Group gap="xs">
            <Button component={Link} to={`/staff/events/${e.id}`} variant="default" size="xs">
              {t('staff.manage')}
            </Button>
            <Button component={Link} to={`/staff/events/${e.id}/check-in`} variant="default" size="xs">
              {t('staff.checkIn')}
            </Button>
          </Group>
        )}
      </Group>

      {e.coverUrl && <Image src={e.coverUrl} alt="" radius="md" h={{ base: 160, sm: 280 }} fit="cover" />}

      <Stack gap="xs">
        <Group gap={6}>
          <Badge variant="light" color="teal" c="teal.9" tt="none" fw={600} size="lg">
            {labels.kind(e.kind)}
          </Badge>
          <Badge variant="outline" color="gray" c="gray.9" tt="none" fw={500} size="lg">
            {labels.format(e.format)}
          </Badge>
          {e.status !== 'published' && <EventStatusBadge status={e.status} />}
        </Group>
        <Title
          order={1}
          lang={title.fellBack ? title.lang : undefined}
          dir="auto"
          style={{ overflowWrap: 'anywhere' }}
        >
          {title.text}
        </Title>
        {title.fellBack && (
          <Text size="sm" c="gray.8">
            {t('detail.titleFallback')}
          </Text>
        )}
      </Stack>

      {e.status === 'cancelled' && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9" fw={600}>
            {t('detail.cancelledEvent')}
          </Text>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md">
              <EventFacts event={e} />
              <Group mt="md" gap="sm">
                <Button
                  component="a"
                  href={`/api/v1/events/${e.id}/event.ics`}
                  download
                  variant="light"
                  c="teal.9"
                >
                  {t('detail.addToCalendar')}
                </Button>
              </Group>
            </Paper>

            <Stack gap="xs" component="section" aria-labelledby="about-title">
              <Title order={2} fz="h3" id="about-title">
                {t('detail.about')}
              </Title>
              {descFellBack && (
                <Text size="sm" c="gray.8">
                  {t('detail.descriptionFallback')}
                </Text>
              )}
              {description ? (
                <Text lang={descFellBack ? 'it' : undefined} dir="auto" style={{ whiteSpace: 'pre-line' }}>
                  {description}
                </Text>
              ) : (
                <Text c="gray.8">—</Text>
              )}
            </Stack>

            {(e.materials.length > 0 || ended) && (
              <Stack gap="xs" component="section" aria-labelledby="materials-title">
                <Title order={2} fz="h3" id="materials-title">
                  {t('detail.materials')}
                </Title>
                {e.materials.length > 0 ? (
                  <MaterialsList materials={e.materials} />
                ) : (
                  <Text c="gray.8">{t('detail.noMaterials')}</Text>
                )}
              </Stack>
            )}
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {mine && (
              <MyRegistrationCard
                registration={mine}
                onlineUrl={e.onlineUrl}
                canCancel
                onCancel={() => doCancel(mine.id)}
                cancelling={cancel.isPending}
                eventEnded={ended}
              />
            )}
            {mayGiveFeedback && mine && <FeedbackForm eventId={e.id} alreadyGiven={mine.feedbackGiven} />}

            {(viewer.canRegister || colleaguesOnly) && (
              <Paper withBorder radius="md" p="md" component="section" aria-labelledby="register-title">
                <Title order={2} fz="h3" id="register-title" mb="sm">
                  {colleaguesOnly ? t('register.colleague') : t('register.title')}
                </Title>
                <RegisterForm
                  key={`${user?.id ?? 'guest'}-${colleaguesOnly}`}
                  event={e}
                  user={user}
                  regions={reference.data?.regions ?? []}
                  colleaguesOnly={colleaguesOnly}
                  onDone={(result, forColleague) => {
                    const done = result.registration;
                    if (forColleague || result.needsEmailConfirmation || !done) return;
                    notifications.show({
                      color: 'teal',
                      message:
                        done.status === 'waitlisted'
                          ? t('register.doneWaitlisted', {
                              position: done.waitlistPosition ?? '',
                            })
                          : t('register.doneConfirmed'),
                    });
                  }}
                />
              </Paper>
            )}

            {!viewer.canRegister && !mine && blockedText && (
              <Paper withBorder radius="md" p="md" component="section" aria-labelledby="register-title">
                <Title order={2} fz="h3" id="register-title" mb="sm">
                  {t('register.title')}
                </Title>
                <Text>{blockedText}</Text>
                {!user && viewer.registerBlocked === 'audience' && (
                  <Button component={Link} to={`/login?next=${nextParam}`} mt="sm">
                    {t('register.loginToRegister')}
                  </Button>
                )}
              </Paper>
            )}

            {viewer.colleagueRegistrations.length > 0 && (
              <Paper withBorder radius="md" p="md" component="section" aria-labelledby="colleagues-title">
                <Title order={2} fz="h4" id="colleagues-title" mb="sm">
                  {t('register.colleague')}
                </Title>
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {viewer.colleagueRegistrations.map((r) => (
                    <li key={r.id}>
                      <Group justify="space-between" gap="xs">
                        <Text size="sm" fw={600}>
                          {r.name}
                        </Text>
                        <Group gap="xs">
                          <RegistrationBadge status={r.status} size="sm" />
                          {['confirmed', 'waitlisted', 'pending'].includes(r.status) && !ended && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              c="red.9"
                              onClick={() => doCancel(r.id)}
                              aria-label={`${t('mine.cancel')}: ${r.name}`}
                            >
                              {t('mine.cancel')}
                            </Button>
                          )}
                        </Group>
                      </Group>
                    </li>
                  ))}
                </Stack>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
