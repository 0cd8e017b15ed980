// Names of the events enums and translated text with its fallback, in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../../shared/events.js';
import { ApiError } from '../../../lib/api-client.js';
import { errorText } from '../../../lib/form-errors.js';
import { EVENTS_NS } from '../messages.js';

export type Translated = { text: string; lang: string; fellBack: boolean };

/** The text in the reader's language, else Italian, else any language present. */
export function pickText(map: Record<string, string> | null | undefined, lang: string): Translated {
  const own = map?.[lang]?.trim();
  if (own) return { text: own, lang, fellBack: false };
  const it = map?.it?.trim();
  if (it) return { text: it, lang: 'it', fellBack: lang !== 'it' };
  const other = Object.entries(map ?? {}).find(([, v]) => v.trim());
  return other
    ? { text: other[1].trim(), lang: other[0], fellBack: true }
    : { text: '', lang, fellBack: false };
}

export function useEventLabels() {
  const { t, i18n } = useTranslation(EVENTS_NS);
  const lang = i18n.language;
  return useMemo(
    () => ({
      lang,
      kind: (k: string) => t(`kinds.${k}`, { defaultValue: k }),
      format: (f: string) => t(`formats.${f}`, { defaultValue: f }),
      audience: (a: string) => t(`audiences.${a}`, { defaultValue: a }),
      eventStatus: (s: string) => t(`eventStatuses.${s}`, { defaultValue: s }),
      status: (s: string) => t(`statuses.${s}`, { defaultValue: s }),
      mode: (m: string) => t(`formats.${m}`, { defaultValue: m }),
      title: (e: Pick<EventSummary, 'title'>) => pickText(e.title, lang),
    }),
    [t, lang],
  );
}

/** Registration errors have their own sentences; anything else falls back to the common ones. */
export function eventErrorText(err: unknown, t: (key: string, opts?: Record<string, unknown>) => string) {
  if (err instanceof ApiError) {
    const own = t(`events:errors.${err.code}`, { defaultValue: '' });
    if (own) return own;
  }
  // biome-ignore lint/suspicious/noExplicitAny: errorText takes i18next's TFunction, which t is at run time.
  return errorText(err, t as any);
}

export const REGISTRATION_COLOURS: Record<string, string> = {
  pending: 'yellow',
  confirmed: 'teal',
  waitlisted: 'orange',
  cancelled: 'gray',
  attended: 'blue',
  no_show: 'red',
};

export const EVENT_STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  proposed: 'orange',
  published: 'teal',
  cancelled: 'red',
};
