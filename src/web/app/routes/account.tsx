// The person's own page: profile, password, their data, and the organisations they belong to.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  useDirection,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { type Locale, type SessionUser, UpdateMeBody } from '../../../shared/auth.js';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useChangePassword } from '../../features/auth/api/change-password.js';
import { downloadMyData, useMyData } from '../../features/auth/api/export-me.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useUpdateMe } from '../../features/auth/api/update-me.js';
import { LanguageMultiSelect } from '../../features/auth/components/language-multi-select.js';
import { LocaleSelect } from '../../features/auth/components/locale-select.js';
import { NewPasswordFields } from '../../features/auth/components/new-password-fields.js';
import { AUTH_NS } from '../../features/auth/messages.js';
import { newPasswordValidate } from '../../features/auth/new-password.js';
import { AccountEvents } from '../../features/events/components/account-events.js';
import { MySubscriptionPanel } from '../../features/newsletter/components/my-subscription.js';
import { dirOf } from '../../i18n/i18n.js';
import { ApiError } from '../../lib/api-client.js';
import { apiFieldErrors, errorText, zodValidate } from '../../lib/form-errors.js';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" component="section">
      <Stack gap="md">
        <Title order={2} fz="xl">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function ProfileForm({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation(AUTH_NS);
  const { setDirection } = useDirection();
  // Older servers leave languages out of the session; the personal-data export always has them.
  const needExport = user.languages === undefined;
  const myData = useMyData(needExport);
  const mutation = useUpdateMe();
  const form = useForm({
    initialValues: { name: user.name, locale: user.locale as Locale, languages: user.languages ?? [] },
    validate: zodValidate(UpdateMeBody, t),
  });

  const spoken = needExport ? myData.data?.profile.languages : undefined;
  const filled = useRef(false);
  useEffect(() => {
    if (!spoken || filled.current) return;
    filled.current = true;
    form.setFieldValue('languages', spoken);
    form.resetDirty();
  }, [spoken, form]);

  const submit = form.onSubmit((values) =>
    mutation.mutate(values, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: t('account.saved') });
        if (saved.locale !== i18n.language) {
          void i18n.changeLanguage(saved.locale);
          localStorage.setItem('trama.lang', saved.locale);
          setDirection(dirOf(saved.locale));
        }
      },
      onError: (err) => {
        form.setErrors(apiFieldErrors(err, t));
        notifications.show({ color: 'red', message: errorText(err, t) });
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group gap="xs">
          <Text c="gray.8">{t('account.emailNote', { email: user.email })}</Text>
          {!user.emailVerified && (
            <Badge color="orange" variant="light" c="orange.9">
              {t('account.unverified')}
            </Badge>
          )}
        </Group>
        <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <LocaleSelect label={t('fields.locale')} {...form.getInputProps('locale')} />
        <LanguageMultiSelect
          label={t('fields.languages')}
          disabled={needExport && myData.isPending}
          {...form.getInputProps('languages')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('account.saveProfile')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation(AUTH_NS);
  const mutation = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (values) => {
      const errors = newPasswordValidate('newPassword', t)(values);
      if (!values.currentPassword) errors.currentPassword = t('validation.required');
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    mutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'teal', message: t('account.passwordChanged') });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 401) {
            form.setFieldError('currentPassword', t('account.wrongPassword'));
          } else if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
            form.setErrors(apiFieldErrors(err, t));
          } else notifications.show({ color: 'red', message: errorText(err, t) });
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={440}>
        <PasswordInput
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordFields
          label={t('fields.newPassword')}
          value={form.values.newPassword}
          passwordProps={form.getInputProps('newPassword')}
          confirmProps={form.getInputProps('confirm')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t('account.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MyData() {
  const { t } = useTranslation(AUTH_NS);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadMyData();
      notifications.show({ color: 'teal', message: t('account.downloaded') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Text c="gray.8">{t('account.dataIntro')}</Text>
      <Group>
        <Button variant="outline" onClick={download} loading={busy}>
          {t('account.download')}
        </Button>
      </Group>
    </>
  );
}

function MyOrganisations({ user }: { user: SessionUser }) {
  const { t } = useTranslation(AUTH_NS);
  if (user.memberships.length === 0) return <Text c="gray.8">{t('account.noOrganisations')}</Text>;
  return (
    <Table.ScrollContainer minWidth={280}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.organisation')}</Table.Th>
            <Table.Th>{t('account.role')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {user.memberships.map((m) => (
            <Table.Tr key={m.organisationId}>
              <Table.Td>
                <Anchor component={Link} to={`/my/organisations/${m.slug}`} c="teal.9" fw={600}>
                  {m.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray" c="gray.9">
                  {t(`roles.${m.role}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function Component() {
  const { t } = useTranslation(AUTH_NS);
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <Alert color="red" variant="light" role="alert" c="red.9">
        {errorText(session.error, t)}
      </Alert>
    );
  }
  const user = session.data.user;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;

  return (
    <Container size="md" px={0}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('account.title')}</Title>
          {user.networkRole && (
            <Text c="gray.8">
              {t('account.networkRole', { role: t(`networkRoles.${user.networkRole}`) })}
            </Text>
          )}
        </Stack>
        <Section title={t('account.profile')}>
          <ProfileForm key={user.id} user={user} />
        </Section>
        <Section title={t('account.organisations')}>
          <MyOrganisations user={user} />
        </Section>
        <Section title={t('eventsNav:myEvents')}>
          <AccountEvents />
        </Section>
        <Section title={t('newsletter:mine.title')}>
          <MySubscriptionPanel emailVerified={user.emailVerified} email={user.email} />
        </Section>
        <Section title={t('account.password')}>
          <PasswordForm />
        </Section>
        <Section title={t('account.data')}>
          <MyData />
        </Section>
      </Stack>
    </Container>
  );
}
