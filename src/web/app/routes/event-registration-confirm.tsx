// A guest opens the link from the confirmation mail: the registration is confirmed (or waitlisted) here.
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useConfirmRegistration } from '../../features/events/api/confirm-registration.js';
import { EventCard } from '../../features/events/components/event-card.js';
import { eventErrorText } from '../../features/events/components/labels.js';
import { MyRegistrationCard } from '../../features/events/components/my-registration.js';
import { EVENTS_NS } from '../../features/events/messages.js';

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmRegistration();
  const sent = useRef(false);

  useEffect(() => {
    document.title = `${t('token.confirmTitle')} · Trama`;
  }, [t]);
  // Once only, even when React mounts twice in development.
  useEffect(() => {
    if (sent.current || token.length < 16) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  const data = confirm.data;
  return (
    <Stack gap="lg" maw={640} mx="auto">
      <Title order={1}>{t('token.confirmTitle')}</Title>
      {token.length < 16 && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{t('token.missing')}</Text>
        </Alert>
      )}
      {confirm.isPending && <PageLoader />}
      {confirm.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(confirm.error, t)}</Text>
        </Alert>
      )}
      {data && (
        <>
          <Alert
            color={data.registration.status === 'waitlisted' ? 'orange' : 'teal'}
            variant="light"
            role="status"
          >
            <Text c={data.registration.status === 'waitlisted' ? 'gray.9' : 'teal.9'} fw={600}>
              {data.registration.status === 'waitlisted'
                ? t('token.waitlisted', { position: data.registration.waitlistPosition ?? '' })
                : t('token.confirmed')}
            </Text>
          </Alert>
          <EventCard event={data.event} headingLevel={2} />
          <MyRegistrationCard
            registration={data.registration}
            onlineUrl={data.onlineUrl}
            token={data.token}
            canCancel={false}
            onCancel={() => undefined}
            cancelling={false}
          />
          <Group>
            <Anchor
              component={Link}
              to={`/events/registrations/manage?token=${encodeURIComponent(data.token)}`}
              c="teal.9"
            >
              {t('mine.cancel')}
            </Anchor>
          </Group>
        </>
      )}
      <Anchor component={Link} to="/events" c="teal.9">
        {t('token.allEvents')}
      </Anchor>
    </Stack>
  );
}
