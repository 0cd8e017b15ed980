// Opened from the link in a newsletter: one button to unsubscribe (never on page load: mail scanners open
// links), and a way back for whoever clicked by mistake.
import { Alert, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useResubscribe } from '../../features/newsletter/api/resubscribe.js';
import { useTokenStatus } from '../../features/newsletter/api/token-status.js';
import { useUnsubscribe } from '../../features/newsletter/api/unsubscribe.js';
import { NEWSLETTER_NS } from '../../features/newsletter/messages.js';

export function Component() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const status = useTokenStatus(token);
  const unsubscribe = useUnsubscribe();
  const resubscribe = useResubscribe();

  let body: React.ReactNode;
  if (!token) {
    body = (
      <Alert color="red" variant="light" role="alert" c="red.9">
        {t('unsubscribe.missing')}
      </Alert>
    );
  } else if (status.isPending) {
    body = <PageLoader />;
  } else if (status.isError) {
    body = (
      <Alert color="red" variant="light" role="alert" c="red.9">
        {t('unsubscribe.invalid')}
      </Alert>
    );
  } else if (status.data.status === 'unsubscribed') {
    body = (
      <>
        <Alert color="teal" variant="light" role="status" c="teal.9">
          {t('unsubscribe.done', { email: status.data.email })}
        </Alert>
        {resubscribe.isError && <ErrorAlert error={resubscribe.error} />}
        <Button
          variant="default"
          w="fit-content"
          loading={resubscribe.isPending}
          onClick={() => resubscribe.mutate(token)}
        >
          {t('unsubscribe.resubscribe')}
        </Button>
      </>
    );
  } else {
    body = (
      <>
        {resubscribe.isSuccess && (
          <Alert color="teal" variant="light" role="status" c="teal.9">
            {t('unsubscribe.resubscribed', { email: status.data.email })}
          </Alert>
        )}
        <Text>{t('unsubscribe.question', { email: status.data.email })}</Text>
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
