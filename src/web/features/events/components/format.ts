// Event dates in the event's own time zone (Europe/Rome by default) and the reader's language, plus the
// conversions between an instant and the wall-clock value of a <input type="datetime-local"> in that zone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const DEFAULT_TIME_ZONE = 'Europe/Rome';

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayKey(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = partsIn(new Date(instant), timeZone);
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsIn(d: Date, timeZone: string) {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsCache.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** How far ahead of UTC a zone's clocks are at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(new Date(ms), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** ISO instant → "YYYY-MM-DDTHH:mm" as the clocks of the zone show it (for datetime-local inputs). */
export function toZonedInput(iso: string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const p = partsIn(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * "YYYY-MM-DDTHH:mm" read on the clocks of the zone → ISO instant. The offset is looked up twice because the
 * first guess can sit on the other side of a daylight-saving change from the answer.
 */
export function fromZonedInput(wall: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}

/** Time zones a person can pick in the editor: the usual ones first, then whatever the browser knows. */
export function timeZoneOptions(): string[] {
  const common = [
    DEFAULT_TIME_ZONE,
    'UTC',
    'Europe/London',
    'Europe/Brussels',
    'Africa/Tunis',
    'Africa/Cairo',
  ];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...common, ...all])];
}

/** First day of the week for a language (0 = Sunday), from Intl where the browser knows it. */
export function firstDayOfWeek(lang: string): number {
  try {
    const loc = new Intl.Locale(lang === 'en' ? 'en-GB' : lang === 'it' ? 'it-IT' : lang) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info) return info.firstDay % 7;
  } catch {
    // Fall through to the table below.
  }
  return lang === 'ar' ? 6 : 1;
}

export function useEventFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const num = new Intl.NumberFormat(lang);
    const cache = new Map<string, Intl.DateTimeFormat>();
    const fmt = (key: string, opts: Intl.DateTimeFormatOptions) => {
      let f = cache.get(key);
      if (!f) {
        f = new Intl.DateTimeFormat(lang, opts);
        cache.set(key, f);
      }
      return f;
    };
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      lang,
      number: (n: number) => num.format(n),
      /** "martedì 12 maggio 2026, 10:00–13:00 CEST", or both ends in full when it spans days. */
      range: (startsAt: string, endsAt: string | null | undefined, timeZone = DEFAULT_TIME_ZONE) => {
        const f = fmt(`range:${timeZone}`, {
          timeZone,
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZoneName: 'short',
        });
        const start = new Date(startsAt);
        if (!endsAt) return f.format(start);
        try {
          return f.formatRange(start, new Date(endsAt));
        } catch {
          return `${f.format(start)} – ${f.format(new Date(endsAt))}`;
        }
      },
      /** Short date and time for lists: "12 mag 2026, 10:00". */
      short: (iso: string, timeZone = DEFAULT_TIME_ZONE) =>
        fmt(`short:${timeZone}`, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      date: (iso: string, timeZone = DEFAULT_TIME_ZONE) =>
        fmt(`date:${timeZone}`, { timeZone, dateStyle: 'medium' }).format(new Date(iso)),
      time: (iso: string, timeZone = DEFAULT_TIME_ZONE) =>
        fmt(`time:${timeZone}`, { timeZone, timeStyle: 'short' }).format(new Date(iso)),
      /** The pieces of a date badge: weekday, day number and month, as the event's zone sees them. */
      badge: (iso: string, timeZone = DEFAULT_TIME_ZONE) => {
        const d = new Date(iso);
        return {
          weekday: fmt(`wd:${timeZone}`, { timeZone, weekday: 'short' }).format(d),
          day: fmt(`d:${timeZone}`, { timeZone, day: 'numeric' }).format(d),
          month: fmt(`m:${timeZone}`, { timeZone, month: 'short' }).format(d),
        };
      },
      /** The reader's own clock, shown only when it differs from the event's zone. */
      inBrowserZone: (iso: string, timeZone = DEFAULT_TIME_ZONE) =>
        browserZone && browserZone !== timeZone
          ? // dateStyle and timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
            fmt('local', {
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              timeZoneName: 'short',
            }).format(new Date(iso))
          : null,
      monthTitle: (year: number, month: number) =>
        fmt('month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(Date.UTC(year, month, 1)),
        ),
      dayLong: (key: string) =>
        fmt('dayLong', {
          weekday: 'long',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${key}T12:00:00Z`)),
      dateTime: (iso: string | null | undefined) =>
        iso ? fmt('dt', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—',
    };
  }, [lang]);
}
