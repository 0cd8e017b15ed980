// "My events": the person's registrations, upcoming and past, and their private calendar feed.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { useMyCalendar, useRegenerateMyCalendar } from '../../features/events/api/my-calendar.js';
import { useMyEvents } from '../../features/events/api/my-events.js';
import { absoluteUrl, CopyField, webcalUrl } from '../../features/events/components/copy-field.js';
import { EventCard } from '../../features/events/components/event-card.js';
import { eventErrorText } from '../../features/events/components/labels.js';
import { RegistrationBadge } from '../../features/events/components/status-badge.js';
import { EVENTS_NS } from '../../features/events/messages.js';

function MyList({ when }: { when: 'upcoming' | 'past' }) {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const list = useMyEvents(when);
  const nf = new Intl.NumberFormat(i18n.language);
  if (list.isPending) return <Skeleton h={120} radius="md" aria-hidden />;
  if (list.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Text c="red.9">{eventErrorText(list.error, t)}</Text>
      </Alert>
    );
  }
  if (list.data.items.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text>{when === 'upcoming' ? t('my.emptyUpcoming') : t('my.emptyPast')}</Text>
        {when === 'upcoming' && (
          <Button component={Link} to="/events" mt="sm" variant="light" c="teal.9">
            {t('my.browse')}
          </Button>
        )}
      </Paper>
    );
  }
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {list.data.items.map(({ event, registration }) => (
        <li key={registration.id}>
          <EventCard
            event={event}
            headingLevel={3}
            extra={
              <Group gap="xs">
                <RegistrationBadge status={registration.status} />
                {registration.status === 'waitlisted' && registration.waitlistPosition !== null && (
                  <Text size="sm" c="gray.8">
                    {t('mine.position', { position: nf.format(registration.waitlistPosition) })}
                  </Text>
                )}
                {registration.checkInCode && ['confirmed', 'attended'].includes(registration.status) && (
                  <Text size="sm" c="gray.8">
                    {t('mine.code')}:{' '}
                    <Text span ff="monospace" fw={700} dir="ltr">
                      {registration.checkInCode}
                    </Text>
                  </Text>
                )}
              </Group>
            }
          />
        </li>
      ))}
    </Stack>
  );
}

function Feed() {
  const { t } = useTranslation(EVENTS_NS);
  const feed = useMyCalendar();
  const regenerate = useRegenerateMyCalendar();
  const [asking, { open, close }] = useDisclosure(false);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="feed-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="feed-title">
          {t('my.feedTitle')}
        </Title>
        <Text size="sm">{t('my.feedIntro')}</Text>
        {feed.isPending && <Skeleton h={60} aria-hidden />}
        {feed.isError && (
          <Alert color="red" variant="light" role="alert">
            <Text c="red.9">{eventErrorText(feed.error, t)}</Text>
          </Alert>
        )}
        {feed.data && (
          <>
            <CopyField label={t('my.feedLabel')} value={absoluteUrl(feed.data.url)} />
            <Group gap="sm">
              <Anchor href={webcalUrl(feed.data.url)} c="teal.9">
                {t('list.download')}
              </Anchor>
              <Button variant="subtle" color="red" c="red.9" onClick={open}>
                {t('my.regenerate')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      <Modal opened={asking} onClose={close} title={t('my.regenerate')}>
        <Stack gap="md">
          <Text>{t('my.regenerateConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={regenerate.isPending}
              onClick={() =>
                regenerate.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'teal', message: t('my.regenerated') });
                  },
                  onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
                })
              }
            >
              {t('my.regenerate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

export function Component() {
  const { t } = useTranslation(EVENTS_NS);
  const session = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'past' ? 'past' : 'upcoming';

  useEffect(() => {
    document.title = `${t('my.title')} · Trama`;
  }, [t]);

  if (session.isPending) return <PageLoader />;
  if (!session.data?.user) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Stack gap={4}>
        <Title order={1}>{t('my.title')}</Title>
        <Text c="gray.8">{t('my.intro')}</Text>
      </Stack>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'past' ? { tab: 'past' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('my.title')}>
          <Tabs.Tab value="upcoming">{t('my.upcoming')}</Tabs.Tab>
          <Tabs.Tab value="past">{t('my.past')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          <MyList when="upcoming" />
        </Tabs.Panel>
        <Tabs.Panel value="past" pt="md">
          <MyList when="past" />
        </Tabs.Panel>
      </Tabs>
      <Feed />
    </Stack>
  );
}
