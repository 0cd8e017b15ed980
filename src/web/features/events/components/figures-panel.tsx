// Managers: attendance figures (registered, attended, no-show) and their breakdowns, plus marking no-shows.
import { Alert, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { EventFigures } from '../../../../shared/events.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { useFigures } from '../api/get-figures.js';
import { useMarkNoShows } from '../api/mark-no-shows.js';
import { EVENTS_NS } from '../messages.js';
import { useEventFormat } from './format.js';
import { eventErrorText, useEventLabels } from './labels.js';

function Breakdown({
  title,
  rows,
  label,
}: {
  title: string;
  rows: EventFigures['byKind'];
  label: (key: string, label: string | null) => string;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs" component="section">
      <Title order={3} fz="h5">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{title}</Table.Th>
              <Table.Th ta="end">{t('staff.registered')}</Table.Th>
              <Table.Th ta="end">{t('staff.attended')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{label(r.key, r.label)}</Table.Td>
                <Table.Td ta="end">{f.number(r.registered)}</Table.Td>
                <Table.Td ta="end">{f.number(r.attended)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function FiguresPanel({ eventId, started }: { eventId: string; started: boolean }) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const figures = useFigures(eventId);
  const noShows = useMarkNoShows(eventId);
  const orgLabels = useOrgLabels();
  const labels = useEventLabels();
  if (figures.isPending) return <Skeleton h={200} aria-hidden />;
  if (figures.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Text c="red.9">{eventErrorText(figures.error, t)}</Text>
      </Alert>
    );
  }
  const d = figures.data;
  const tiles = [
    { label: t('staff.registered'), value: d.registered },
    { label: t('staff.confirmed'), value: d.confirmed },
    { label: t('staff.attended'), value: d.attended },
    { label: t('staff.noShow'), value: d.noShow },
    { label: t('staff.waitlisted'), value: d.waitlisted },
    { label: t('checkin.walkIn'), value: d.walkIns },
  ];
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        {tiles.map((tile) => (
          <Paper key={tile.label} withBorder radius="md" p="sm">
            <Text size="sm" c="gray.8">
              {tile.label}
            </Text>
            <Text fz={26} fw={800}>
              {f.number(tile.value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {started && d.confirmed > 0 && (
        <Group>
          <Button
            variant="outline"
            loading={noShows.isPending}
            onClick={() =>
              noShows.mutate(undefined, {
                onSuccess: () => notifications.show({ color: 'teal', message: t('staff.updated') }),
                onError: (err) => notifications.show({ color: 'red', message: eventErrorText(err, t) }),
              })
            }
          >
            {t('staff.markNoShow')}: {f.number(d.confirmed)}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Breakdown
          title={t('staff.byOrganisation')}
          rows={d.byOrganisation}
          label={(_, l) => l ?? t('staff.none')}
        />
        <Breakdown
          title={t('staff.byKind')}
          rows={d.byKind}
          label={(k, l) => (l || k ? orgLabels.kind(l ?? k) : t('staff.none'))}
        />
        <Breakdown title={t('staff.byRegion')} rows={d.byRegion} label={(_, l) => l ?? '—'} />
        <Breakdown title={t('editor.format')} rows={d.byMode} label={(k, l) => labels.mode(l ?? k)} />
      </SimpleGrid>
    </Stack>
  );
}
