// A registration opened from a mail link without logging in: the event, my status, QR code and entry code,
// the online link once confirmed, and cancelling in one step (after a confirmation).
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useCancelManagedRegistration } from '../../features/events/api/cancel-managed-registration.js';
import { useManagedRegistration } from '../../features/events/api/get-managed-registration.js';
import { EventCard } from '../../features/events/components/event-card.js';
import { FeedbackForm } from '../../features/events/components/feedback-form.js';
import { eventErrorText } from '../../features/events/components/labels.js';
import { MyRegistrationCard } from '../../features/events/components/my-registration.js';
import { EVENTS_NS } from '../../features/events/messages.js';

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const query = useManagedRegistration(token);
  const cancel = useCancelManagedRegistration();

  useEffect(() => {
    document.title = `${t('mine.title')} · Trama`;
  }, [t]);

  const data = query.data;
  const ended = data ? Date.parse(data.event.endsAt) <= Date.now() : false;
  const started = data ? Date.parse(data.event.startsAt) <= Date.now() : false;
  return (
    <Stack gap="lg" maw={640} mx="auto">
      <Title order={1}>{t('mine.title')}</Title>
      {token.length < 16 && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{t('token.missing')}</Text>
        </Alert>
      )}
      {token.length >= 16 && query.isPending && <PageLoader />}
      {query.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(query.error, t)}</Text>
        </Alert>
      )}
      {cancel.isSuccess && (
        <Alert color="teal" variant="light" role="status">
          <Text c="teal.9" fw={600}>
            {t('token.cancelDone')}
          </Text>
        </Alert>
      )}
      {cancel.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(cancel.error, t)}</Text>
        </Alert>
      )}
      {data && (
        <>
          <EventCard event={data.event} headingLevel={2} />
          <MyRegistrationCard
            registration={data.registration}
            onlineUrl={data.onlineUrl}
            token={data.token}
            canCancel
            onCancel={() => cancel.mutate(token)}
            cancelling={cancel.isPending}
            eventEnded={ended}
          />
          {started && ['confirmed', 'attended'].includes(data.registration.status) && (
            <FeedbackForm
              eventId={data.event.id}
              token={data.token}
              alreadyGiven={data.registration.feedbackGiven}
            />
          )}
        </>
      )}
      <Anchor component={Link} to="/events" c="teal.9">
        {t('token.allEvents')}
      </Anchor>
    </Stack>
  );
}
