// Gate for staff pages: anyone else sees a clear "restricted access" page with a login link, never a broken page.
import { Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PageLoader } from '../../../components/ui/page-loader.js';
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

/** A staff page: the gate, then the one heading, its introduction and the content, from the page's namespace. */
export function StaffPage({
  ns,
  prefix = '',
  children,
}: {
  ns: string;
  /** Where `title` and `intro` sit in the namespace, e.g. `queue.`. */
  prefix?: string;
  children: ReactNode;
}) {
  return (
    <StaffOnly>
      <StaffPageBody ns={ns} prefix={prefix}>
        {children}
      </StaffPageBody>
    </StaffOnly>
  );
}

function StaffPageBody({ ns, prefix, children }: { ns: string; prefix: string; children: ReactNode }) {
  const { t } = useTranslation(ns);
  return (
    <Stack gap="md">
      <Title order={1}>{t(`${prefix}title`)}</Title>
      <Text>{t(`${prefix}intro`)}</Text>
      {children}
    </Stack>
  );
}
