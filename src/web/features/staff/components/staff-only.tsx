// Gate for staff pages: anyone else sees a clear "restricted access" page with a login link, never a broken page.
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { ApiError } from '../../../lib/api-client.js';
import { isStaffUser, useSession } from '../../auth/api/get-session.js';
import '../messages.js';

export function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation('staff');
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  const user = session.data?.user ?? null;
  if (isStaffUser(user)) return <>{children}</>;
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Stack maw={640} gap="md">
      <Title order={1}>{t('access.title')}</Title>
      <Text>{user ? t('access.forbidden') : t('access.body')}</Text>
      {!user && (
        <Button component={Link} to={`/login?next=${next}`} w="fit-content">
          {t('access.login')}
        </Button>
      )}
    </Stack>
  );
}

/** The server's error code translated, so staff read why an action failed. */
export function errorText(t: (key: string) => string, err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.details?.fields?.map((f) => `${f.path}: ${f.message}`).join('; ');
    const base = t(`common:errors.${err.code}`);
    return fields ? `${base} (${fields})` : base;
  }
  return t('common:states.error');
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('staff');
  return (
    <Alert color="red" role="alert" title={t('common:states.error')}>
      <Text c="red.9" size="sm">
        {errorText(t, error)}
      </Text>
    </Alert>
  );
}
