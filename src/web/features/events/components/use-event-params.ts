// The events list keeps its filters, view and month in the query string, so a search can be shared and the
// back button undoes it.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EventFormat, EventKind } from '../../../../shared/events.js';
import { EVENT_FORMATS, EVENT_KINDS } from '../../../../shared/events-constants.js';
import { DEFAULT_TIME_ZONE, dayKey } from './format.js';

export type EventFilters = {
  q: string;
  kind: EventKind[];
  format: EventFormat[];
  region: string[];
  programme: string;
  organiser: string;
  from: string;
  to: string;
  past: boolean;
};

export const MULTI = ['kind', 'format', 'region'] as const;
export const SINGLE = ['programme', 'organiser', 'from', 'to'] as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function useEventParams() {
  const [params, setParams] = useSearchParams();

  const filters: EventFilters = useMemo(
    () => ({
      q: params.get('q') ?? '',
      kind: params
        .getAll('kind')
        .filter((k): k is EventKind => (EVENT_KINDS as readonly string[]).includes(k)),
      format: params
        .getAll('format')
        .filter((k): k is EventFormat => (EVENT_FORMATS as readonly string[]).includes(k)),
      region: params.getAll('region').filter((r) => /^[0-9A-Za-z]{1,10}$/.test(r)),
      programme: params.get('programme') ?? '',
      organiser: params.get('organiser') ?? '',
      from: ISO_DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : '',
      to: ISO_DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : '',
      past: params.get('past') === '1',
    }),
    [params],
  );
  const view: 'list' | 'calendar' = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam)
    ? monthParam
    : (filters.from || dayKey(new Date(), DEFAULT_TIME_ZONE)).slice(0, 7);

  const update = useCallback(
    (change: (p: URLSearchParams) => void, replace = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace, preventScrollReset: true },
      ),
    [setParams],
  );

  const setQ = useCallback(
    (q: string) => update((p) => (q.trim() ? p.set('q', q) : p.delete('q')), true),
    [update],
  );
  const setMulti = useCallback(
    (name: (typeof MULTI)[number], values: string[]) =>
      update((p) => {
        p.delete(name);
        for (const v of values) p.append(name, v);
      }),
    [update],
  );
  const setSingle = useCallback(
    (name: (typeof SINGLE)[number] | 'past', value: string) =>
      update((p) => (value ? p.set(name, value) : p.delete(name))),
    [update],
  );
  const clear = useCallback(
    () =>
      update((p) => {
        for (const k of [...MULTI, ...SINGLE, 'q', 'past']) p.delete(k);
      }),
    [update],
  );
  /** The calendar opens on `month` when given (e.g. the month of the first event found). */
  const setView = useCallback(
    (v: string, month?: string) =>
      update((p) => {
        if (v !== 'calendar') {
          p.delete('view');
          return;
        }
        p.set('view', 'calendar');
        if (month && !p.get('month')) p.set('month', month);
      }),
    [update],
  );
  const setMonth = useCallback(
    (year: number, monthIndex: number) =>
      update((p) => p.set('month', `${year}-${String(monthIndex + 1).padStart(2, '0')}`), true),
    [update],
  );

  const activeCount =
    filters.kind.length +
    filters.format.length +
    filters.region.length +
    (filters.programme ? 1 : 0) +
    (filters.organiser ? 1 : 0) +
    (filters.from ? 1 : 0) +
    (filters.to ? 1 : 0) +
    (filters.past ? 1 : 0);

  return { filters, view, month, setQ, setMulti, setSingle, clear, setView, setMonth, activeCount };
}
