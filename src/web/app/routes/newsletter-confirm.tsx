// Opened from the confirmation mail: confirms the subscription as soon as the page loads.
import { Alert, Button, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useConfirmSubscription } from '../../features/newsletter/api/confirm-subscription.js';
import { NEWSLETTER_NS } from '../../features/newsletter/messages.js';

export function Component() {
  const { t } = useTranslation(NEWSLETTER_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useConfirmSubscription();
  const started = useRef(false);

  useEffect(() => {
    // The link works once: StrictMode's double effect must not spend it twice.
    if (!token || started.current) return;
    started.current = true;
    mutation.mutate(token);
  }, [token, mutation]);

  return (
    <Container size="sm" px={0}>
      <Stack gap="md">
        <Title order={1}>{t('confirm.title')}</Title>
        {!token ? (
          <Alert color="red" variant="light" role="alert" c="red.9">
            {t('confirm.missing')}
          </Alert>
        ) : mutation.isSuccess ? (
          <>
            <Alert color="teal" variant="light" role="status" c="teal.9">
              {t('confirm.done', { email: mutation.data.email })}
            </Alert>
            <Button component={Link} to="/newsletter/archive" w="fit-content">
              {t('confirm.archive')}
            </Button>
          </>
        ) : mutation.isError ? (
          <>
            <Alert color="red" variant="light" role="alert" c="red.9">
              {t('confirm.failed')}
            </Alert>
            <Button component={Link} to="/newsletter" w="fit-content">
              {t('confirm.again')}
            </Button>
          </>
        ) : (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>{t('confirm.checking')}</Text>
          </Group>
        )}
      </Stack>
    </Container>
  );
}
