// A registration's or an event's status as a coloured badge with readable contrast.
import { Badge } from '@mantine/core';
import { EVENT_STATUS_COLOURS, REGISTRATION_COLOURS, useEventLabels } from './labels.js';

// Orange and yellow shade 9 are below 4.5:1 on their own light background; those badges use dark text.
const textOf = (colour: string) => (colour === 'orange' || colour === 'yellow' ? 'dark.7' : `${colour}.9`);

export function RegistrationBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useEventLabels();
  const colour = REGISTRATION_COLOURS[status] ?? 'gray';
  return (
    <Badge variant="light" color={colour} c={textOf(colour)} tt="none" size={size} fw={600}>
      {labels.status(status)}
    </Badge>
  );
}

export function EventStatusBadge({ status }: { status: string }) {
  const labels = useEventLabels();
  const colour = EVENT_STATUS_COLOURS[status] ?? 'gray';
  return (
    <Badge variant="light" color={colour} c={textOf(colour)} tt="none" fw={600}>
      {labels.eventStatus(status)}
    </Badge>
  );
}
