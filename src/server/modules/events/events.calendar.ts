// iCalendar files (ical-generator): public feed, a programme's feed, a person's private feed, one event.
// Times are written in the event's own zone (DTSTART;TZID=Europe/Rome:…) with a VTIMEZONE block, so
// calendar apps show the local time of the venue and handle the summer-time change.
import ical, { ICalEventStatus } from 'ical-generator';
import { EVENT_WEB_PATHS } from '../../../shared/events.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { titleIn } from './events.mails.js';
import * as repo from './events.repository.js';
import { getEvent, tzOffsetMinutes } from './events.service.js';

const FEED_LIMIT = 1000;

const fmtOffset = (min: number) => {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
};
const hhmmss = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}${String(min % 60).padStart(2, '0')}00`;

/** Offsets in January and July of a recent year: equal means no summer time. */
function offsets(tz: string): { winter: number; summer: number } {
  const y = 2026;
  return {
    winter: tzOffsetMinutes(new Date(Date.UTC(y, 0, 15)), tz),
    summer: tzOffsetMinutes(new Date(Date.UTC(y, 6, 15)), tz),
  };
}

/**
 * A VTIMEZONE for zones without summer time and for European zones (EU rule: last Sunday of March and
 * October at 01:00 UTC). Other zones with summer time get no TZID: their events are written in UTC.
 */
export function vtimezone(tz: string): string | null {
  const { winter, summer } = offsets(tz);
  if (winter === summer) {
    return [
      'BEGIN:VTIMEZONE',
      `TZID:${tz}`,
      'BEGIN:STANDARD',
      `TZOFFSETFROM:${fmtOffset(winter)}`,
      `TZOFFSETTO:${fmtOffset(winter)}`,
      'DTSTART:19700101T000000',
      'END:STANDARD',
      'END:VTIMEZONE',
    ].join('\r\n');
  }
  if (!tz.startsWith('Europe/') || summer - winter !== 60) return null;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tz}`,
    'BEGIN:DAYLIGHT',
    `TZOFFSETFROM:${fmtOffset(winter)}`,
    `TZOFFSETTO:${fmtOffset(summer)}`,
    `DTSTART:19700329T${hhmmss(60 + winter)}`,
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    `TZOFFSETFROM:${fmtOffset(summer)}`,
    `TZOFFSETTO:${fmtOffset(winter)}`,
    `DTSTART:19701025T${hhmmss(60 + summer)}`,
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

/**
 * ical-generator writes a zoned time from a date-fns TZDate-like object (`withTimeZone`); this is the
 * smallest such object: a Date whose local fields, after `withTimeZone(tz)`, are the wall time in `tz`.
 */
class ZonedDate extends Date {
  readonly internal: Date;
  constructor(at: Date) {
    super(at.getTime());
    this.internal = at;
  }
  withTimeZone(tz: string): Date {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
        .formatToParts(this.internal)
        .map((x) => [x.type, x.value]),
    );
    return new Date(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    );
  }
  tzComponents(): never[] {
    return [];
  }
}

function calendar(name: string) {
  const cal = ical({ name, prodId: { company: 'Trama', product: 'events', language: 'IT' } });
  // An empty name keeps DTSTAMP in UTC while the generator still writes each event's zone.
  cal.timezone({ name: '', generator: (tz) => vtimezone(tz) });
  return cal;
}

function addEvent(
  cal: ReturnType<typeof calendar>,
  ctx: AppContext,
  ev: repo.EventRow,
  lang: string,
  extra: { onlineUrl?: string | null } = {},
) {
  const zoned = vtimezone(ev.time_zone) !== null;
  const link = `${ctx.config.publicUrl}${EVENT_WEB_PATHS.event(ev.id)}`;
  const place = [ev.venue_name, ev.venue_address, ev.municipality].filter(Boolean).join(', ');
  const description = [
    titleIn(ev.description ?? {}, lang),
    extra.onlineUrl ? `Online: ${extra.onlineUrl}` : '',
    link,
  ]
    .filter(Boolean)
    .join('\n\n');
  cal.createEvent({
    id: `${ev.id}@trama`,
    start: zoned ? new ZonedDate(ev.starts_at) : ev.starts_at,
    end: zoned ? new ZonedDate(ev.ends_at) : ev.ends_at,
    ...(zoned ? { timezone: ev.time_zone } : {}),
    stamp: ev.updated_at,
    lastModified: ev.updated_at,
    summary: titleIn(ev.title, lang),
    description,
    location: ev.format === 'online' ? 'Online' : place || null,
    url: link,
    status: ev.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

const PUBLIC_SCOPE: repo.Scope = {
  staff: false,
  userId: null,
  email: null,
  memberOrgIds: [],
  manageOrgIds: [],
  programmeSlugs: [],
};

async function publicEvents(ctx: AppContext, programmeSlug?: string) {
  // Recent past too, so a subscribed calendar keeps last month's events.
  const since = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
  const rows = await repo.listEvents(
    ctx.db,
    PUBLIC_SCOPE,
    {
      kinds: [],
      formats: [],
      regions: [],
      statuses: ['published', 'cancelled'],
      programmeSlug,
      endsAfter: since,
    },
    { order: 'asc', limit: FEED_LIMIT },
  );
  return rows.filter((r) => r.audience === 'public');
}

export async function publicFeed(ctx: AppContext, lang: string): Promise<string> {
  const cal = calendar(ctx.config.networkName);
  for (const ev of await publicEvents(ctx)) addEvent(cal, ctx, ev, lang);
  return cal.toString();
}

export async function programmeFeed(ctx: AppContext, slug: string, lang: string): Promise<string> {
  const p = await ctx.db
    .selectFrom('programmes')
    .select(['name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'No such programme');
  const cal = calendar(`${ctx.config.networkName} – ${p.name}`);
  for (const ev of await publicEvents(ctx, slug)) addEvent(cal, ctx, ev, lang);
  return cal.toString();
}

/** The events a person is registered for (not cancelled), with online links where they have a seat. */
export async function personalFeed(ctx: AppContext, token: string): Promise<string> {
  const user = await repo.userOfCalendarToken(ctx.db, token);
  if (!user) throw new AppError('NOT_FOUND', 'No such calendar');
  const rows = await repo.eventsOfUser(ctx.db, user.id, {
    when: 'all',
    now: new Date(),
  });
  const cal = calendar(ctx.config.networkName);
  for (const ev of rows) {
    const seatedOnline =
      (ev.registration_status === 'confirmed' || ev.registration_status === 'attended') &&
      ev.registration_mode === 'online';
    addEvent(cal, ctx, ev, user.locale, { onlineUrl: seatedOnline ? ev.online_url : null });
  }
  return cal.toString();
}

/** "Add to calendar" for one event the actor may see. */
export async function eventFile(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  lang: string,
): Promise<string> {
  const d = await getEvent(ctx, actor, id);
  const ev = await repo.findEvent(ctx.db, id);
  if (!ev) throw new AppError('NOT_FOUND', 'No such event');
  const cal = calendar(ctx.config.networkName);
  addEvent(cal, ctx, ev, lang, { onlineUrl: d.onlineUrl });
  return cal.toString();
}
