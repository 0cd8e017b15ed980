// Course dates in each session's own time zone and the reader's language, plus the conversions between an
// instant and a <input type="datetime-local"> value in a zone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const DEFAULT_TIME_ZONE = 'Europe/Rome';
const pad = (n: number) => String(n).padStart(2, '0');

function partsIn(d: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

function offsetAt(ms: number, timeZone: string): number {
  const p = partsIn(new Date(ms), timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** ISO instant → "YYYY-MM-DDTHH:mm" on the clocks of the zone. */
export function toZonedInput(iso: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!iso) return '';
  const p = partsIn(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** "YYYY-MM-DDTHH:mm" on the clocks of the zone → ISO instant (offset looked up twice around DST changes). */
export function fromZonedInput(wall: string, timeZone = DEFAULT_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}

export const textIn = (t: Record<string, string> | undefined, lang: string): string =>
  t?.[lang]?.trim() || t?.it?.trim() || Object.values(t ?? {}).find((v) => v.trim()) || '';

export function useCourseFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    return {
      lang,
      text: (t: Record<string, string> | undefined) => textIn(t, lang),
      num: (n: number) => num.format(n),
      percent: (n: number) => pct.format(n),
      /** "giovedì 14 maggio 2026, 09:30–12:30" in the session's zone. */
      session: (startsAt: string, endsAt: string, timeZone: string) => {
        const day = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short', timeZone });
        const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone });
        return `${day.format(new Date(startsAt))} – ${time.format(new Date(endsAt))}`;
      },
      day: (iso: string, timeZone = DEFAULT_TIME_ZONE) =>
        new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(new Date(iso)),
    };
  }, [lang]);
}
