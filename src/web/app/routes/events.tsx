// The public events page: search and filters in the URL, a list with "show more" or a month calendar,
// and the calendar feeds to subscribe to.
import {
  Alert,
  Box,
  Button,
  Drawer,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EventSearch, useEventList } from '../../features/events/api/list-events.js';
import { useProgrammeOptions } from '../../features/events/api/list-programmes.js';
import { useEventMonth } from '../../features/events/api/month-events.js';
import { EventCard } from '../../features/events/components/event-card.js';
import { EventFilters } from '../../features/events/components/event-filters.js';
import { dayKey } from '../../features/events/components/format.js';
import { useEventLabels } from '../../features/events/components/labels.js';
import { MonthCalendar } from '../../features/events/components/month-calendar.js';
import { SubscribeButton } from '../../features/events/components/subscribe-button.js';
import { useEventParams } from '../../features/events/components/use-event-params.js';
import { EVENTS_NS } from '../../features/events/messages.js';
import { useReference } from '../../features/organisations/api/get-reference.js';

export function Component() {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const labels = useEventLabels();
  const { filters, view, month, setQ, setMulti, setSingle, clear, setView, setMonth, activeCount } =
    useEventParams();
  const reference = useReference();
  const programmes = useProgrammeOptions();
  const [drawer, { open, close }] = useDisclosure(false);
  const nf = new Intl.NumberFormat(i18n.language);

  const base = {
    q: filters.q || undefined,
    kind: filters.kind,
    format: filters.format,
    region: filters.region,
    programme: filters.programme || undefined,
    organiser: filters.organiser || undefined,
  };
  const listSearch: EventSearch = {
    ...base,
    from: filters.from || undefined,
    to: filters.to || undefined,
    when: filters.past ? 'all' : 'upcoming',
    limit: 20,
  };
  const list = useEventList(listSearch, view === 'list');
  const monthData = useEventMonth({ ...base, month }, view === 'calendar');

  const [text, setText] = useState(filters.q);
  const pushQ = useDebouncedCallback(setQ, 300);
  useEffect(() => {
    setText((current) => (current.trim() === filters.q.trim() ? current : filters.q));
  }, [filters.q]);

  useEffect(() => {
    document.title = `${t('list.title')} · Trama`;
  }, [t]);

  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const programmeList = programmes.data?.items ?? [];
  const chosenProgramme = programmeList.find((p) => p.slug === filters.programme) ?? null;
  const organiserName = [...items, ...(monthData.data?.items ?? [])].find(
    (e) => e.organiser.slug === filters.organiser,
  )?.organiser.name;

  const filterPanel = (cols: { base: number; sm?: number; md?: number; lg?: number }) => (
    <EventFilters
      filters={filters}
      regions={reference.data?.regions ?? []}
      programmes={programmeList}
      organiserName={organiserName}
      onMulti={setMulti}
      onSingle={setSingle}
      cols={cols}
      showDates={view === 'list'}
    />
  );

  const calendarEvents = useMemo(
    () =>
      (monthData.data?.items ?? []).map((e) => ({
        id: e.id,
        title: labels.title(e).text,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        timeZone: e.timeZone,
        href: `/events/${e.id}`,
        tag: labels.format(e.format),
      })),
    [monthData.data, labels],
  );
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const count = items.length;
  const error = view === 'list' ? list.isError : monthData.isError;

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="gray.8">{t('list.intro')}</Text>
        </Stack>
        <SubscribeButton programme={chosenProgramme} />
      </Group>

      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            pushQ.cancel?.();
            setQ(text);
          }}
        >
          <TextInput
            type="search"
            label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              pushQ(e.currentTarget.value);
            }}
            size="md"
            maxLength={200}
          />
        </form>
      </search>

      <Paper
        withBorder
        p="md"
        radius="md"
        visibleFrom="sm"
        component="section"
        aria-label={t('list.filters')}
      >
        {filterPanel({ base: 1, sm: 2, md: 4 })}
        {activeCount > 0 && (
          <Group justify="flex-end" mt="sm">
            <Button variant="subtle" size="compact-sm" onClick={clear}>
              {t('list.clearAll')}
            </Button>
          </Group>
        )}
      </Paper>

      <Group justify="space-between" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('list.views')}
          value={view}
          // The calendar opens where the results are, not on an empty current month.
          onChange={(v) =>
            setView(v, items[0] ? dayKey(items[0].startsAt, items[0].timeZone).slice(0, 7) : undefined)
          }
          data={[
            { value: 'list', label: t('list.viewList') },
            { value: 'calendar', label: t('list.viewCalendar') },
          ]}
        />
        <Button variant="default" hiddenFrom="sm" onClick={open}>
          {activeCount > 0 ? t('list.filtersCount', { count: activeCount }) : t('list.filters')}
        </Button>
      </Group>

      {error && (
        <Alert color="red" variant="light" role="alert" c="red.9">
          {t('common:states.error')}
          <Button
            variant="subtle"
            size="compact-sm"
            ms="sm"
            onClick={() => (view === 'list' ? list.refetch() : monthData.refetch())}
          >
            {t('common:actions.retry')}
          </Button>
        </Alert>
      )}

      {view === 'list' ? (
        <Stack gap="sm" component="section" aria-label={t('list.viewList')}>
          <Text fw={600} role="status" aria-live="polite">
            {list.isPending
              ? t('common:states.loading')
              : list.hasNextPage
                ? ''
                : t('list.results', { count, n: nf.format(count) })}
          </Text>
          {list.isPending &&
            Array.from({ length: 4 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
              <Skeleton key={i} h={130} radius="md" aria-hidden />
            ))}
          {list.data && items.length === 0 && (
            <Paper withBorder p="lg" radius="md">
              <Text fw={600}>{t('list.empty')}</Text>
              <Text c="gray.8" size="sm" mt={4}>
                {t('list.emptyHint')}
              </Text>
            </Paper>
          )}
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none', opacity: list.isPlaceholderData ? 0.6 : 1 }}
          >
            {items.map((e) => (
              <li key={e.id}>
                <EventCard event={e} headingLevel={2} />
              </li>
            ))}
          </Stack>
          {list.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
              >
                {t('list.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : (
        <Box component="section" aria-label={t('list.viewCalendar')}>
          <MonthCalendar
            year={year}
            month={monthIndex - 1}
            events={calendarEvents}
            onMonthChange={setMonth}
            loading={monthData.isFetching}
          />
        </Box>
      )}

      <Drawer opened={drawer} onClose={close} title={t('list.filters')} position="bottom" size="90%">
        <Stack gap="md" pb="md">
          {filterPanel({ base: 1 })}
          <Group grow>
            {activeCount > 0 && (
              <Button variant="default" onClick={clear}>
                {t('list.clearAll')}
              </Button>
            )}
            <Button onClick={close}>{t('list.showResults')}</Button>
          </Group>
        </Stack>
      </Drawer>
    </Stack>
  );
}
