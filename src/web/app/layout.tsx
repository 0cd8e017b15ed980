// The page frame: header with navigation, language switcher and account menu; main landmark; footer.
import {
  Anchor,
  AppShell,
  Avatar,
  Burger,
  Button,
  Group,
  Menu,
  NativeSelect,
  NavLink,
  Stack,
  Text,
  useDirection,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../components/ui/page-loader.js';
import { isStaffUser, useSession } from '../features/auth/api/get-session.js';
import { dirOf, LANGUAGES, type Language } from '../i18n/i18n.js';
import '../features/events/nav-messages.js';
import '../features/newsletter/nav-messages.js';
import { NotificationBell } from '../features/notifications/components/notification-bell.js';
import '../features/notifications/nav-messages.js';
import '../features/trainings/nav-messages.js';
import '../features/resources/nav-messages.js';
import '../features/forum/nav-messages.js';
import { HeaderSearch } from '../features/search/components/header-search.js';
import { api } from '../lib/api-client.js';

export function Layout() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { setDirection } = useDirection();
  const session = useSession();
  const user = session.data?.user ?? null;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  const changeLanguage = (lang: Language) => {
    void i18n.changeLanguage(lang);
    localStorage.setItem('trama.lang', lang);
    setDirection(dirOf(lang));
    if (user) void api('/auth/me', { method: 'PATCH', body: { locale: lang } }).catch(() => undefined);
  };

  const logout = async () => {
    await api('/auth/logout', { method: 'POST' });
    await qc.invalidateQueries();
    navigate('/');
  };

  const links = [
    { to: '/directory', label: t('nav.directory') },
    { to: '/events', label: t('eventsNav:events') },
    { to: '/courses', label: t('trainingsNav:courses') },
    { to: '/resources', label: t('resourcesNav:resources') },
    { to: '/forum', label: t('forumNav:forum') },
    { to: '/join', label: t('nav.join') },
  ];
  const staffLinks = isStaffUser(user)
    ? [
        { to: '/staff/applications', label: t('nav.applications') },
        { to: '/staff/members', label: t('nav.members') },
        { to: '/staff/programmes', label: t('nav.programmes') },
        { to: '/staff/events', label: t('eventsNav:staffEvents') },
        { to: '/staff/courses', label: t('trainingsNav:staffCourses') },
        { to: '/staff/resource-collections', label: t('resourcesNav:staffCollections') },
        { to: '/staff/mentoring', label: t('notificationsNav:staffMentoring') },
        { to: '/staff/stats', label: t('nav.stats') },
        { to: '/staff/newsletter', label: t('newsletterNav:staffNewsletter') },
        { to: '/staff/mail', label: t('nav.mail') },
      ]
    : [];

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 280, breakpoint: 'lg', collapsed: { desktop: true, mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        {/* On a 360 px phone the header holds menu, name, search, language, bell and account: tight spacing. */}
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="lg" size="sm" aria-label={t('nav.menu')} />
            <Anchor
              component={Link}
              to="/"
              fw={800}
              fz={{ base: 'lg', sm: 'xl' }}
              underline="never"
              c="teal.9"
              onClick={close}
            >
              {t('appName')}
            </Anchor>
          </Group>
          {/* Seven sections and the staff menu: tight buttons, and the menu button below 1200 px. */}
          <Group gap={2} visibleFrom="lg" component="nav" aria-label={t('nav.mainNavigation')}>
            {links.map((l) => (
              <Button
                key={l.to}
                component={Link}
                to={l.to}
                px={8}
                variant={location.pathname.startsWith(l.to) ? 'light' : 'subtle'}
              >
                {l.label}
              </Button>
            ))}
            {staffLinks.length > 0 && (
              <Menu>
                <Menu.Target>
                  <Button px={8} variant={location.pathname.startsWith('/staff') ? 'light' : 'subtle'}>
                    {t('nav.staff')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {staffLinks.map((l) => (
                    <Menu.Item key={l.to} component={Link} to={l.to}>
                      {l.label}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          <Group gap={6} wrap="nowrap">
            <HeaderSearch />
            <NativeSelect
              aria-label={t('nav.language')}
              value={i18n.language}
              onChange={(e) => changeLanguage(e.currentTarget.value as Language)}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
              size="xs"
              w={{ base: 84, sm: 110 }}
            />
            {user && <NotificationBell />}
            {user ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button
                    variant="default"
                    size="xs"
                    px={6}
                    maw={180}
                    aria-label={user.name}
                    // No initials: visible text that is not part of the accessible name confuses voice control.
                    leftSection={<Avatar size={22} color="teal.9" aria-hidden />}
                  >
                    {/* The name gives way to the sections between 1200 and 1400 px (the button keeps it as its label). */}
                    <Text truncate size="xs" display={{ base: 'none', sm: 'block', lg: 'none', xl: 'block' }}>
                      {user.name}
                    </Text>
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to="/account">
                    {t('nav.account')}
                  </Menu.Item>
                  <Menu.Item component={Link} to="/my/events">
                    {t('eventsNav:myEvents')}
                  </Menu.Item>
                  <Menu.Item component={Link} to="/my/courses">
                    {t('trainingsNav:myCourses')}
                  </Menu.Item>
                  <Menu.Item component={Link} to="/mentoring">
                    {t('notificationsNav:mentoring')}
                  </Menu.Item>
                  <Menu.Item component={Link} to="/notifications">
                    {t('notificationsNav:notifications')}
                  </Menu.Item>
                  {user.memberships.map((m) => (
                    <Menu.Item key={m.organisationId} component={Link} to={`/my/organisations/${m.slug}`}>
                      {m.name}
                    </Menu.Item>
                  ))}
                  <Menu.Divider />
                  <Menu.Item onClick={logout}>{t('nav.logout')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              <Button component={Link} to="/login" size="xs" visibleFrom="xs">
                {t('nav.login')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" component="nav" aria-label={t('nav.menu')}>
        <Stack gap={4}>
          {[...links, ...staffLinks].map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              onClick={close}
              active={location.pathname.startsWith(l.to)}
            />
          ))}
          {!user && <NavLink component={Link} to="/login" label={t('nav.login')} onClick={close} />}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
        <Text component="footer" size="sm" c="dimmed" ta="center" mt="xl" py="lg">
          {t('footer.about')} ·{' '}
          <Anchor component={Link} to="/newsletter" size="sm" underline="always">
            {t('newsletterNav:newsletter')}
          </Anchor>{' '}
          ·{' '}
          <Anchor href="/api/docs" size="sm" underline="always">
            {t('footer.api')}
          </Anchor>
        </Text>
      </AppShell.Main>
    </AppShell>
  );
}
