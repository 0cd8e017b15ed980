// Opened from the link in a notification mail: one button turns notification emails off (never on page load:
// mail scanners open links), then a way to the settings for whoever wants them back.
import { Alert, Anchor, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { useUnsubscribeFromNotifications } from '../../features/notifications/api/unsubscribe.js';
import { EMAIL_SETTINGS_ID } from '../../features/notifications/components/email-settings.js';
import { NOTIFICATIONS_NS } from '../../features/notifications/messages.js';
import { ApiError } from '../../lib/api-client.js';

export function Component() {
  const { t } = useTranslation(NOTIFICATIONS_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribeFromNotifications();
  useEffect(() => {
    document.title = `${t('unsubscribe.title')} · Trama`;
  }, [t]);

  const settingsLink = (
    <Anchor component={Link} to={`/notifications#${EMAIL_SETTINGS_ID}`} c="teal.9">
      {t('unsubscribe.settings')}
    </Anchor>
  );
  let body: React.ReactNode;
  if (!token) {
    body = (
      <Alert color="red" variant="light" role="alert" c="red.9">
        {t('unsubscribe.missing')}
      </Alert>
    );
  } else if (unsubscribe.isSuccess) {
    body = (
      <>
        <Alert color="teal" variant="light" role="status" c="teal.9">
          {t('unsubscribe.done', { email: unsubscribe.data.email })}
        </Alert>
        <Text>{t('unsubscribe.again')}</Text>
        {settingsLink}
      </>
    );
  } else if (unsubscribe.error instanceof ApiError && unsubscribe.error.status === 400) {
    body = (
      <>
        <Alert color="red" variant="light" role="alert" c="red.9">
          {t('unsubscribe.invalid')}
        </Alert>
        {settingsLink}
      </>
    );
  } else {
    body = (
      <>
        <Text>{t('unsubscribe.question')}</Text>
        {unsubscribe.isError && <ErrorAlert error={unsubscribe.error} />}
        <Button
          color="red.8"
          w="fit-content"
          loading={unsubscribe.isPending}
          onClick={() => unsubscribe.mutate(token)}
        >
          {t('unsubscribe.confirm')}
        </Button>
      </>
    );
  }

  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Title order={1}>{t('unsubscribe.title')}</Title>
        {body}
      </Stack>
    </Container>
  );
}
