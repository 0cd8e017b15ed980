// Create an account; the server mails a link to confirm the address.
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Locale, RegisterBody } from '../../../shared/auth.js';
import { useRegister } from '../../features/auth/api/register.js';
import { AuthPage } from '../../features/auth/components/auth-page.js';
import { LocaleSelect } from '../../features/auth/components/locale-select.js';
import { PasswordStrength } from '../../features/auth/components/password-strength.js';
import { AUTH_NS } from '../../features/auth/messages.js';
import { ApiError } from '../../lib/api-client.js';
import { apiFieldErrors, errorText, zodValidate } from '../../lib/form-errors.js';

export function Component() {
  const { t, i18n } = useTranslation(AUTH_NS);
  const mutation = useRegister();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      password: '',
      locale: (['it', 'en', 'ar'].includes(i18n.language) ? i18n.language : 'it') as Locale,
    },
    validate: zodValidate(RegisterBody, t),
  });

  const submit = form.onSubmit((values) => {
    mutation.mutate(values, {
      onSuccess: () => setSentTo(values.email),
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'EMAIL_TAKEN') {
          form.setFieldError('email', t('common:errors.EMAIL_TAKEN'));
        } else form.setErrors(apiFieldErrors(err, t));
      },
    });
  });

  if (sentTo) {
    return (
      <AuthPage title={t('register.doneTitle')}>
        <Alert color="teal" variant="light" role="status" c="teal.9">
          {t('register.done', { email: sentTo })}
        </Alert>
        <Anchor component={Link} to="/login" c="teal.9">
          {t('verify.login')}
        </Anchor>
      </AuthPage>
    );
  }

  const err = mutation.error;
  const showGeneric =
    err && !(err instanceof ApiError && ['VALIDATION_FAILED', 'EMAIL_TAKEN'].includes(err.code));

  return (
    <AuthPage title={t('register.title')} intro={t('register.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {showGeneric && (
            <Alert color="red" variant="light" role="alert" c="red.9">
              {errorText(err, t)}
            </Alert>
          )}
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <div>
            <PasswordInput
              label={t('fields.password')}
              autoComplete="new-password"
              required
              aria-describedby="register-password-strength"
              {...form.getInputProps('password')}
            />
            <PasswordStrength id="register-password-strength" value={form.values.password} />
          </div>
          <LocaleSelect label={t('fields.locale')} {...form.getInputProps('locale')} />
          <Button type="submit" loading={mutation.isPending} fullWidth>
            {t('register.submit')}
          </Button>
          <Group gap={6} justify="center">
            <Text size="sm" c="gray.8">
              {t('register.haveAccount')}
            </Text>
            <Anchor component={Link} to="/login" size="sm" c="teal.9" fw={600}>
              {t('register.login')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthPage>
  );
}
