// Events: who may see and manage them, registrations with waitlist (seats decided under a row lock on the
// event, so two processes never oversell), check-in, attendance, materials, feedback and reminders.

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditList } from '../../../shared/audit.js';
import {
  type AttendanceMode,
  type CalendarFeed,
  type CheckinBody,
  type CheckinCandidate,
  type CheckinResult,
  type CheckinSearch,
  type CreateEventBody,
  EVENT_WEB_PATHS,
  type EventDetail,
  type EventFigures,
  type EventList,
  type EventListQuery,
  type EventMaterial,
  type EventMonth,
  type EventMonthQuery,
  type EventStatus,
  type EventSummary,
  type FeedbackBody,
  type FeedbackSummary,
  type ManagedRegistration,
  type MaterialLinkBody,
  type MyEventList,
  type MyRegistration,
  type OrganisationEvents,
  REGISTRATION_STATUSES,
  type RegisterBody,
  type RegisterResult,
  type RegistrationList,
  type RegistrationListQuery,
  type RegistrationRow as RegistrationRowDto,
  type RegistrationStatus,
  type RegistrationStatusBody,
  type TrustedOrganiserList,
  type UpdateEventBody,
  type WalkInBody,
} from '../../../shared/events.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueMail, enqueueMails, type OutgoingMail } from '../../mail/outbox.js';
import { auditEntries, recordAudit, recordAudits } from '../audit/audit.service.js';
import { type Actor, isStaff } from '../auth/actor.js';
import { takeAttempt } from '../auth/rate-limit.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { fileExists, fileUrl, readStoredFile, storeDocument } from '../files/files.service.js';
import { findProvince } from '../geo/geo.repository.js';
import { getProgramme, listProgrammesOfOrganisation } from '../programmes/programmes.service.js';
import { addSearchWords } from '../search/search.words.js';
import * as mails from './events.mails.js';
import * as repo from './events.repository.js';

const MANAGE_ROLES = new Set(['org_admin', 'operator']);
const SEAT_HOLDERS = new Set(['confirmed', 'attended', 'no_show']);

// ---------------------------------------------------------------------------------------------------------
// Scope and access

export async function scopeOf(db: DbOrTx, actor: Actor | null): Promise<repo.Scope> {
  if (!actor) {
    return {
      staff: false,
      userId: null,
      email: null,
      memberOrgIds: [],
      manageOrgIds: [],
      programmeSlugs: [],
    };
  }
  return scopeOfUser(db, actor.userId, actor.email, isStaff(actor));
}

async function scopeOfUser(db: DbOrTx, userId: string, email: string, staff: boolean): Promise<repo.Scope> {
  const ms = await repo.membershipsOf(db, userId);
  const member = ms.filter((m) => m.status === 'member');
  const programmeSlugs = new Set<string>();
  for (const m of member) {
    for (const p of await listProgrammesOfOrganisation(db, m.id)) programmeSlugs.add(p.slug);
  }
  return {
    staff,
    userId,
    email,
    memberOrgIds: member.map((m) => m.id),
    manageOrgIds: member.filter((m) => MANAGE_ROLES.has(m.role)).map((m) => m.id),
    programmeSlugs: [...programmeSlugs],
  };
}

const canManage = (scope: repo.Scope, ev: repo.EventRow) =>
  scope.staff ||
  (ev.organiser_organisation_id !== null && scope.manageOrgIds.includes(ev.organiser_organisation_id));

async function canSee(db: DbOrTx, scope: repo.Scope, ev: repo.EventRow): Promise<boolean> {
  if (canManage(scope, ev)) return true;
  if (ev.status !== 'published' && ev.status !== 'cancelled') return false;
  if (await audienceAdmits(db, scope, ev)) return true;
  if (!scope.userId) return false;
  const mine = await repo.registrationsOfUser(db, ev.id, scope.userId);
  return mine.some((r) => r.user_id === scope.userId && r.status !== 'cancelled');
}

async function audienceAdmits(db: DbOrTx, scope: repo.Scope, ev: repo.EventRow): Promise<boolean> {
  if (scope.staff) return true;
  switch (ev.audience) {
    case 'public':
      return true;
    case 'members':
      return scope.memberOrgIds.length > 0;
    case 'programme':
      return ev.programme_slug !== null && scope.programmeSlugs.includes(ev.programme_slug);
    case 'invitation':
      return scope.email !== null && (await repo.isInvited(db, ev.id, scope.email));
    default:
      return false;
  }
}

async function mustSee(db: DbOrTx, actor: Actor | null, id: string) {
  const scope = await scopeOf(db, actor);
  const ev = await repo.findEvent(db, id);
  if (!ev || !(await canSee(db, scope, ev))) throw new AppError('NOT_FOUND', 'No such event');
  return { ev, scope };
}

async function mustManage(db: DbOrTx, actor: Actor | null, id: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const scope = await scopeOf(db, actor);
  const ev = await repo.findEvent(db, id);
  if (!ev) throw new AppError('NOT_FOUND', 'No such event');
  if (!canManage(scope, ev)) {
    if (!(await canSee(db, scope, ev))) throw new AppError('NOT_FOUND', 'No such event');
    throw new AppError('FORBIDDEN', 'Only network staff and the organisers manage this event');
  }
  return { ev, scope, actor };
}

async function canPublish(db: DbOrTx, scope: repo.Scope, ev: { organiser_organisation_id: string | null }) {
  if (scope.staff) return true;
  const org = ev.organiser_organisation_id;
  return org !== null && scope.manageOrgIds.includes(org) && (await repo.isTrusted(db, org));
}

// ---------------------------------------------------------------------------------------------------------
// DTOs

type SeatMap = Map<string, { in_person: number; online: number; waiting: number }>;

async function seatMap(db: DbOrTx, ids: string[]): Promise<SeatMap> {
  const m: SeatMap = new Map();
  for (const r of await repo.seatCounts(db, ids)) {
    const e = m.get(r.event_id) ?? { in_person: 0, online: 0, waiting: 0 };
    if (r.waiting) e.waiting += Number(r.n);
    else e[r.mode as AttendanceMode] += Number(r.n);
    m.set(r.event_id, e);
  }
  return m;
}

const modesOf = (format: string): AttendanceMode[] =>
  format === 'hybrid' ? ['in_person', 'online'] : format === 'online' ? ['online'] : ['in_person'];

const capacityOf = (ev: Pick<repo.EventRow, 'capacity_in_person' | 'capacity_online'>, mode: string) =>
  mode === 'online' ? ev.capacity_online : ev.capacity_in_person;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(ev: repo.EventRow, seats: SeatMap): EventSummary {
  const s = seats.get(ev.id) ?? { in_person: 0, online: 0, waiting: 0 };
  const modes = modesOf(ev.format);
  const seat = (mode: AttendanceMode) => {
    if (!modes.includes(mode)) return null;
    const capacity = capacityOf(ev, mode);
    return { capacity, confirmed: s[mode], left: capacity === null ? null : Math.max(0, capacity - s[mode]) };
  };
  return {
    id: ev.id,
    kind: ev.kind as EventSummary['kind'],
    format: ev.format as EventSummary['format'],
    status: ev.status as EventStatus,
    audience: ev.audience as EventSummary['audience'],
    title: ev.title,
    startsAt: ev.starts_at.toISOString(),
    endsAt: ev.ends_at.toISOString(),
    timeZone: ev.time_zone,
    venue: ev.venue_name
      ? {
          name: ev.venue_name,
          address: ev.venue_address,
          municipality: ev.municipality,
          provinceCode: ev.province_code,
          regionCode: ev.region_code,
          regionName: ev.region_name,
        }
      : null,
    organiser: ev.organiser_organisation_id
      ? { kind: 'organisation', slug: ev.organiser_slug, name: ev.organiser_name ?? '' }
      : { kind: 'network', slug: null, name: '' },
    programme: ev.programme_slug ? { slug: ev.programme_slug, name: ev.programme_name ?? '' } : null,
    coverUrl: ev.cover_file_id ? fileUrl(ev.cover_file_id) : null,
    seats: { inPerson: seat('in_person'), online: seat('online') },
    waitlisted: s.waiting,
    registrationOpensAt: iso(ev.registration_opens_at),
    registrationClosesAt: iso(ev.registration_closes_at),
  };
}

async function summaries(db: DbOrTx, rows: repo.EventRow[], networkName: string): Promise<EventSummary[]> {
  const seats = await seatMap(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => withNetwork(toSummary(r, seats), networkName));
}

const withNetwork = <T extends EventSummary>(s: T, networkName: string): T =>
  s.organiser.kind === 'network' ? { ...s, organiser: { ...s.organiser, name: networkName } } : s;

const qrUrl = (id: string) => `/api/v1/registrations/${id}/qr.svg`;

function toMyRegistration(r: repo.RegistrationRow, positions: Map<string, number>): MyRegistration {
  const seated = r.status === 'confirmed' || r.status === 'attended';
  return {
    id: r.id,
    eventId: r.event_id,
    status: r.status as RegistrationStatus,
    mode: r.mode as AttendanceMode,
    name: r.name,
    email: r.email ?? '',
    organisationName: r.organisation_name,
    answers: r.answers ?? {},
    checkInCode: seated ? r.check_in_code : null,
    qrUrl: seated ? qrUrl(r.id) : null,
    waitlistPosition: r.status === 'waitlisted' ? (positions.get(r.id) ?? null) : null,
    checkedInAt: iso(r.checked_in_at),
    feedbackGiven: Boolean(r.feedback_given),
    createdAt: r.created_at.toISOString(),
  };
}

/** Registrations as their people see them; the waitlist places of all of them come from one query. */
async function myRegistrations(db: DbOrTx, rows: repo.RegistrationRow[]): Promise<MyRegistration[]> {
  const positions = await repo.waitlistPositions(
    db,
    rows.filter((r) => r.status === 'waitlisted').map((r) => r.id),
  );
  return rows.map((r) => toMyRegistration(r, positions));
}

async function myRegistration(db: DbOrTx, r: repo.RegistrationRow): Promise<MyRegistration> {
  return (await myRegistrations(db, [r]))[0] as MyRegistration;
}

/**
 * Who sees the online link: managers, and people with a seat online. An in-person participant of a
 * hybrid event has no online seat, so no link (it would let them take a place nobody counted).
 */
const seesOnlineUrl = (r: { status: string; mode: string } | null | undefined) =>
  !!r && (r.status === 'confirmed' || r.status === 'attended') && r.mode === 'online';

function toRegistrationRow(r: repo.RegistrationRow): RegistrationRowDto {
  return {
    id: r.id,
    status: r.status as RegistrationStatus,
    mode: r.mode as AttendanceMode,
    name: r.name,
    email: r.email ?? '',
    userId: r.user_id,
    guest: r.user_id === null && !r.walk_in,
    walkIn: r.walk_in,
    organisationName: r.organisation_name,
    organisationSlug: r.organisation_slug,
    regionName: r.region_name,
    answers: r.answers ?? {},
    checkedInAt: iso(r.checked_in_at),
    createdAt: r.created_at.toISOString(),
  };
}

const toCandidate = (r: repo.RegistrationRow): CheckinCandidate => ({
  registrationId: r.id,
  name: r.name,
  organisationName: r.organisation_name,
  status: r.status as RegistrationStatus,
  mode: r.mode as AttendanceMode,
  checkedInAt: iso(r.checked_in_at),
});

// ---------------------------------------------------------------------------------------------------------
// Lists and calendar data

type Cursor = { startsAt: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string | undefined): Cursor | undefined {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.startsAt !== 'string' || !isCursorInstant(c.startsAt) || typeof c.id !== 'string') {
      throw new Error('bad');
    }
    if (!/^[0-9a-f-]{36}$/i.test(c.id)) throw new Error('bad');
    return c;
  } catch {
    throw fieldError('cursor', 'invalid cursor');
  }
}

/**
 * A strict ISO instant (as `toISOString` writes it) between 1970 and 9999: `Date.parse` alone accepts
 * years like -271821 that PostgreSQL refuses, which turned a tampered cursor into a 500.
 */
export function isCursorInstant(s: string): boolean {
  const m = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.exec(s);
  if (!m || Number(m[1]) < 1970) return false;
  const d = new Date(s);
  // Round trip: rejects impossible dates such as 2026-02-31 that Date would roll over.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === s.slice(0, 19);
}

/** Midnight at the start of an ISO date in Europe/Rome, as an instant. */
export function romeMidnight(date: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const offsetMin = tzOffsetMinutes(guess, 'Europe/Rome');
  return new Date(guess.getTime() - offsetMin * 60_000);
}

/** Offset of `tz` from UTC at `at`, in minutes (e.g. 120 for Rome in summer). */
export function tzOffsetMinutes(at: Date, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function filtersOf(q: Omit<EventMonthQuery, 'month'>): repo.EventFilters {
  return {
    q: q.q,
    kinds: q.kind,
    formats: q.format,
    regions: q.region,
    programmeSlug: q.programme,
    organiser: q.organiser,
    statuses: q.status.length ? q.status : ['published'],
  };
}

export async function listEvents(
  ctx: AppContext,
  actor: Actor | null,
  q: EventListQuery,
  now = new Date(),
): Promise<EventList> {
  const scope = await scopeOf(ctx.db, actor);
  const f = filtersOf(q);
  if (q.when === 'upcoming') f.endsAfter = now;
  if (q.when === 'past') f.endsBefore = now;
  if (q.from) f.startsFrom = romeMidnight(q.from);
  if (q.to) f.startsBefore = romeMidnight(addDays(q.to, 1));
  if (q.from && q.to && q.from > q.to) throw fieldError('to', 'must be on or after from');
  const order = q.when === 'past' ? 'desc' : 'asc';
  const rows = await repo.listEvents(ctx.db, scope, f, {
    order,
    limit: q.limit + 1,
    after: decodeCursor(q.cursor),
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await summaries(ctx.db, page, ctx.config.networkName),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor({ startsAt: last.starts_at.toISOString(), id: last.id })
        : null,
  };
}

const MONTH_MAX = 500;

export async function monthEvents(
  ctx: AppContext,
  actor: Actor | null,
  q: EventMonthQuery,
): Promise<EventMonth> {
  const scope = await scopeOf(ctx.db, actor);
  const first = `${q.month}-01`;
  const [y, m] = q.month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const f = filtersOf(q);
  f.startsBefore = romeMidnight(next);
  f.endsAfter = romeMidnight(first);
  const rows = await repo.listEvents(ctx.db, scope, f, { order: 'asc', limit: MONTH_MAX + 1 });
  return {
    month: q.month,
    items: await summaries(ctx.db, rows.slice(0, MONTH_MAX), ctx.config.networkName),
    truncated: rows.length > MONTH_MAX,
  };
}

// ---------------------------------------------------------------------------------------------------------
// One event

export async function getEvent(ctx: AppContext, actor: Actor | null, id: string, now = new Date()) {
  const { ev, scope } = await mustSee(ctx.db, actor, id);
  return detail(ctx, actor, scope, ev, now);
}

async function detail(
  ctx: AppContext,
  actor: Actor | null,
  scope: repo.Scope,
  ev: repo.EventRow,
  now: Date,
): Promise<EventDetail> {
  const db = ctx.db;
  const manage = canManage(scope, ev);
  const [seats, materials, invited, mine, publish] = await Promise.all([
    seatMap(db, [ev.id]),
    repo.listMaterials(db, ev.id),
    manage ? repo.invitedEmails(db, ev.id) : Promise.resolve([]),
    actor ? repo.registrationsOfUser(db, ev.id, actor.userId) : Promise.resolve([]),
    canPublish(db, scope, ev),
  ]);
  const own = mine.find((r) => r.user_id === actor?.userId) ?? null;
  const colleagues = mine.filter((r) => r.user_id !== actor?.userId && r.status !== 'cancelled');
  const shown = own && own.status !== 'cancelled' ? [own, ...colleagues] : colleagues;
  const dtos = await myRegistrations(db, shown);
  const ownDto = own && own.status !== 'cancelled' ? dtos[0] : undefined;
  const colleagueDtos = own && own.status !== 'cancelled' ? dtos.slice(1) : dtos;
  let blocked: EventDetail['viewer']['registerBlocked'] = registrationBlock(ev, now);
  if (!blocked && actor && !(await audienceAdmits(db, scope, ev))) blocked = 'audience';
  if (!blocked && !actor && ev.audience !== 'public') blocked = 'audience';
  if (!blocked && own && own.status !== 'cancelled') blocked = 'already_registered';
  return {
    ...withNetwork(toSummary(ev, seats), ctx.config.networkName),
    description: ev.description ?? {},
    onlineUrl: manage || seesOnlineUrl(own) ? ev.online_url : null,
    maxPerOrganisation: ev.max_per_organisation,
    questions: ev.questions as EventDetail['questions'],
    freeTextPrompt: ev.free_text_prompt,
    materials: materials.map((m) => toMaterial(ev.id, m)),
    invitedEmails: invited,
    viewer: {
      canManage: manage,
      canPublish: publish,
      canRegister: blocked === null,
      registerBlocked: blocked,
      guestsAllowed: ev.audience === 'public',
      registration: ownDto ?? null,
      colleagueRegistrations: colleagueDtos,
    },
    createdAt: ev.created_at.toISOString(),
    updatedAt: ev.updated_at.toISOString(),
  };
}

function registrationBlock(
  ev: repo.EventRow,
  now: Date,
): 'not_published' | 'cancelled' | 'ended' | 'not_open_yet' | 'closed' | null {
  if (ev.status === 'cancelled') return 'cancelled';
  if (ev.status !== 'published') return 'not_published';
  if (ev.ends_at <= now) return 'ended';
  if (ev.registration_opens_at && ev.registration_opens_at > now) return 'not_open_yet';
  if (ev.registration_closes_at && ev.registration_closes_at <= now) return 'closed';
  return null;
}

function toMaterial(
  eventId: string,
  m: Awaited<ReturnType<typeof repo.listMaterials>>[number],
): EventMaterial {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    url: m.kind === 'link' ? (m.url ?? '') : `/api/v1/events/${eventId}/materials/${m.id}`,
    filename: m.filename,
    contentType: m.content_type,
    sizeBytes: m.size_bytes === null ? null : Number(m.size_bytes),
    createdAt: m.created_at.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Create, change, publish

type Merged = Omit<repo.EventValues, 'status' | 'created_by' | 'organiser_organisation_id'>;

async function resolveFields(
  ctx: AppContext,
  actor: Actor,
  scope: repo.Scope,
  body: UpdateEventBody,
  base: Merged,
): Promise<{ values: Merged; invited: string[] | undefined }> {
  const v: Merged = { ...base };
  if (body.kind !== undefined) v.kind = body.kind;
  if (body.format !== undefined) v.format = body.format;
  if (body.title !== undefined) v.title = body.title;
  if (body.description !== undefined) v.description = body.description;
  if (body.startsAt !== undefined) v.starts_at = new Date(body.startsAt);
  if (body.endsAt !== undefined) v.ends_at = new Date(body.endsAt);
  if (body.timeZone !== undefined) v.time_zone = body.timeZone;
  if (body.onlineUrl !== undefined) v.online_url = body.onlineUrl;
  if (body.capacityInPerson !== undefined) v.capacity_in_person = body.capacityInPerson;
  if (body.capacityOnline !== undefined) v.capacity_online = body.capacityOnline;
  if (body.registrationOpensAt !== undefined)
    v.registration_opens_at = body.registrationOpensAt ? new Date(body.registrationOpensAt) : null;
  if (body.registrationClosesAt !== undefined)
    v.registration_closes_at = body.registrationClosesAt ? new Date(body.registrationClosesAt) : null;
  if (body.audience !== undefined) v.audience = body.audience;
  if (body.maxPerOrganisation !== undefined) v.max_per_organisation = body.maxPerOrganisation;
  if (body.questions !== undefined) v.questions = [...new Set(body.questions)];
  if (body.freeTextPrompt !== undefined) v.free_text_prompt = body.freeTextPrompt;
  if (body.venue !== undefined) {
    if (body.venue === null) {
      Object.assign(v, {
        venue_name: null,
        venue_address: null,
        municipality: null,
        province_code: null,
        region_code: null,
      });
    } else {
      let region = body.venue.regionCode ?? null;
      const province = body.venue.provinceCode ? body.venue.provinceCode.toUpperCase() : null;
      if (province) {
        const p = await findProvince(ctx.db, province);
        if (!p) throw fieldError('venue.provinceCode', `unknown province '${province}'`);
        if (region && region !== p.region_code)
          throw fieldError('venue.regionCode', 'not the region of the province');
        region = p.region_code;
      } else if (region) {
        const r = await ctx.db
          .selectFrom('regions')
          .select('code')
          .where('code', '=', region)
          .executeTakeFirst();
        if (!r) throw fieldError('venue.regionCode', `unknown region '${region}'`);
      }
      Object.assign(v, {
        venue_name: body.venue.name,
        venue_address: body.venue.address ?? null,
        municipality: body.venue.municipality ?? null,
        province_code: province,
        region_code: region,
      });
    }
  }
  if (body.programmeSlug !== undefined) {
    if (body.programmeSlug === null) v.programme_id = null;
    else {
      try {
        v.programme_id = (await getProgramme(ctx.db, actor, body.programmeSlug)).id;
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND')
          throw fieldError('programmeSlug', `unknown programme '${body.programmeSlug}'`);
        throw err;
      }
    }
  }
  if (body.coverFileId !== undefined) {
    if (body.coverFileId !== null && !(await fileExists(ctx, body.coverFileId, 'event_cover'))) {
      throw fieldError('coverFileId', 'unknown cover image');
    }
    v.cover_file_id = body.coverFileId;
  }
  if (body.invitedEmails !== undefined && !scope.staff) {
    throw fieldError('invitedEmails', 'only network staff keep invitation lists', 'FORBIDDEN');
  }
  if (v.audience === 'invitation' && !scope.staff && body.audience !== undefined) {
    throw fieldError('audience', 'only network staff create invitation-only events', 'FORBIDDEN');
  }
  // Cross-field rules on the merged event.
  if (v.ends_at <= v.starts_at) throw fieldError('endsAt', 'must be after startsAt');
  if (v.format !== 'online' && !v.venue_name)
    throw fieldError('venue', 'a venue is required for events in person');
  if (v.format === 'in_person') v.capacity_online = null;
  if (v.format === 'online') v.capacity_in_person = null;
  if (
    v.registration_opens_at &&
    v.registration_closes_at &&
    v.registration_closes_at <= v.registration_opens_at
  ) {
    throw fieldError('registrationClosesAt', 'must be after registrationOpensAt');
  }
  if (v.registration_closes_at && v.registration_closes_at > v.ends_at) {
    throw fieldError('registrationClosesAt', 'must be before the end of the event');
  }
  if (v.audience === 'programme' && !v.programme_id) {
    throw fieldError('programmeSlug', 'required when the audience is a programme');
  }
  if (!v.questions.includes('free_text')) v.free_text_prompt = null;
  return { values: v, invited: body.invitedEmails };
}

export async function createEvent(
  ctx: AppContext,
  actor: Actor | null,
  body: CreateEventBody,
): Promise<EventDetail> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const scope = await scopeOf(ctx.db, actor);
  let organiserId: string | null = null;
  if (body.organiserSlug) {
    const org = await repo.findOrganisation(ctx.db, body.organiserSlug);
    if (!org) throw fieldError('organiserSlug', `unknown organisation '${body.organiserSlug}'`);
    if (!scope.staff && !scope.manageOrgIds.includes(org.id)) {
      throw new AppError('FORBIDDEN', 'Only admins and operators of the organisation propose its events');
    }
    if (org.status !== 'member')
      throw fieldError('organiserSlug', 'only member organisations organise events');
    organiserId = org.id;
  } else if (!scope.staff) {
    throw new AppError(
      'FORBIDDEN',
      'Only network staff create events of the network; choose your organisation',
    );
  }
  const empty: Merged = {
    kind: body.kind,
    format: body.format,
    audience: body.audience,
    title: body.title,
    description: body.description,
    starts_at: new Date(body.startsAt),
    ends_at: new Date(body.endsAt),
    time_zone: body.timeZone,
    venue_name: null,
    venue_address: null,
    municipality: null,
    province_code: null,
    region_code: null,
    online_url: null,
    capacity_in_person: null,
    capacity_online: null,
    registration_opens_at: null,
    registration_closes_at: null,
    programme_id: null,
    max_per_organisation: null,
    questions: [],
    free_text_prompt: null,
    cover_file_id: null,
  };
  const { values, invited } = await resolveFields(
    ctx,
    actor,
    scope,
    { ...body, audience: body.audience },
    empty,
  );
  let status: EventStatus = body.status;
  // "published" asks to publish: organisations that may not publish directly propose instead.
  if (
    status === 'published' &&
    !(await canPublish(ctx.db, scope, { organiser_organisation_id: organiserId }))
  ) {
    status = 'proposed';
  }
  if (status === 'proposed' && organiserId === null) status = 'draft';
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertEvent(tx, {
      ...values,
      status,
      organiser_organisation_id: organiserId,
      created_by: actor.userId,
    });
    if (invited) await repo.replaceInvitations(tx, id, invited);
    await addSearchWords(tx, ...Object.values(values.title), ...Object.values(values.description));
    await recordAudit(tx, {
      entityType: 'event',
      entityId: id,
      action: 'created',
      fromStatus: null,
      toStatus: status,
      actorUserId: actor.userId,
    });
    if (status === 'published') await sendInvitations(tx, ctx.config, id);
    return id;
  });
  return getEvent(ctx, actor, id);
}

function mergedOf(ev: repo.EventRow): Merged {
  return {
    kind: ev.kind,
    format: ev.format,
    audience: ev.audience,
    title: ev.title,
    description: ev.description,
    starts_at: ev.starts_at,
    ends_at: ev.ends_at,
    time_zone: ev.time_zone,
    venue_name: ev.venue_name,
    venue_address: ev.venue_address,
    municipality: ev.municipality,
    province_code: ev.province_code,
    region_code: ev.region_code,
    online_url: ev.online_url,
    capacity_in_person: ev.capacity_in_person,
    capacity_online: ev.capacity_online,
    registration_opens_at: ev.registration_opens_at,
    registration_closes_at: ev.registration_closes_at,
    programme_id: ev.programme_id,
    max_per_organisation: ev.max_per_organisation,
    questions: ev.questions,
    free_text_prompt: ev.free_text_prompt,
    cover_file_id: ev.cover_file_id,
  };
}

export async function updateEvent(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: UpdateEventBody,
): Promise<EventDetail> {
  const { ev, scope, actor: a } = await mustManage(ctx.db, actor, id);
  if (ev.status === 'cancelled') throw new AppError('INVALID_STATE', 'A cancelled event cannot change');
  const { values, invited } = await resolveFields(ctx, a, scope, body, mergedOf(ev));
  const publisher = await canPublish(ctx.db, scope, ev);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockEvent(tx, id);
    if (!locked) throw new AppError('NOT_FOUND', 'No such event');
    if (locked.status === 'published' && !publisher) {
      // Staff reviewed what is published: an organiser who may not publish changes only the seats and
      // the registration window of a published event, not what people read, where they go or who may come.
      const changed = reviewedChanges(mergedOf(locked), values);
      if (changed.length > 0) {
        throw new AppError(
          'FORBIDDEN',
          'A published event changes only through network staff: ask them to change it',
          {
            fields: changed.map((path) => ({ path, message: 'only network staff change it once published' })),
          },
        );
      }
    }
    await repo.updateEvent(tx, id, values);
    await addSearchWords(tx, ...Object.values(values.title), ...Object.values(values.description));
    if (invited) {
      await repo.replaceInvitations(tx, id, invited);
      if (locked.status === 'published') await sendInvitations(tx, ctx.config, id);
    }
    await recordAudit(tx, { entityType: 'event', entityId: id, action: 'updated', actorUserId: a.userId });
    // More seats (or a new mode) may let people in from the waitlist.
    const fresh = await repo.findEvent(tx, id);
    if (fresh) await fillSeats(tx, ctx.config, fresh, a.userId);
  });
  return getEvent(ctx, actor, id);
}

/**
 * Fields of an event that staff review before it is published, with the body field that sets them.
 * Not among them: capacities, the registration window and the seats per organisation (running the event).
 */
const REVIEWED: ReadonlyArray<[keyof Merged, string]> = [
  ['kind', 'kind'],
  ['format', 'format'],
  ['title', 'title'],
  ['description', 'description'],
  ['starts_at', 'startsAt'],
  ['ends_at', 'endsAt'],
  ['time_zone', 'timeZone'],
  ['venue_name', 'venue'],
  ['venue_address', 'venue'],
  ['municipality', 'venue'],
  ['province_code', 'venue'],
  ['region_code', 'venue'],
  ['online_url', 'onlineUrl'],
  ['audience', 'audience'],
  ['programme_id', 'programmeSlug'],
  ['questions', 'questions'],
  ['free_text_prompt', 'freeTextPrompt'],
  ['cover_file_id', 'coverFileId'],
];

/** A comparable form: dates as instants, maps and lists whatever their order. */
const canon = (v: unknown): unknown => {
  if (v instanceof Date) return v.getTime();
  if (Array.isArray(v)) return v.map(canon).sort();
  if (v && typeof v === 'object') {
    return Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== '')
      .sort(([p], [q]) => (p < q ? -1 : 1))
      .map(([k, x]) => [k, canon(x)]);
  }
  return v ?? null;
};
const same = (x: unknown, y: unknown) => JSON.stringify(canon(x)) === JSON.stringify(canon(y));

/** Body fields whose reviewed values differ (an editor sending the whole form unchanged changes nothing). */
function reviewedChanges(before: Merged, after: Merged): string[] {
  return [...new Set(REVIEWED.filter(([k]) => !same(before[k], after[k])).map(([, f]) => f))];
}

const TRANSITIONS: Record<EventStatus, EventStatus[]> = {
  draft: ['proposed', 'published', 'cancelled'],
  proposed: ['draft', 'published', 'cancelled'],
  published: ['draft', 'cancelled'],
  cancelled: [],
};

export async function changeStatus(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  to: EventStatus,
  note: string | undefined,
): Promise<EventDetail> {
  const { ev, scope, actor: a } = await mustManage(ctx.db, actor, id);
  const from = ev.status as EventStatus;
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError('INVALID_STATE', `An event cannot go from ${from} to ${to}`, { from, to });
  }
  if (to === 'published' && !(await canPublish(ctx.db, scope, ev))) {
    throw new AppError(
      'FORBIDDEN',
      'Only network staff publish events of organisations that are not trusted',
    );
  }
  if (to === 'proposed' && ev.organiser_organisation_id === null) {
    throw new AppError('INVALID_STATE', 'Events of the network are published, not proposed');
  }
  if (from === 'published' && to === 'draft' && !scope.staff) {
    throw new AppError('FORBIDDEN', 'Only network staff withdraw a published event');
  }
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockEvent(tx, id);
    if (!locked || locked.status !== from) throw new AppError('CONFLICT', 'The event changed meanwhile');
    if (from === 'published' && to === 'draft') {
      const counts = await repo.statusCounts(tx, id);
      if (counts.some((c) => c.status !== 'cancelled' && Number(c.n) > 0)) {
        throw new AppError('INVALID_STATE', 'People are registered: cancel the event instead');
      }
    }
    await repo.updateEvent(tx, id, { status: to });
    await recordAudit(tx, {
      entityType: 'event',
      entityId: id,
      action: 'status',
      fromStatus: from,
      toStatus: to,
      note: note ?? null,
      actorUserId: a.userId,
    });
    if (to === 'published') await sendInvitations(tx, ctx.config, id);
    if (to === 'cancelled' && from === 'published') {
      const regs = await repo.allRegistrations(tx, id);
      const event = mailEvent(ctx.config, locked);
      await enqueueMails(
        tx,
        regs
          .filter((r) => r.email && ['pending', 'confirmed', 'waitlisted'].includes(r.status))
          .map((r) => ({
            to: r.email as string,
            ...mails.eventCancelledMail(r.locale, {
              name: r.name,
              networkName: ctx.config.networkName,
              event,
              note: note ?? null,
            }),
            locale: r.locale,
            template: 'events.cancelled',
          })),
      );
    }
  });
  return getEvent(ctx, actor, id);
}

async function sendInvitations(tx: Tx, config: Config, eventId: string): Promise<void> {
  const ev = await repo.findEvent(tx, eventId);
  if (ev?.audience !== 'invitation') return;
  for (const email of await repo.takeUnsentInvitations(tx, eventId)) {
    const locale = config.defaultLanguage;
    const m = mails.invitationMail(locale, { networkName: config.networkName, event: mailEvent(config, ev) });
    await enqueueMail(tx, { to: email, ...m, locale, template: 'events.invitation' });
  }
}

export async function eventAudit(ctx: AppContext, actor: Actor | null, id: string): Promise<AuditList> {
  await mustManage(ctx.db, actor, id);
  return { items: await auditEntries(ctx.db, [{ entityType: 'event', entityId: id }]) };
}

// ---------------------------------------------------------------------------------------------------------
// Registration

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 12 characters of a 32-letter alphabet: 60 random bits, readable aloud, QR alphanumeric mode. */
export function newCheckInCode(): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b & 31];
  return s;
}

function mailEvent(config: Config, ev: repo.EventRow): mails.MailEvent {
  const place =
    ev.format === 'online'
      ? null
      : [ev.venue_name, ev.venue_address, ev.municipality].filter((x): x is string => !!x).join(', ') || null;
  return {
    title: ev.title,
    startsAt: ev.starts_at,
    endsAt: ev.ends_at,
    timeZone: ev.time_zone,
    place,
    link: `${config.publicUrl}${EVENT_WEB_PATHS.event(ev.id)}`,
  };
}

/** Mails a person what their (new) status means: confirmed with code and links, or waitlisted. */
async function mailStatus(
  tx: Tx,
  config: Config,
  ev: repo.EventRow,
  r: {
    email: string | null;
    name: string;
    locale: string;
    status: string;
    check_in_code: string;
    manage_token: string;
    mode: string;
  },
  promoted = false,
): Promise<void> {
  if (!r.email) return;
  const common = { name: r.name, networkName: config.networkName, event: mailEvent(config, ev) };
  const manageLink = `${config.publicUrl}${EVENT_WEB_PATHS.manage(r.manage_token)}`;
  if (r.status === 'confirmed') {
    const m = mails.confirmedMail(r.locale, {
      ...common,
      checkInCode: r.mode === 'in_person' ? r.check_in_code : null,
      onlineUrl: r.mode === 'online' ? ev.online_url : null,
      manageLink,
      promoted,
    });
    await enqueueMail(tx, {
      to: r.email,
      ...m,
      locale: r.locale,
      template: promoted ? 'events.promoted' : 'events.confirmed',
    });
  } else if (r.status === 'waitlisted') {
    const m = mails.waitlistedMail(r.locale, { ...common, manageLink });
    await enqueueMail(tx, { to: r.email, ...m, locale: r.locale, template: 'events.waitlisted' });
  }
}

/** Whether a seat of `mode` is free now; the caller holds the event lock. */
async function seatFree(tx: Tx, ev: repo.EventRow, mode: string): Promise<boolean> {
  const capacity = capacityOf(ev, mode);
  if (capacity === null) return true;
  return (await repo.countSeatHolders(tx, ev.id, mode)) < capacity;
}

/**
 * Moves the first waitlisted people into free seats and tells them; the caller holds the event lock.
 * Set-based: one UPDATE per mode picks the queue head, then the audit rows and mails go in bulk, so
 * clearing a capacity with thousands waiting stays a handful of statements.
 */
async function fillSeats(
  tx: Tx,
  config: Config,
  ev: repo.EventRow,
  actorUserId: string | null,
): Promise<number> {
  if (ev.status !== 'published') return 0;
  let promoted = 0;
  const now = new Date();
  for (const mode of modesOf(ev.format)) {
    const capacity = capacityOf(ev, mode);
    const free = capacity === null ? null : capacity - (await repo.countSeatHolders(tx, ev.id, mode));
    if (free !== null && free <= 0) continue;
    const rows = await repo.promoteWaitlisted(tx, ev.id, mode, free, now);
    if (rows.length === 0) continue;
    await recordAudits(
      tx,
      rows.map((r) => ({
        entityType: 'event_registration',
        entityId: r.id,
        action: 'promoted',
        fromStatus: 'waitlisted',
        toStatus: 'confirmed',
        actorUserId: actorUserId,
      })),
    );
    const event = mailEvent(config, ev);
    const outgoing = rows
      .filter((r) => r.email)
      .map((r) => {
        const m = mails.confirmedMail(r.locale, {
          name: r.name,
          networkName: config.networkName,
          event,
          checkInCode: r.mode === 'in_person' ? r.check_in_code : null,
          onlineUrl: r.mode === 'online' ? ev.online_url : null,
          manageLink: `${config.publicUrl}${EVENT_WEB_PATHS.manage(r.manage_token)}`,
          promoted: true,
        });
        return { to: r.email as string, ...m, locale: r.locale, template: 'events.promoted' };
      });
    await enqueueMails(tx, outgoing);
    promoted += rows.length;
  }
  return promoted;
}

type Person = {
  userId: string | null;
  email: string;
  name: string;
  locale: string;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string | null;
};

async function personFor(
  ctx: AppContext,
  actor: Actor,
  body: RegisterBody,
): Promise<{ person: Person; scope: repo.Scope }> {
  let userId = actor.userId;
  if (body.forUserId && body.forUserId !== actor.userId) {
    // A colleague: someone who shares a member organisation with the actor.
    const mine = await repo.membershipsOf(ctx.db, actor.userId);
    const theirs = await repo.membershipsOf(ctx.db, body.forUserId);
    const shared = theirs.filter((t) => t.status === 'member' && mine.some((m) => m.id === t.id));
    if (shared.length === 0) {
      throw fieldError('forUserId', 'you can register only colleagues of your organisations', 'FORBIDDEN');
    }
    userId = body.forUserId;
  }
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'network_role'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw fieldError('forUserId', 'unknown person');
  const scope = await scopeOfUser(
    ctx.db,
    user.id,
    user.email,
    user.network_role === 'admin' || user.network_role === 'staff',
  );
  const ms = (await repo.membershipsOf(ctx.db, user.id)).filter((m) => m.status === 'member');
  let org = ms[0];
  if (body.organisationId) {
    org = ms.find((m) => m.id === body.organisationId);
    if (!org) throw fieldError('organisationId', 'not an organisation of this person');
  }
  return {
    scope,
    person: {
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      organisationId: org?.id ?? null,
      organisationName: org?.name ?? null,
      regionCode: org?.region_code ?? null,
    },
  };
}

function checkAnswers(ev: repo.EventRow, answers: RegisterBody['answers']): Record<string, string> {
  const asked: Record<string, string> = {
    accessibility: 'accessibility',
    interpretation: 'interpretation',
    dietary: 'dietary',
    freeText: 'free_text',
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers)) {
    if (v === undefined || v === '') continue;
    if (!ev.questions.includes(asked[k] ?? ''))
      throw fieldError(`answers.${k}`, 'this event does not ask it');
    out[k] = v;
  }
  return out;
}

export async function register(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: RegisterBody,
  meta: { ip: string },
  now = new Date(),
): Promise<{ result: RegisterResult; status: 200 | 201 | 202 }> {
  if (actor && body.guest) throw fieldError('guest', 'logged-in people register with their account');
  if (!actor && !body.guest) throw new AppError('UNAUTHENTICATED', 'Log in, or register as a guest');
  if (!actor && (body.forUserId || body.organisationId))
    throw new AppError('UNAUTHENTICATED', 'Log in first');
  const { ev } = await mustSee(ctx.db, actor, eventId);
  const block = registrationBlock(ev, now);
  if (block)
    throw new AppError('REGISTRATION_CLOSED', `Registration is not possible: ${block}`, { reason: block });
  let mode: AttendanceMode;
  if (ev.format === 'hybrid') {
    if (!body.mode) throw fieldError('mode', 'choose in_person or online');
    mode = body.mode;
  } else {
    mode = ev.format === 'online' ? 'online' : 'in_person';
    if (body.mode && body.mode !== mode) throw fieldError('mode', `this event is ${ev.format}`);
  }
  const answers = checkAnswers(ev, body.answers);

  let person: Person;
  if (actor) {
    const p = await personFor(ctx, actor, body);
    if (!(await audienceAdmits(ctx.db, p.scope, ev))) {
      throw new AppError('NOT_ELIGIBLE', 'This event is not open to this person', { audience: ev.audience });
    }
    person = p.person;
  } else {
    const g = body.guest!;
    if (ev.audience !== 'public') {
      throw new AppError('NOT_ELIGIBLE', 'Guests can register only to public events', {
        audience: ev.audience,
      });
    }
    let regionCode: string | null = null;
    if (g.regionCode) {
      const r = await ctx.db
        .selectFrom('regions')
        .select('code')
        .where('code', '=', g.regionCode)
        .executeTakeFirst();
      if (!r) throw fieldError('guest.regionCode', 'unknown region');
      regionCode = r.code;
    }
    person = {
      userId: null,
      email: g.email,
      name: g.name,
      locale: g.locale,
      organisationId: null,
      organisationName: g.organisationName || null,
      regionCode,
    };
  }
  const guest = !actor;
  if (guest) await takeGuestAttempt(ctx, person.email, meta.ip);

  const out = await ctx.db.transaction().execute(async (tx) => {
    // The lock serialises every seat decision on this event, across processes.
    const locked = await repo.lockEvent(tx, eventId);
    if (!locked) throw new AppError('NOT_FOUND', 'No such event');
    const lockedBlock = registrationBlock(locked, now);
    if (lockedBlock)
      throw new AppError('REGISTRATION_CLOSED', `Registration is not possible: ${lockedBlock}`);
    const existing = await repo.findRegistrationByEmail(tx, eventId, person.email);
    // An unconfirmed guest registration whose link expired counts for nothing: it is replaced.
    const live =
      existing && existing.status !== 'cancelled' && !pendingExpired(existing, now) ? existing : undefined;
    if (guest && live) {
      // Whoever typed the address learns nothing about it: the mailbox's owner gets the news instead.
      await remindGuest(tx, ctx.config, locked, live, now);
      return { id: live.id, created: false };
    }
    // A guest registration under a person's own address is theirs to take over: otherwise anyone could
    // block a member from an event by registering their address first and never confirming.
    const takeOver = live?.status === 'pending' && live.user_id === null;
    if (live && !takeOver) {
      throw new AppError('ALREADY_REGISTERED', 'This person is already registered', {
        status: live.status,
      });
    }
    if (person.organisationId && locked.max_per_organisation !== null) {
      const n = await repo.countOrganisationRegistrations(tx, eventId, person.organisationId);
      if (n >= locked.max_per_organisation) {
        throw new AppError('SEAT_LIMIT_REACHED', 'This organisation has used all its seats', {
          limit: locked.max_per_organisation,
        });
      }
    }
    const token = guest ? newToken() : null;
    const status = guest ? 'pending' : (await seatFree(tx, locked, mode)) ? 'confirmed' : 'waitlisted';
    const values: repo.RegistrationValues = {
      event_id: eventId,
      user_id: person.userId,
      registered_by: actor && actor.userId !== person.userId ? actor.userId : null,
      email: person.email,
      name: person.name,
      locale: person.locale,
      status,
      mode,
      organisation_id: person.organisationId,
      organisation_name: person.organisationName,
      region_code: person.regionCode,
      answers,
      check_in_code: newCheckInCode(),
      manage_token: newToken(),
      confirm_token_hash: token ? hashToken(token) : null,
      confirm_sent_at: token ? now : null,
      confirm_expires_at: token ? new Date(now.getTime() + GUEST_LINK_TTL_MS) : null,
      confirmed_at: status === 'confirmed' ? now : null,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.reviveRegistration(tx, id, values);
    } else {
      id = await repo.insertRegistration(tx, values);
    }
    await recordAudit(tx, {
      entityType: 'event_registration',
      entityId: id,
      action: takeOver ? 'taken_over' : 'registered',
      fromStatus: existing?.status ?? null,
      toStatus: status,
      note: takeOver
        ? 'An unconfirmed guest registration under this address, taken over by its account'
        : existing?.status === 'pending'
          ? 'Replaces an unconfirmed registration whose link expired'
          : null,
      actorUserId: actor?.userId ?? null,
    });
    if (token) await mailConfirmLink(tx, ctx.config, locked, person, token);
    else await mailStatus(tx, ctx.config, locked, { ...values, status });
    return { id, created: true };
  });
  if (guest) {
    // The same answer whatever the address already had: nothing about it leaks to whoever typed it.
    return { result: { registration: null, needsEmailConfirmation: true }, status: 202 };
  }
  const r = await repo.findRegistration(ctx.db, out.id);
  if (!r) throw new AppError('NOT_FOUND', 'No such registration');
  return {
    result: { registration: await myRegistration(ctx.db, r), needsEmailConfirmation: false },
    status: out.created ? 201 : 200,
  };
}

/** How long a guest's confirmation link works. */
export const GUEST_LINK_TTL_MS = 48 * 60 * 60 * 1000;
/** A guest asking again within this time gets no new mail (the last one is on its way). */
export const GUEST_RESEND_AFTER_MS = 10 * 60 * 1000;

const pendingExpired = (r: { status: string; confirm_expires_at: Date | null }, now: Date) =>
  r.status === 'pending' && r.confirm_expires_at !== null && r.confirm_expires_at <= now;

/** Guest registrations mail whatever address is typed: bounded per address and per client. */
async function takeGuestAttempt(ctx: AppContext, email: string, ip: string): Promise<void> {
  try {
    await takeAttempt(ctx.db, [
      { key: `event-guest:${email.toLowerCase()}`, max: 5, windowSeconds: 60 * 60 },
      { key: `event-guest-ip:${ip}`, max: 30, windowSeconds: 60 * 60 },
    ]);
  } catch (err) {
    if (err instanceof AppError && err.code === 'RATE_LIMITED') {
      throw new AppError(
        'RATE_LIMITED',
        'Too many guest registrations for this address or from this network; try again in an hour',
        err.details,
      );
    }
    throw err;
  }
}

/**
 * A guest asks for an address that has a live registration already. Pending: a fresh link, unless one
 * went out in the last minutes. Registered: the owner gets their manage link, and nobody learns the status.
 */
async function remindGuest(
  tx: Tx,
  config: Config,
  ev: repo.EventRow,
  r: repo.RegistrationRow,
  now: Date,
): Promise<void> {
  if (!r.email) return;
  if (r.status === 'pending') {
    if (r.confirm_sent_at && now.getTime() - r.confirm_sent_at.getTime() < GUEST_RESEND_AFTER_MS) return;
    const token = newToken();
    await tx
      .updateTable('event_registrations')
      .set({
        confirm_token_hash: hashToken(token),
        confirm_sent_at: now,
        confirm_expires_at: new Date(now.getTime() + GUEST_LINK_TTL_MS),
        updated_at: now,
      })
      .where('id', '=', r.id)
      .execute();
    await mailConfirmLink(tx, config, ev, { email: r.email, name: r.name, locale: r.locale }, token);
    return;
  }
  const m = mails.alreadyRegisteredMail(r.locale, {
    name: r.name,
    networkName: config.networkName,
    event: mailEvent(config, ev),
    manageLink: `${config.publicUrl}${EVENT_WEB_PATHS.manage(r.manage_token)}`,
  });
  await enqueueMail(tx, { to: r.email, ...m, locale: r.locale, template: 'events.already_registered' });
}

async function mailConfirmLink(
  tx: Tx,
  config: Config,
  ev: repo.EventRow,
  p: Pick<Person, 'email' | 'name' | 'locale'>,
  token: string,
) {
  const m = mails.confirmEmailMail(p.locale, {
    name: p.name,
    networkName: config.networkName,
    event: mailEvent(config, ev),
    confirmLink: `${config.publicUrl}${EVENT_WEB_PATHS.confirm(token)}`,
  });
  await enqueueMail(tx, { to: p.email, ...m, locale: p.locale, template: 'events.confirm_email' });
}

async function managed(ctx: AppContext, r: repo.RegistrationRow): Promise<ManagedRegistration> {
  const ev = await repo.findEvent(ctx.db, r.event_id);
  if (!ev) throw new AppError('NOT_FOUND', 'No such event');
  const [s] = await summaries(ctx.db, [ev], ctx.config.networkName);
  return {
    event: s as EventSummary,
    onlineUrl: seesOnlineUrl(r) ? ev.online_url : null,
    registration: await myRegistration(ctx.db, r),
    token: r.manage_token,
  };
}

/** A guest opens the emailed link: the seat (or waitlist place) is decided now. Opening it twice is harmless. */
export async function confirmGuest(
  ctx: AppContext,
  token: string,
  now = new Date(),
): Promise<ManagedRegistration> {
  const found = await repo.findRegistrationIdByConfirmHash(ctx.db, hashToken(token));
  if (!found) throw new AppError('INVALID_TOKEN', 'This link is not valid');
  if (found.confirm_expires_at !== null && found.confirm_expires_at <= now) {
    throw new AppError('INVALID_TOKEN', 'This link has expired: register again', { reason: 'expired' });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const ev = await repo.lockEvent(tx, found.event_id);
    if (!ev) throw new AppError('NOT_FOUND', 'No such event');
    const r = await repo.findRegistration(tx, found.id);
    if (r?.status !== 'pending') return;
    // The link may have been replaced or expired since it was read outside the lock.
    if (pendingExpired(r, now)) throw new AppError('INVALID_TOKEN', 'This link has expired: register again');
    const block = registrationBlock(ev, now);
    if (block)
      throw new AppError('REGISTRATION_CLOSED', `Registration is not possible: ${block}`, { reason: block });
    const status = (await seatFree(tx, ev, r.mode)) ? 'confirmed' : 'waitlisted';
    await repo.setRegistrationStatus(tx, r.id, status, {
      confirmed_at: status === 'confirmed' ? now : null,
      confirm_expires_at: null,
    });
    // Join the queue when the email is confirmed, not when the form was sent.
    await tx.updateTable('event_registrations').set({ queued_at: now }).where('id', '=', r.id).execute();
    await recordAudit(tx, {
      entityType: 'event_registration',
      entityId: r.id,
      action: 'email_confirmed',
      fromStatus: 'pending',
      toStatus: status,
    });
    await mailStatus(tx, ctx.config, ev, { ...r, status });
  });
  const r = await repo.findRegistration(ctx.db, found.id);
  if (!r) throw new AppError('INVALID_TOKEN', 'This link is not valid');
  return managed(ctx, r);
}

export async function manageByToken(ctx: AppContext, token: string): Promise<ManagedRegistration> {
  const r = await repo.findRegistrationByManageToken(ctx.db, token);
  if (!r) throw new AppError('INVALID_TOKEN', 'This link is not valid');
  return managed(ctx, r);
}

export async function cancelByToken(ctx: AppContext, token: string): Promise<ManagedRegistration> {
  const r = await repo.findRegistrationByManageToken(ctx.db, token);
  if (!r) throw new AppError('INVALID_TOKEN', 'This link is not valid');
  await cancel(ctx, r.id, null);
  const fresh = await repo.findRegistration(ctx.db, r.id);
  return managed(ctx, fresh as repo.RegistrationRow);
}

/** Cancels and, in the same transaction, gives the freed seat to the first waitlisted person of that mode. */
async function cancel(ctx: AppContext, registrationId: string, actorUserId: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const pre = await repo.findRegistration(tx, registrationId);
    if (!pre) throw new AppError('NOT_FOUND', 'No such registration');
    const ev = await repo.lockEvent(tx, pre.event_id);
    const r = await repo.findRegistration(tx, registrationId);
    if (!ev || !r) throw new AppError('NOT_FOUND', 'No such registration');
    if (r.status === 'cancelled') return;
    if (r.status === 'attended' || r.status === 'no_show') {
      throw new AppError('INVALID_STATE', 'Attendance is recorded: this registration cannot be cancelled');
    }
    await repo.setRegistrationStatus(tx, r.id, 'cancelled', {
      cancelled_at: new Date(),
      confirm_token_hash: null,
    });
    await recordAudit(tx, {
      entityType: 'event_registration',
      entityId: r.id,
      action: 'cancelled',
      fromStatus: r.status,
      toStatus: 'cancelled',
      actorUserId,
    });
    if (r.status === 'confirmed' && ev.starts_at > new Date())
      await fillSeats(tx, ctx.config, ev, actorUserId);
  });
}

export async function cancelRegistration(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  registrationId: string,
): Promise<MyRegistration> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const r = await repo.findRegistration(ctx.db, registrationId);
  if (!r || r.event_id !== eventId) throw new AppError('NOT_FOUND', 'No such registration');
  if (r.user_id !== actor.userId && r.registered_by !== actor.userId) {
    await mustManage(ctx.db, actor, eventId);
  }
  await cancel(ctx, registrationId, actor.userId);
  return myRegistration(
    ctx.db,
    (await repo.findRegistration(ctx.db, registrationId)) as repo.RegistrationRow,
  );
}

const STATUS_LIST = REGISTRATION_STATUSES;

export async function listRegistrations(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  q: RegistrationListQuery,
): Promise<RegistrationList> {
  await mustManage(ctx.db, actor, eventId);
  let after: { name: string; id: string } | undefined;
  if (q.cursor) {
    try {
      after = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8'));
      if (typeof after?.name !== 'string' || !/^[0-9a-f-]{36}$/i.test(after.id)) throw new Error('bad');
    } catch {
      throw fieldError('cursor', 'invalid cursor');
    }
  }
  const [rows, counts] = await Promise.all([
    repo.listRegistrations(ctx.db, eventId, { statuses: q.status, q: q.q, after, limit: q.limit + 1 }),
    repo.statusCounts(ctx.db, eventId),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toRegistrationRow),
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(JSON.stringify({ name: last.name.toLowerCase(), id: last.id })).toString('base64url')
        : null,
    counts: Object.fromEntries(
      STATUS_LIST.map((s) => [s, Number(counts.find((c) => c.status === s)?.n ?? 0)]),
    ) as RegistrationList['counts'],
  };
}

export async function setAttendance(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  registrationId: string,
  body: RegistrationStatusBody,
): Promise<RegistrationRowDto> {
  const { actor: a } = await mustManage(ctx.db, actor, eventId);
  await ctx.db.transaction().execute(async (tx) => {
    await repo.lockEvent(tx, eventId);
    const r = await repo.findRegistration(tx, registrationId);
    if (!r || r.event_id !== eventId) throw new AppError('NOT_FOUND', 'No such registration');
    if (r.status === body.status) return;
    if (!SEAT_HOLDERS.has(r.status)) {
      throw new AppError('INVALID_STATE', `A ${r.status} registration has no seat to mark`, {
        status: r.status,
      });
    }
    const now = new Date();
    await repo.setRegistrationStatus(tx, r.id, body.status, {
      checked_in_at: body.status === 'attended' ? (r.checked_in_at ?? now) : null,
      checked_in_by: body.status === 'attended' ? a.userId : null,
    });
    await recordAudit(tx, {
      entityType: 'event_registration',
      entityId: r.id,
      action: 'attendance',
      fromStatus: r.status,
      toStatus: body.status,
      actorUserId: a.userId,
    });
  });
  return toRegistrationRow((await repo.findRegistration(ctx.db, registrationId)) as repo.RegistrationRow);
}

// ---------------------------------------------------------------------------------------------------------
// Check-in

export async function checkinSearch(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  q: { q: string; limit: number },
): Promise<CheckinSearch> {
  await mustManage(ctx.db, actor, eventId);
  const [rows, counts] = await Promise.all([
    repo.listRegistrations(ctx.db, eventId, {
      statuses: ['confirmed', 'attended', 'no_show', 'waitlisted'],
      q: q.q || undefined,
      limit: q.limit,
    }),
    repo.statusCounts(ctx.db, eventId),
  ]);
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    items: rows.map(toCandidate),
    expected: n('confirmed') + n('attended') + n('no_show'),
    checkedIn: n('attended'),
  };
}

export async function checkIn(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: CheckinBody,
): Promise<CheckinResult> {
  const { actor: a } = await mustManage(ctx.db, actor, eventId);
  const r = body.code
    ? await repo.findRegistrationByCode(ctx.db, eventId, body.code)
    : await repo.findRegistration(ctx.db, body.registrationId as string);
  if (!r || r.event_id !== eventId)
    throw new AppError('NOT_FOUND', 'No registration with this code for this event');
  if (r.status === 'attended') return { registration: toCandidate(r), alreadyCheckedIn: true };
  if (r.status !== 'confirmed' && r.status !== 'no_show') {
    throw new AppError('INVALID_STATE', `This registration is ${r.status}`, { status: r.status });
  }
  const now = new Date();
  const updated = await ctx.db.transaction().execute(async (tx) => {
    // Only one of two simultaneous scans moves the status; the other reports "already checked in".
    const u = await tx
      .updateTable('event_registrations')
      .set({ status: 'attended', checked_in_at: now, checked_in_by: a.userId, updated_at: now })
      .where('id', '=', r.id)
      .where('status', 'in', ['confirmed', 'no_show'])
      .returning('id')
      .execute();
    if (u.length) {
      await recordAudit(tx, {
        entityType: 'event_registration',
        entityId: r.id,
        action: 'checked_in',
        fromStatus: r.status,
        toStatus: 'attended',
        actorUserId: a.userId,
      });
    }
    return u.length > 0;
  });
  const fresh = (await repo.findRegistration(ctx.db, r.id)) as repo.RegistrationRow;
  return { registration: toCandidate(fresh), alreadyCheckedIn: !updated };
}

export async function walkIn(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: WalkInBody,
): Promise<{ result: CheckinResult; created: boolean }> {
  const { ev, actor: a } = await mustManage(ctx.db, actor, eventId);
  if (ev.status !== 'published') throw new AppError('INVALID_STATE', 'The event is not published');
  if (!modesOf(ev.format).includes(body.mode)) throw fieldError('mode', `this event is ${ev.format}`);
  let org: Awaited<ReturnType<typeof repo.findOrganisation>>;
  if (body.organisationSlug) {
    org = await repo.findOrganisation(ctx.db, body.organisationSlug);
    if (!org) throw fieldError('organisationSlug', 'unknown organisation');
  }
  if (body.regionCode) {
    const rg = await ctx.db
      .selectFrom('regions')
      .select('code')
      .where('code', '=', body.regionCode)
      .executeTakeFirst();
    if (!rg) throw fieldError('regionCode', 'unknown region');
  }
  const now = new Date();
  const out = await ctx.db.transaction().execute(async (tx) => {
    await repo.lockEvent(tx, eventId);
    const existing = body.email ? await repo.findRegistrationByEmail(tx, eventId, body.email) : undefined;
    if (existing?.status === 'attended') return { id: existing.id, already: true, created: false };
    const user = body.email
      ? await tx
          .selectFrom('users')
          .select('id')
          .where(sql`lower(email)`, '=', body.email.toLowerCase())
          .executeTakeFirst()
      : undefined;
    const values: repo.RegistrationValues = {
      event_id: eventId,
      user_id: existing?.user_id ?? user?.id ?? null,
      registered_by: a.userId,
      email: body.email ?? null,
      name: body.name,
      locale: existing?.locale ?? ctx.config.defaultLanguage,
      status: 'attended',
      mode: body.mode,
      organisation_id: org?.id ?? existing?.organisation_id ?? null,
      organisation_name: org ? org.name : (body.organisationName ?? existing?.organisation_name ?? null),
      region_code: body.regionCode ?? org?.region_code ?? null,
      answers: {},
      check_in_code: existing?.check_in_code ?? newCheckInCode(),
      manage_token: existing?.manage_token ?? newToken(),
      confirm_token_hash: null,
      walk_in: !existing || existing.status === 'cancelled',
      confirmed_at: now,
      checked_in_at: now,
      checked_in_by: a.userId,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.reviveRegistration(tx, id, values);
    } else id = await repo.insertRegistration(tx, values);
    await recordAudit(tx, {
      entityType: 'event_registration',
      entityId: id,
      action: 'walk_in',
      fromStatus: existing?.status ?? null,
      toStatus: 'attended',
      actorUserId: a.userId,
    });
    return { id, already: false, created: !existing };
  });
  const r = (await repo.findRegistration(ctx.db, out.id)) as repo.RegistrationRow;
  return { result: { registration: toCandidate(r), alreadyCheckedIn: out.already }, created: out.created };
}

export async function markNoShows(ctx: AppContext, actor: Actor | null, eventId: string, now = new Date()) {
  const { ev, actor: a } = await mustManage(ctx.db, actor, eventId);
  if (ev.starts_at > now) throw new AppError('INVALID_STATE', 'The event has not started yet');
  const marked = await ctx.db.transaction().execute(async (tx) => {
    await repo.lockEvent(tx, eventId);
    const rows = await tx
      .updateTable('event_registrations')
      .set({ status: 'no_show', updated_at: now })
      .where('event_id', '=', eventId)
      .where('status', '=', 'confirmed')
      .returning('id')
      .execute();
    if (rows.length) {
      await tx
        .insertInto('audit_log')
        .values(
          rows.map((r) => ({
            entity_type: 'event_registration',
            entity_id: r.id,
            action: 'attendance',
            from_status: 'confirmed',
            to_status: 'no_show',
            actor_user_id: a.userId,
          })),
        )
        .execute();
    }
    return rows.length;
  });
  return { marked };
}

// ---------------------------------------------------------------------------------------------------------
// After the event

export async function figures(ctx: AppContext, actor: Actor | null, eventId: string): Promise<EventFigures> {
  await mustManage(ctx.db, actor, eventId);
  const rows = await repo.allRegistrations(ctx.db, eventId);
  const n = (s: string) => rows.filter((r) => r.status === s).length;
  const counted = rows.filter((r) => r.status !== 'cancelled' && r.status !== 'pending');
  const breakdown = (key: (r: repo.RegistrationRow) => [string, string | null]) => {
    const m = new Map<string, { key: string; label: string | null; registered: number; attended: number }>();
    for (const r of counted) {
      const [k, label] = key(r);
      const e = m.get(k) ?? { key: k, label, registered: 0, attended: 0 };
      e.registered++;
      if (r.status === 'attended') e.attended++;
      m.set(k, e);
    }
    return [...m.values()].sort(
      (x, y) => y.registered - x.registered || (x.label ?? '').localeCompare(y.label ?? ''),
    );
  };
  return {
    registered: counted.length,
    confirmed: n('confirmed') + n('attended') + n('no_show'),
    waitlisted: n('waitlisted'),
    pending: n('pending'),
    cancelled: n('cancelled'),
    attended: n('attended'),
    noShow: n('no_show'),
    walkIns: rows.filter((r) => r.walk_in && r.status === 'attended').length,
    byOrganisation: breakdown((r) => [
      r.organisation_id ?? (r.organisation_name ? `name:${r.organisation_name.toLowerCase()}` : 'none'),
      r.organisation_name,
    ]),
    byKind: breakdown((r) => [r.organisation_kind ?? 'none', r.organisation_kind]),
    byRegion: breakdown((r) => [r.region_code ?? 'none', r.region_name]),
    byMode: breakdown((r) => [r.mode, r.mode]),
  };
}

export async function participantsForExport(ctx: AppContext, actor: Actor | null, eventId: string) {
  const { ev } = await mustManage(ctx.db, actor, eventId);
  return { ev, rows: await repo.allRegistrations(ctx.db, eventId) };
}

export async function addMaterialFile(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  title: string,
  filename: string,
  data: Buffer,
): Promise<EventMaterial> {
  const { actor: a } = await mustManage(ctx.db, actor, eventId);
  const cleanTitle = title.trim().slice(0, 200) || filename.slice(0, 200);
  if (!cleanTitle) throw fieldError('title', 'required');
  const stored = await storeDocument(ctx, a, data, 'event_material');
  const safeName = filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || `material.${stored.ext}`;
  const id = await repo.insertMaterial(ctx.db, {
    event_id: eventId,
    kind: 'file',
    title: cleanTitle,
    url: null,
    file_id: stored.fileId,
    filename: safeName,
    created_by: a.userId,
  });
  return materialById(ctx.db, eventId, id);
}

export async function addMaterialLink(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: MaterialLinkBody,
): Promise<EventMaterial> {
  const { actor: a } = await mustManage(ctx.db, actor, eventId);
  const id = await repo.insertMaterial(ctx.db, {
    event_id: eventId,
    kind: 'link',
    title: body.title,
    url: body.url,
    file_id: null,
    filename: null,
    created_by: a.userId,
  });
  return materialById(ctx.db, eventId, id);
}

async function materialById(db: DbOrTx, eventId: string, id: string): Promise<EventMaterial> {
  const m = (await repo.listMaterials(db, eventId)).find((x) => x.id === id);
  if (!m) throw new AppError('NOT_FOUND', 'No such material');
  return toMaterial(eventId, m);
}

export async function removeMaterial(ctx: AppContext, actor: Actor | null, eventId: string, id: string) {
  await mustManage(ctx.db, actor, eventId);
  if ((await repo.deleteMaterial(ctx.db, eventId, id)) === 0)
    throw new AppError('NOT_FOUND', 'No such material');
}

export async function readMaterial(ctx: AppContext, actor: Actor | null, eventId: string, id: string) {
  await mustSee(ctx.db, actor, eventId);
  const m = (await repo.listMaterials(ctx.db, eventId)).find((x) => x.id === id);
  if (m?.kind !== 'file' || !m.file_id) throw new AppError('NOT_FOUND', 'No such material');
  const f = await readStoredFile(ctx, m.file_id, 'event_material');
  return { ...f, filename: m.filename ?? 'material' };
}

export async function giveFeedback(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  body: FeedbackBody,
  now = new Date(),
): Promise<void> {
  let r: repo.RegistrationRow | undefined;
  if (body.token) {
    r = await repo.findRegistrationByManageToken(ctx.db, body.token);
    if (!r || r.event_id !== eventId) throw new AppError('INVALID_TOKEN', 'This link is not valid');
  } else {
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
    r = (await repo.registrationsOfUser(ctx.db, eventId, actor.userId)).find(
      (x) => x.user_id === actor.userId,
    );
    if (!r) throw new AppError('FORBIDDEN', 'Only participants give feedback');
  }
  const ev = await repo.findEvent(ctx.db, eventId);
  if (!ev) throw new AppError('NOT_FOUND', 'No such event');
  if (ev.starts_at > now) throw new AppError('INVALID_STATE', 'Feedback opens when the event starts');
  if (r.status !== 'attended' && r.status !== 'confirmed') {
    throw new AppError('FORBIDDEN', 'Only participants give feedback');
  }
  const ok = await repo.insertFeedback(ctx.db, {
    registration_id: r.id,
    event_id: eventId,
    rating: body.rating,
    comment: body.comment?.trim() || null,
  });
  if (!ok) throw new AppError('CONFLICT', 'Feedback already given');
}

export async function feedbackSummary(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
): Promise<FeedbackSummary> {
  await mustManage(ctx.db, actor, eventId);
  const { dist, comments } = await repo.feedbackOf(ctx.db, eventId);
  const count = dist.reduce((s, d) => s + Number(d.n), 0);
  const sum = dist.reduce((s, d) => s + d.rating * Number(d.n), 0);
  return {
    count,
    average: count ? Math.round((sum / count) * 100) / 100 : null,
    distribution: Object.fromEntries(
      [1, 2, 3, 4, 5].map((k) => [String(k), Number(dist.find((d) => d.rating === k)?.n ?? 0)]),
    ),
    comments: comments.map((c) => ({
      rating: c.rating,
      comment: c.comment ?? '',
      createdAt: c.created_at.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// QR code, the person's events, calendar feed token, organisers

/** The check-in code of a registration the actor (or the token holder) may see, if it has a seat. */
export async function codeForQr(
  ctx: AppContext,
  actor: Actor | null,
  registrationId: string,
  token: string | undefined,
): Promise<string> {
  const r = await repo.findRegistration(ctx.db, registrationId);
  if (!r) throw new AppError('NOT_FOUND', 'No such registration');
  let allowed = token !== undefined && token === r.manage_token;
  if (!allowed && actor) {
    allowed = r.user_id === actor.userId || r.registered_by === actor.userId;
    if (!allowed) {
      const scope = await scopeOf(ctx.db, actor);
      const ev = await repo.findEvent(ctx.db, r.event_id);
      allowed = !!ev && canManage(scope, ev);
    }
  }
  if (!allowed) {
    if (!actor && token === undefined) throw new AppError('UNAUTHENTICATED', 'Log in first');
    throw new AppError('NOT_FOUND', 'No such registration');
  }
  if (r.status !== 'confirmed' && r.status !== 'attended') {
    throw new AppError('INVALID_STATE', 'Only confirmed registrations have a QR code');
  }
  return r.check_in_code;
}

export async function myEvents(
  ctx: AppContext,
  actor: Actor | null,
  when: 'upcoming' | 'past',
  now = new Date(),
): Promise<MyEventList> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const rows = await repo.eventsOfUser(ctx.db, actor.userId, { when, now });
  // A fixed number of queries whatever the number of events: summaries, registrations, waitlist places.
  const [items, regs] = await Promise.all([
    summaries(ctx.db, rows, ctx.config.networkName),
    repo.registrationsByIds(
      ctx.db,
      rows.map((r) => r.registration_id),
    ),
  ]);
  const dtos = new Map((await myRegistrations(ctx.db, regs)).map((r) => [r.id, r]));
  const out: MyEventList['items'] = [];
  for (const [i, row] of rows.entries()) {
    const registration = dtos.get(row.registration_id);
    if (registration) out.push({ event: items[i] as EventSummary, registration });
  }
  return { items: out };
}

export async function calendarFeed(
  ctx: AppContext,
  actor: Actor | null,
  regenerate: boolean,
): Promise<CalendarFeed> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  let token = regenerate ? undefined : (await repo.calendarToken(ctx.db, actor.userId))?.token;
  if (!token) {
    token = newToken();
    await repo.setCalendarToken(ctx.db, actor.userId, token);
  }
  return { url: `${ctx.config.publicUrl}/calendar/me/${token}.ics` };
}

export async function listTrusted(ctx: AppContext, actor: Actor | null): Promise<TrustedOrganiserList> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff');
  const rows = await repo.listTrusted(ctx.db);
  return { items: rows.map((r) => ({ slug: r.slug, name: r.name, trustedAt: r.created_at.toISOString() })) };
}

export async function setTrusted(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  trusted: boolean,
): Promise<TrustedOrganiserList> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff');
  const org = await repo.findOrganisation(ctx.db, slug);
  if (!org) throw new AppError('NOT_FOUND', 'No such organisation');
  await ctx.db.transaction().execute(async (tx) => {
    const was = await repo.isTrusted(tx, org.id);
    if (was === trusted) return;
    await repo.setTrusted(tx, org.id, trusted, actor.userId);
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action: 'events_trust',
      fromStatus: was ? 'trusted' : 'untrusted',
      toStatus: trusted ? 'trusted' : 'untrusted',
      actorUserId: actor.userId,
    });
  });
  return listTrusted(ctx, actor);
}

export async function organisationEvents(ctx: AppContext, slug: string): Promise<OrganisationEvents> {
  const org = await repo.findOrganisation(ctx.db, slug);
  if (!org || (org.status !== 'member' && org.status !== 'suspended' && org.status !== 'departed')) {
    throw new AppError('NOT_FOUND', 'No such organisation');
  }
  const { items, totalEvents, totalReached } = await repo.organisationEvents(ctx.db, org.id);
  const s = await summaries(ctx.db, items, ctx.config.networkName);
  return {
    items: s.map((e, i) => ({ ...e, attended: Number(items[i]?.attended ?? 0) })),
    totalEvents,
    totalReached,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reminders (job `events.reminders`)

export const REMINDER_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Removes guest registrations whose confirmation link expired (job `events.expire_pending`): they hold
 * no seat, and the address they name may not be the typist's. Each removal is in the audit log.
 */
export async function expirePendingRegistrations(tx: Tx, now = new Date()): Promise<number> {
  let removed = 0;
  for (let round = 0; round < 20; round++) {
    const rows = await repo.deleteExpiredPending(tx, now, 500);
    await recordAudits(
      tx,
      rows.map((r) => ({
        entityType: 'event_registration',
        entityId: r.id,
        action: 'expired',
        fromStatus: 'pending',
        toStatus: null,
        actorUserId: null,
      })),
    );
    removed += rows.length;
    if (rows.length < 500) break;
  }
  return removed;
}

/**
 * Mails every confirmed person of an event starting within 24 hours who has not been reminded, and marks
 * them reminded, in the job's transaction: a reminder is sent once, whatever crashes or processes.
 */
export async function sendDueReminders(tx: Tx, config: Config, now = new Date()): Promise<number> {
  let sent = 0;
  const events = new Map<string, repo.EventRow>();
  for (let round = 0; round < 20; round++) {
    const due = await repo.dueReminders(tx, now, new Date(now.getTime() + REMINDER_WINDOW_MS), 500);
    if (due.length === 0) break;
    const missing = [...new Set(due.map((d) => d.event_id))].filter((id) => !events.has(id));
    for (const ev of await repo.findEvents(tx, missing)) events.set(ev.id, ev);
    const outgoing: OutgoingMail[] = [];
    for (const r of due) {
      const ev = events.get(r.event_id);
      if (!ev || !r.email) continue;
      const m = mails.reminderMail(r.locale, {
        name: r.name,
        networkName: config.networkName,
        event: mailEvent(config, ev),
        checkInCode: r.mode === 'in_person' ? r.check_in_code : null,
        onlineUrl: r.mode === 'online' ? ev.online_url : null,
        manageLink: `${config.publicUrl}${EVENT_WEB_PATHS.manage(r.manage_token)}`,
      });
      outgoing.push({ to: r.email, ...m, locale: r.locale, template: 'events.reminder' });
    }
    await enqueueMails(tx, outgoing);
    sent += outgoing.length;
    await repo.markReminded(
      tx,
      due.map((d) => d.id),
      now,
    );
    if (due.length < 500) break;
  }
  return sent;
}

// ---------------------------------------------------------------------------------------------------------
// For other modules

/** Confirmed and attended people of these events (newsletter audiences), one row per email address. */
export async function eventParticipantContacts(
  db: DbOrTx,
  eventIds: string[],
): Promise<{ email: string; name: string; locale: string; userId: string | null }[]> {
  const rows = await repo.participantContacts(db, eventIds);
  return rows.map((r) => ({ email: r.email as string, name: r.name, locale: r.locale, userId: r.user_id }));
}

/** The one search across Trama: events the person may see (same rules as the list), best matches first. */
export async function searchForUnifiedSearch(
  db: DbOrTx,
  actor: Actor | null,
  q: string,
  limit: number,
): Promise<import('../../../shared/search.js').UnifiedSlice> {
  const scope = await scopeOf(db, actor);
  const rows = await repo.searchEvents(db, scope, q, limit);
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      ref: r.id,
      title: r.title,
      text: r.description,
      meta: r.starts_at.toISOString(),
    })),
  };
}
