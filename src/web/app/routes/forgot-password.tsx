// Ask for a password-reset link; the answer never says whether the account exists.
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordBody } from '../../../shared/auth.js';
import { useForgotPassword } from '../../features/auth/api/forgot-password.js';
import { AuthPage } from '../../features/auth/components/auth-page.js';
import { AUTH_NS } from '../../features/auth/messages.js';
import { ApiError } from '../../lib/api-client.js';
import { apiFieldErrors, errorText, zodValidate } from '../../lib/form-errors.js';

export function Component() {
  const { t } = useTranslation(AUTH_NS);
  const mutation = useForgotPassword();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: zodValidate(ForgotPasswordBody, t) });

  const submit = form.onSubmit((values) =>
    mutation.mutate(values, {
      onSuccess: () => setSentTo(values.email),
      onError: (err) => form.setErrors(apiFieldErrors(err, t)),
    }),
  );

  const err = mutation.error;
  return (
    <AuthPage title={t('forgot.title')} intro={sentTo ? undefined : t('forgot.intro')}>
      {sentTo ? (
        <Alert color="teal" variant="light" role="status" c="teal.9">
          {t('forgot.done', { email: sentTo })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {err && !(err instanceof ApiError && err.code === 'VALIDATION_FAILED') && (
              <Alert color="red" variant="light" role="alert" c="red.9">
                {err instanceof ApiError && err.status === 429 ? t('forgot.rateLimited') : errorText(err, t)}
              </Alert>
            )}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm" c="teal.9">
        {t('forgot.back')}
      </Anchor>
    </AuthPage>
  );
}
