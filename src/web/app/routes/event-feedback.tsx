// The feedback page linked from the mail after an event: guests come with their token, members logged in.
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useEvent } from '../../features/events/api/get-event.js';
import { useManagedRegistration } from '../../features/events/api/get-managed-registration.js';
import { FeedbackForm } from '../../features/events/components/feedback-form.js';
import { eventErrorText, useEventLabels } from '../../features/events/components/labels.js';
import { EVENTS_NS } from '../../features/events/messages.js';

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const token = params.get('token') ?? '';
  const session = useSession();
  const managed = useManagedRegistration(token);
  const event = useEvent(id);
  const labels = useEventLabels();

  useEffect(() => {
    document.title = `${t('feedback.title')} · Trama`;
  }, [t]);

  if (session.isPending || (token && managed.isPending)) return <PageLoader />;
  if (!token && !session.data?.user) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  const registration = token ? managed.data?.registration : event.data?.viewer.registration;
  const summary = token ? managed.data?.event : event.data;
  const error = token ? managed.error : event.error;

  return (
    <Stack gap="lg" maw={640} mx="auto">
      <Title order={1}>{summary ? labels.title(summary).text : t('feedback.title')}</Title>
      {error && (
        <Alert color="red" variant="light" role="alert">
          <Text c="red.9">{eventErrorText(error, t)}</Text>
        </Alert>
      )}
      {!token && event.isPending && <PageLoader />}
      {summary && registration && (
        <FeedbackForm
          eventId={summary.id}
          token={token || undefined}
          alreadyGiven={registration.feedbackGiven}
          headingLevel={2}
        />
      )}
      {summary && !registration && <Text>{t('detail.notFoundBody')}</Text>}
      {summary && (
        <Anchor component={Link} to={`/events/${summary.id}`} c="teal.9">
          {t('token.goToEvent')}
        </Anchor>
      )}
    </Stack>
  );
}
