// Opened from the reset mail: choose a new password; all sessions end, so the person logs in again.
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useResetPassword } from '../../features/auth/api/reset-password.js';
import { AuthPage } from '../../features/auth/components/auth-page.js';
import { NewPasswordFields } from '../../features/auth/components/new-password-fields.js';
import { AUTH_NS } from '../../features/auth/messages.js';
import { newPasswordValidate } from '../../features/auth/new-password.js';
import { ApiError } from '../../lib/api-client.js';
import { apiFieldErrors, errorText } from '../../lib/form-errors.js';

export function Component() {
  const { t } = useTranslation(AUTH_NS);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const mutation = useResetPassword();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: newPasswordValidate('password', t),
  });

  const submit = form.onSubmit((values) =>
    mutation.mutate(
      { token, password: values.password },
      { onError: (err) => form.setErrors(apiFieldErrors(err, t)) },
    ),
  );

  const err = mutation.error;
  const badToken =
    !token ||
    (err instanceof ApiError &&
      (err.code === 'INVALID_TOKEN' ||
        Boolean(err.details?.fields?.some((f) => f.path.replace(/^body\./, '') === 'token'))));

  if (mutation.isSuccess) {
    return (
      <AuthPage title={t('reset.title')}>
        <Alert color="teal" variant="light" role="status" c="teal.9">
          {t('reset.done')}
        </Alert>
        <Button component={Link} to="/login">
          {t('reset.login')}
        </Button>
      </AuthPage>
    );
  }

  return (
    <AuthPage title={t('reset.title')}>
      {badToken ? (
        <>
          <Alert color="red" variant="light" role="alert" c="red.9">
            {t('reset.invalid')}
          </Alert>
          <Anchor component={Link} to="/forgot-password" c="teal.9">
            {t('reset.requestNew')}
          </Anchor>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {err && !(err instanceof ApiError && err.code === 'VALIDATION_FAILED') && (
              <Alert color="red" variant="light" role="alert" c="red.9">
                {errorText(err, t)}
              </Alert>
            )}
            <NewPasswordFields
              label={t('fields.newPassword')}
              value={form.values.password}
              passwordProps={form.getInputProps('password')}
              confirmProps={form.getInputProps('confirm')}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthPage>
  );
}
