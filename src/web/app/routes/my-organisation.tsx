// An organisation's admin page: profile, logo, people and membership. Operators and delegates only read.
import { Alert, Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { ProposeEventLink } from '../../features/events/components/propose-event-link.js';
import { LogoPanel } from '../../features/organisations/admin/logo-panel.js';
import { MembershipPanel } from '../../features/organisations/admin/membership-panel.js';
import { ORG_ADMIN_NS } from '../../features/organisations/admin/messages.js';
import { PeoplePanel } from '../../features/organisations/admin/people-panel.js';
import { ProfileForm } from '../../features/organisations/admin/profile-form.js';
import { useOrganisation } from '../../features/organisations/api/get-organisation.js';
import { useReference } from '../../features/organisations/api/get-reference.js';
import { useOrgLabels } from '../../i18n/org-labels.js';
import { ApiError } from '../../lib/api-client.js';
import { errorText } from '../../lib/form-errors.js';

const TABS = ['profile', 'logo', 'people', 'membership'] as const;
type Tab = (typeof TABS)[number];

export function Component() {
  const { t } = useTranslation(ORG_ADMIN_NS);
  const labels = useOrgLabels();
  const { slug = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const loggedIn = Boolean(session.data?.user);
  const org = useOrganisation(slug);
  const reference = useReference();

  const tabParam = params.get('tab');
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'profile';
  const setTab = (value: string | null) =>
    setParams(
      (p) => {
        p.set('tab', value ?? 'profile');
        return p;
      },
      { replace: true },
    );

  if (session.isPending) return <PageLoader />;
  if (!loggedIn) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (org.isPending) return <PageLoader />;
  if (org.isError) {
    const notFound = org.error instanceof ApiError && [403, 404].includes(org.error.status);
    return (
      <Stack gap="md">
        <Title order={1}>{t('tabs.label')}</Title>
        <Alert color="red" variant="light" role="alert" c="red.9">
          {notFound ? t('notFound') : errorText(org.error, t)}
        </Alert>
      </Stack>
    );
  }

  const data = org.data;
  const canEdit = data.canEdit;
  return (
    <Stack gap="lg" maw={960} mx="auto">
      <Stack gap={6}>
        <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: 'anywhere' }}>
          {t('title', { name: data.name })}
        </Title>
        <Group gap="sm">
          <Badge variant="light" color="teal" c="teal.9">
            {labels.status(data.status)}
          </Badge>
          {data.myRole && <Text c="gray.8">{t('myRole', { role: t(`roles.${data.myRole}`) })}</Text>}
          {data.status === 'member' && data.visible && (
            <Anchor component={Link} to={`/organisations/${data.slug}`} c="teal.9">
              {t('publicPage')}
            </Anchor>
          )}
        </Group>
        {!canEdit && (
          <Alert color="blue" variant="light" c="blue.9">
            {t('readOnly')}
          </Alert>
        )}
      </Stack>

      {data.status === 'member' && <ProposeEventLink slug={data.slug} role={data.myRole} />}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label={t('tabs.label')}>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="lg">
          <ProfileForm key={data.id} org={data} reference={reference.data} readOnly={!canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="logo" pt="lg">
          <LogoPanel org={data} readOnly={!canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="lg">
          <PeoplePanel org={data} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="membership" pt="lg">
          <MembershipPanel org={data} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
