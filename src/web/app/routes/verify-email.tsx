// Opened from the confirmation mail: confirms the address as soon as the page loads.
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.js';
import { useVerifyEmail } from '../../features/auth/api/verify-email.js';
import { AuthPage } from '../../features/auth/components/auth-page.js';
import { AUTH_NS } from '../../features/auth/messages.js';

export function Component() {
  const { t } = useTranslation(AUTH_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useVerifyEmail();
  const session = useSession();
  const started = useRef(false);

  useEffect(() => {
    // Tokens are single use: StrictMode's double effect must not spend it twice.
    if (!token || started.current) return;
    started.current = true;
    mutation.mutate(token);
  }, [token, mutation]);

  const loggedIn = Boolean(session.data?.user);
  return (
    <AuthPage title={t('verify.title')}>
      {!token ? (
        <Alert color="red" variant="light" role="alert" c="red.9">
          {t('verify.missing')}
        </Alert>
      ) : mutation.isSuccess ? (
        <>
          <Alert color="teal" variant="light" role="status" c="teal.9">
            {t('verify.done')}
          </Alert>
          <Button component={Link} to={loggedIn ? '/account' : '/login'}>
            {loggedIn ? t('verify.account') : t('verify.login')}
          </Button>
        </>
      ) : mutation.isError ? (
        <Alert color="red" variant="light" role="alert" c="red.9">
          {t('verify.failed')}
        </Alert>
      ) : (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('verify.checking')}</Text>
        </Group>
      )}
    </AuthPage>
  );
}
