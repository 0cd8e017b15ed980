// Opened from an invitation mail: shows who is inviting, asks name and password, logs the person in.
import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PersonNameSchema } from '../../../shared/auth.js';
import { useAcceptInvitation } from '../../features/auth/api/accept-invitation.js';
import { useInvitation } from '../../features/auth/api/get-invitation.js';
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
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const mutation = useAcceptInvitation();
  const form = useForm({
    initialValues: { name: '', password: '', confirm: '' },
    validate: (values) => {
      const errors = newPasswordValidate('password', t)(values);
      if (!PersonNameSchema.safeParse(values.name).success) errors.name = t('validation.required');
      return errors;
    },
  });

  // Prefill the name the inviter typed, once: the person may then correct it.
  const invitedName = invitation.data?.name;
  const prefilled = useRef(false);
  useEffect(() => {
    if (!invitedName || prefilled.current) return;
    prefilled.current = true;
    form.setFieldValue('name', invitedName);
  }, [invitedName, form]);

  const submit = form.onSubmit((values) =>
    mutation.mutate(
      { token, password: values.password, name: values.name },
      {
        onSuccess: (res) => {
          notifications.show({ color: 'teal', message: t('invitation.welcome', { name: res.user.name }) });
          const orgName = invitation.data?.organisationName;
          const membership = orgName ? res.user.memberships.find((m) => m.name === orgName) : undefined;
          navigate(membership ? `/my/organisations/${membership.slug}` : '/account', { replace: true });
        },
        onError: (err) => form.setErrors(apiFieldErrors(err, t)),
      },
    ),
  );

  const tokenRefused =
    !token ||
    invitation.isError ||
    (mutation.error instanceof ApiError && ['INVALID_TOKEN', 'NOT_FOUND'].includes(mutation.error.code));

  return (
    <AuthPage title={t('invitation.title')}>
      {tokenRefused ? (
        <Alert color="red" variant="light" role="alert" c="red.9">
          {t('invitation.invalid')}
        </Alert>
      ) : invitation.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text>{t('invitation.loading')}</Text>
        </Group>
      ) : (
        <>
          <Stack gap={4}>
            <Text fw={600}>
              {invitation.data.organisationName
                ? t('invitation.toOrganisation', { organisation: invitation.data.organisationName })
                : t('invitation.toNetwork')}
            </Text>
            <Text c="gray.8">{t('invitation.account', { email: invitation.data.email })}</Text>
            <Text c="gray.8">{t('invitation.choose')}</Text>
          </Stack>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {mutation.error &&
                !(mutation.error instanceof ApiError && mutation.error.code === 'VALIDATION_FAILED') && (
                  <Alert color="red" variant="light" role="alert" c="red.9">
                    {errorText(mutation.error, t)}
                  </Alert>
                )}
              <TextInput
                label={t('fields.name')}
                autoComplete="name"
                required
                {...form.getInputProps('name')}
              />
              <NewPasswordFields
                label={t('fields.password')}
                value={form.values.password}
                passwordProps={form.getInputProps('password')}
                confirmProps={form.getInputProps('confirm')}
              />
              <Button type="submit" loading={mutation.isPending} fullWidth>
                {t('invitation.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </AuthPage>
  );
}
