// The section of an organisation's public page with the local events it organised and the people reached.
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisationEvents } from '../api/organisation-events.js';
import { EVENTS_NS } from '../messages.js';
import { EventCard } from './event-card.js';
import { useEventFormat } from './format.js';

export function OrganisationEvents({ slug }: { slug: string }) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const query = useOrganisationEvents(slug);
  if (query.isPending || query.isError) return null;
  const d = query.data;
  return (
    <Stack gap="xs" component="section" aria-labelledby="org-events-title">
      <Title order={2} fz="h3" id="org-events-title">
        {t('org.title')}
      </Title>
      {d.totalEvents === 0 && d.items.length === 0 ? (
        <Text c="gray.8">{t('org.empty')}</Text>
      ) : (
        <>
          <Group gap="lg">
            <Text fw={600}>{t('org.eventsCount', { count: d.totalEvents, n: f.number(d.totalEvents) })}</Text>
            <Text fw={600}>{t('org.reached', { count: d.totalReached, n: f.number(d.totalReached) })}</Text>
          </Group>
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {d.items.map((e) => (
              <li key={e.id}>
                <EventCard event={e} headingLevel={3} />
              </li>
            ))}
          </Stack>
          <Anchor
            component={Link}
            to={`/events?organiser=${encodeURIComponent(slug)}&past=1`}
            c="teal.9"
            size="sm"
          >
            {t('detail.back')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
