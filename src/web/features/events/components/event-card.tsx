// One event in a list: its day at a glance, the title as the link, when and where, kind and format, seats.
import { Anchor, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventSummary } from '../../../../shared/events.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { useEventLabels } from './labels.js';
import { EventStatusBadge } from './status-badge.js';

/** Seats left over every way of taking part; null when nothing is limited. */
export function seatsLeft(e: Pick<EventSummary, 'seats'>): number | null {
  const parts = [e.seats.inPerson, e.seats.online].filter((s) => s !== null);
  if (parts.length === 0 || parts.some((s) => s.left === null)) return null;
  return parts.reduce((n, s) => n + (s.left ?? 0), 0);
}

export function placeOf(e: Pick<EventSummary, 'venue' | 'format'>, onlineLabel: string): string {
  const v = e.venue;
  const where = v
    ? [v.municipality || v.name, v.provinceCode ? `(${v.provinceCode})` : ''].filter(Boolean).join(' ')
    : '';
  if (e.format === 'online') return onlineLabel;
  if (e.format === 'hybrid') return [where, onlineLabel].filter(Boolean).join(' + ');
  return where;
}

export function EventCard({
  event,
  href,
  headingLevel = 3,
  showStatus = false,
  extra,
}: {
  event: EventSummary;
  href?: string;
  headingLevel?: 2 | 3 | 4;
  showStatus?: boolean;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const labels = useEventLabels();
  const title = labels.title(event);
  const badge = f.badge(event.startsAt, event.timeZone);
  const left = seatsLeft(event);
  const place = placeOf(event, t('list.online'));
  const cancelled = event.status === 'cancelled';

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="article">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box
          aria-hidden
          w={64}
          py={6}
          style={{
            flexShrink: 0,
            textAlign: 'center',
            borderRadius: 8,
            background: 'var(--mantine-color-teal-0)',
            color: 'var(--mantine-color-teal-9)',
          }}
        >
          <Text size="xs" fw={600} tt="uppercase" lh={1.2}>
            {badge.weekday}
          </Text>
          <Text fz={26} fw={800} lh={1.1}>
            {badge.day}
          </Text>
          <Text size="xs" fw={600} tt="uppercase" lh={1.2}>
            {badge.month}
          </Text>
        </Box>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text
            component={`h${headingLevel}`}
            fw={700}
            fz={{ base: 'md', sm: 'lg' }}
            m={0}
            lh={1.3}
            style={{ overflowWrap: 'anywhere' }}
          >
            <Anchor
              component={Link}
              to={href ?? `/events/${event.id}`}
              c="teal.9"
              inherit
              lang={title.fellBack ? title.lang : undefined}
              dir="auto"
              td={cancelled ? 'line-through' : undefined}
            >
              {title.text}
            </Anchor>
          </Text>
          <Text size="sm" c="gray.8">
            {f.range(event.startsAt, event.endsAt, event.timeZone)}
          </Text>
          {place && (
            <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
              {place}
            </Text>
          )}
          <Group gap={6}>
            {showStatus && <EventStatusBadge status={event.status} />}
            <Badge variant="light" color="teal" c="teal.9" tt="none" fw={600}>
              {labels.kind(event.kind)}
            </Badge>
            <Badge variant="outline" color="gray" c="gray.9" tt="none" fw={500}>
              {labels.format(event.format)}
            </Badge>
            {!cancelled && left !== null && left > 0 && (
              <Badge variant="light" color="blue" c="blue.9" tt="none" fw={500}>
                {t('list.seatsLeft', { count: left, n: f.number(left) })}
              </Badge>
            )}
            {!cancelled && left === 0 && (
              <Badge variant="light" color="orange" c="gray.9" tt="none" fw={500}>
                {t('list.full')}
              </Badge>
            )}
            {cancelled && !showStatus && <EventStatusBadge status="cancelled" />}
          </Group>
          {event.organiser.kind === 'organisation' && (
            <Text size="xs" c="gray.8">
              {t('detail.organiser')}: {event.organiser.name}
            </Text>
          )}
          {extra}
        </Stack>
      </Group>
    </Paper>
  );
}
