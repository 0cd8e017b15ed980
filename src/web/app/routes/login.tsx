// Log in with email and password, then go back to where the person was (?next=) or home.
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../shared/auth.js';
import { useLogin } from '../../features/auth/api/login.js';
import { AuthPage } from '../../features/auth/components/auth-page.js';
import { AUTH_NS } from '../../features/auth/messages.js';
import { ApiError } from '../../lib/api-client.js';
import { apiFieldErrors, errorText, zodValidate } from '../../lib/form-errors.js';

/** Only paths inside this site, so a crafted link cannot send the person elsewhere after logging in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function Component() {
  const { t } = useTranslation(AUTH_NS);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const mutation = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: zodValidate(LoginBody, t),
  });

  const submit = form.onSubmit((values) => {
    mutation.mutate(values, {
      onSuccess: (res) => {
        notifications.show({ color: 'teal', message: t('login.welcome', { name: res.user.name }) });
        navigate(safeNext(params.get('next')), { replace: true });
      },
      onError: (err) => form.setErrors(apiFieldErrors(err, t)),
    });
  });

  const err = mutation.error;
  const errorMessage =
    err instanceof ApiError && err.status === 429
      ? t('login.rateLimited')
      : err instanceof ApiError && err.status === 401
        ? t('login.invalid')
        : err instanceof ApiError && err.code === 'EMAIL_NOT_VERIFIED'
          ? t('login.notVerified')
          : err && !(err instanceof ApiError && err.code === 'VALIDATION_FAILED')
            ? errorText(err, t)
            : null;

  return (
    <AuthPage title={t('login.title')} intro={t('login.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {errorMessage && (
            <Alert color="red" variant="light" role="alert" c="red.9">
              {errorMessage}
            </Alert>
          )}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Anchor component={Link} to="/forgot-password" size="sm" c="teal.9">
            {t('login.forgot')}
          </Anchor>
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('login.submit')}
          </Button>
          <Group gap={6} justify="center">
            <Text size="sm" c="gray.8">
              {t('login.noAccount')}
            </Text>
            <Anchor component={Link} to="/register" size="sm" c="teal.9" fw={600}>
              {t('login.register')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthPage>
  );
}
