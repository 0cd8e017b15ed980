// A month of events as a grid of days: arrow keys move between days (mirrored in right-to-left), Home/End
// go to the week's ends, PageUp/PageDown change month; the chosen day's events are listed under the grid
// as links, so the grid stays usable at 360 px where a cell is too small for titles.
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
  useDirection,
  VisuallyHidden,
} from '@mantine/core';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVENTS_NS } from '../messages.js';
import { DEFAULT_TIME_ZONE, dayKey, firstDayOfWeek, useEventFormat } from './format.js';

export type CalendarEvent = {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  timeZone?: string;
  href: string;
  /** A short word shown beside the time, e.g. the format. */
  tag?: string;
};

const DAY_MS = 86_400_000;
const keyOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (key: string) => Date.parse(`${key}T00:00:00Z`);

/** Every day an event covers, as keys in its own zone (a two-day meeting shows on both days). */
function daysOf(e: CalendarEvent): string[] {
  const tz = e.timeZone ?? DEFAULT_TIME_ZONE;
  const first = dayKey(e.startsAt, tz);
  const last = e.endsAt ? dayKey(e.endsAt, tz) : first;
  const out: string[] = [];
  for (let ms = msOf(first); ms <= msOf(last) && out.length < 62; ms += DAY_MS) out.push(keyOf(ms));
  return out;
}

export function MonthCalendar({
  year,
  month,
  events,
  onMonthChange,
  loading = false,
}: {
  year: number;
  /** 0–11 */
  month: number;
  events: CalendarEvent[];
  onMonthChange: (year: number, month: number) => void;
  loading?: boolean;
}) {
  const { t } = useTranslation(EVENTS_NS);
  const f = useEventFormat();
  const { dir } = useDirection();
  const lang = f.lang;
  const weekStart = firstDayOfWeek(lang);
  const todayKey = dayKey(new Date(), DEFAULT_TIME_ZONE);

  const byDay = useMemo(() => {
    const map = new Map<string, CalendarEvent[]>();
    for (const e of events) {
      for (const k of daysOf(e)) {
        const list = map.get(k) ?? [];
        list.push(e);
        map.set(k, list);
      }
    }
    for (const list of map.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return map;
  }, [events]);

  const firstOfMonth = Date.UTC(year, month, 1);
  const lead = (new Date(firstOfMonth).getUTCDay() - weekStart + 7) % 7;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const weeks = Math.ceil((lead + daysInMonth) / 7);
  const gridStart = firstOfMonth - lead * DAY_MS;
  const cells = Array.from({ length: weeks * 7 }, (_, i) => keyOf(gridStart + i * DAY_MS));

  const monthPrefix = `${year}-${String(month + 1).padStart(2, '0')}`;
  const defaultSelected = () => {
    if (todayKey.startsWith(monthPrefix)) return todayKey;
    const firstWithEvents = cells.find((k) => k.startsWith(monthPrefix) && byDay.has(k));
    return firstWithEvents ?? `${monthPrefix}-01`;
  };
  const [selected, setSelected] = useState<string>(defaultSelected);
  const focusNext = useRef(false);
  const gridRef = useRef<HTMLTableElement>(null);

  // A new month (from the buttons or the URL) selects a day inside it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the month decides, not every events refresh.
  useEffect(() => {
    if (!selected.startsWith(monthPrefix)) setSelected(defaultSelected());
  }, [monthPrefix]);
  // Once the events of the month arrive, an empty first day gives way to the first day with events.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the events arriving only.
  useEffect(() => {
    if (!byDay.has(selected) && !todayKey.startsWith(monthPrefix) && !focusNext.current) {
      setSelected(defaultSelected());
    }
  }, [byDay]);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-day="${selected}"]`)?.focus();
  }, [selected]);

  const weekdayShort = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  const dayNum = new Intl.DateTimeFormat(lang, { day: 'numeric', timeZone: 'UTC' });
  const weekdayNarrow = new Intl.DateTimeFormat(lang, { weekday: 'narrow', timeZone: 'UTC' });
  const headers = cells.slice(0, 7).map((k) => ({
    narrow: weekdayNarrow.format(new Date(msOf(k))),
    short: weekdayShort.format(new Date(msOf(k))),
    long: weekdayLong.format(new Date(msOf(k))),
  }));

  const move = (key: string) => {
    const d = new Date(msOf(key));
    focusNext.current = true;
    setSelected(key);
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month) {
      onMonthChange(d.getUTCFullYear(), d.getUTCMonth());
    }
  };
  const shiftMonth = (delta: number) => {
    const d = new Date(Date.UTC(year, month + delta, 1));
    onMonthChange(d.getUTCFullYear(), d.getUTCMonth());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, key: string) => {
    const ms = msOf(key);
    const rtl = dir === 'rtl';
    const index = cells.indexOf(key) % 7;
    const steps: Record<string, number> = {
      ArrowLeft: rtl ? 1 : -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowUp: -7,
      ArrowDown: 7,
      Home: -index,
      End: 6 - index,
    };
    if (e.key in steps) {
      e.preventDefault();
      move(keyOf(ms + steps[e.key]! * DAY_MS));
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      const d = new Date(ms);
      const target = new Date(
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (e.key === 'PageUp' ? -1 : 1), 1),
      );
      const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      move(keyOf(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last))));
    }
  };

  const selectedEvents = byDay.get(selected) ?? [];
  const prevLabel = t('calendar.previousMonth');
  const nextLabel = t('calendar.nextMonth');
  // Chevrons point the way time flows on the page, which is leftwards in right-to-left.
  const back = dir === 'rtl' ? '›' : '‹';
  const forward = dir === 'rtl' ? '‹' : '›';

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon variant="default" size="xl" onClick={() => shiftMonth(-1)} aria-label={prevLabel}>
          <span aria-hidden style={{ fontSize: 24, lineHeight: 1 }}>
            {back}
          </span>
        </ActionIcon>
        <Title order={2} fz={{ base: 'h4', sm: 'h3' }} ta="center" aria-live="polite" id="calendar-month">
          {f.monthTitle(year, month)}
        </Title>
        <ActionIcon variant="default" size="xl" onClick={() => shiftMonth(1)} aria-label={nextLabel}>
          <span aria-hidden style={{ fontSize: 24, lineHeight: 1 }}>
            {forward}
          </span>
        </ActionIcon>
      </Group>
      <Text size="sm" c="gray.8" id="calendar-help">
        {t('calendar.keyboardHelp')}
      </Text>
      <Box style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <table
          ref={gridRef}
          aria-labelledby="calendar-month"
          aria-describedby="calendar-help"
          style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}
        >
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h.long} scope="col" style={{ padding: '4px 0', fontWeight: 600, fontSize: 13 }}>
                  <abbr title={h.long} style={{ textDecoration: 'none' }}>
                    {/* Arabic short names are whole words: a phone column only fits the narrow form. */}
                    <Box component="span" hiddenFrom="sm">
                      {lang === 'ar' ? h.narrow : h.short}
                    </Box>
                    <Box component="span" visibleFrom="sm">
                      {h.short}
                    </Box>
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: weeks }, (_, w) => (
              <tr key={cells[w * 7]}>
                {cells.slice(w * 7, w * 7 + 7).map((k) => {
                  const inMonth = k.startsWith(monthPrefix);
                  const list = byDay.get(k) ?? [];
                  const isSelected = k === selected;
                  const isToday = k === todayKey;
                  // The name comes from the content (no aria-label), so the titles a sighted person reads
                  // in the cell are part of what a screen reader or voice control hears (WCAG 2.5.3).
                  const spoken = [
                    list.length > 0
                      ? t('calendar.eventsCount', { count: list.length })
                      : t('calendar.noEvents'),
                    isToday ? t('calendar.today') : '',
                  ]
                    .filter(Boolean)
                    .join(', ');
                  return (
                    <td key={k} style={{ padding: 2, verticalAlign: 'top' }}>
                      <UnstyledButton
                        data-day={k}
                        tabIndex={isSelected ? 0 : -1}
                        aria-pressed={isSelected}
                        aria-current={isToday ? 'date' : undefined}
                        onClick={() => {
                          setSelected(k);
                          if (!inMonth) move(k);
                        }}
                        onKeyDown={(e) => onKeyDown(e, k)}
                        w="100%"
                        mih={{ base: 48, sm: 88 }}
                        p={{ base: 4, sm: 6 }}
                        style={{
                          display: 'flex',
                          flexDirection: 'column',
                          alignItems: 'stretch',
                          gap: 2,
                          borderRadius: 8,
                          border: isSelected
                            ? '2px solid var(--mantine-color-teal-8)'
                            : '1px solid var(--mantine-color-gray-3)',
                          background: isSelected
                            ? 'var(--mantine-color-teal-0)'
                            : inMonth
                              ? 'var(--mantine-color-body)'
                              : 'var(--mantine-color-gray-1)',
                          color: inMonth ? 'var(--mantine-color-text)' : 'var(--mantine-color-gray-7)',
                        }}
                      >
                        <VisuallyHidden>{`${f.dayLong(k)}, `}</VisuallyHidden>
                        <Text
                          component="span"
                          aria-hidden
                          fw={isToday ? 800 : 500}
                          size="sm"
                          c={isToday ? 'teal.9' : undefined}
                          style={
                            isToday ? { textDecoration: 'underline', textUnderlineOffset: 3 } : undefined
                          }
                        >
                          {dayNum.format(new Date(msOf(k)))}
                        </Text>
                        {list.length > 0 && (
                          <>
                            <Box hiddenFrom="sm" aria-hidden>
                              <Badge size="xs" variant="filled" color="teal.9" circle>
                                {f.number(list.length)}
                              </Badge>
                            </Box>
                            <Stack gap={2} visibleFrom="sm">
                              {list.slice(0, 2).map((e) => (
                                <Text
                                  key={e.id}
                                  component="span"
                                  size="xs"
                                  truncate
                                  px={4}
                                  bg="teal.0"
                                  c="teal.9"
                                  style={{ borderRadius: 4 }}
                                >
                                  {e.title}
                                </Text>
                              ))}
                              {list.length > 2 && (
                                <Text component="span" size="xs" c="gray.8">
                                  {t('calendar.more', { count: list.length - 2 })}
                                </Text>
                              )}
                            </Stack>
                          </>
                        )}
                        <VisuallyHidden>{`, ${spoken}`}</VisuallyHidden>
                      </UnstyledButton>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="calendar-day-title">
        <Title order={3} fz="h4" id="calendar-day-title" mb="xs">
          {f.dayLong(selected)}
        </Title>
        {selectedEvents.length === 0 ? (
          <Text c="gray.8">{t('calendar.noEventsThatDay')}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {selectedEvents.map((e) => (
              <li key={e.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Text size="sm" c="gray.8" style={{ flexShrink: 0 }}>
                    {f.time(e.startsAt, e.timeZone)}
                  </Text>
                  <Anchor
                    component={Link}
                    to={e.href}
                    c="teal.9"
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {e.title}
                  </Anchor>
                  {e.tag && (
                    <Badge
                      size="sm"
                      variant="light"
                      color="gray"
                      c="gray.9"
                      tt="none"
                      style={{ flexShrink: 0 }}
                    >
                      {e.tag}
                    </Badge>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
