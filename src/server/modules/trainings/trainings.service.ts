// Trainings: courses made of session events, enrolment with a waitlist (seats decided under a row lock on
// the course), attendance read from the session events' registrations, completion and certificates.

import { randomBytes } from 'node:crypto';
import type { AuditList } from '../../../shared/audit.js';
import type { Locale } from '../../../shared/auth.js';
import {
  type CertificateInfo,
  type CertificateVerification,
  COURSE_WEB_PATHS,
  type CourseCompletion,
  type CourseDetail,
  type CourseFormat,
  type CourseList,
  type CourseListQuery,
  type CourseSession,
  type CourseStatus,
  type CourseSummary,
  type CreateCourseBody,
  type EnrolBody,
  type EnrolmentList,
  type EnrolmentListQuery,
  type EnrolmentRow as EnrolmentRowDto,
  type EnrolmentStatus,
  type MyCourseList,
  type MyEnrolment,
  type Progress,
  type SessionAttendance,
  type SessionBody,
  type UpdateCourseBody,
  type UpdateSessionBody,
} from '../../../shared/trainings.js';
import type { Config } from '../../config.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueMail } from '../../mail/outbox.js';
import { auditEntries, recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff } from '../auth/actor.js';
import { newToken } from '../auth/tokens.js';
import * as eventsRepo from '../events/events.repository.js';
import * as events from '../events/events.service.js';
import { type NotificationText, notify } from '../notifications/notifications.service.js';
import { addSearchWords } from '../search/search.words.js';
import { renderCertificate } from './trainings.certificate.js';
import * as mails from './trainings.mails.js';
import * as repo from './trainings.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------------------
// Access

function mustBeStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff manage courses');
  return actor;
}

const visible = (actor: Actor | null, c: repo.CourseRow) => isStaff(actor) || c.status !== 'draft';

async function mustSee(db: DbOrTx, actor: Actor | null, id: string): Promise<repo.CourseRow> {
  const c = await repo.findCourse(db, id);
  if (!c || !visible(actor, c)) throw new AppError('NOT_FOUND', 'No such course');
  return c;
}

async function mustManage(db: DbOrTx, actor: Actor | null, id: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const c = await repo.findCourse(db, id);
  if (!c || !visible(actor, c)) throw new AppError('NOT_FOUND', 'No such course');
  return { course: c, actor: mustBeStaff(actor) };
}

// ---------------------------------------------------------------------------------------------------------
// Sessions and attendance (read from the events module)

type Session = { id: string; courseId: string; eventId: string; hours: number; ev: eventsRepo.EventRow };

/** Sessions of the courses, each with its event, in order of start. */
async function sessionsOf(db: DbOrTx, courseIds: string[]): Promise<Map<string, Session[]>> {
  const rows = await repo.sessionsOfCourses(db, courseIds);
  const evs =
    rows.length === 0
      ? []
      : await eventsRepo
          .selectEvents(db)
          .where(
            'e.id',
            'in',
            rows.map((r) => r.event_id),
          )
          .execute();
  const byId = new Map(evs.map((e) => [e.id, e]));
  const out = new Map<string, Session[]>(courseIds.map((id) => [id, []]));
  for (const r of rows) {
    const ev = byId.get(r.event_id);
    if (!ev) continue;
    out
      .get(r.course_id)
      ?.push({ id: r.id, courseId: r.course_id, eventId: r.event_id, hours: Number(r.hours), ev });
  }
  for (const list of out.values()) list.sort((a, b) => a.ev.starts_at.getTime() - b.ev.starts_at.getTime());
  return out;
}

const live = (sessions: Session[]) => sessions.filter((s) => s.ev.status !== 'cancelled');
const totalHours = (sessions: Session[]) => round2(live(sessions).reduce((n, s) => n + s.hours, 0));

/** event id → user id → registration status, for the people and sessions asked about. */
type AttendanceMap = Map<string, Map<string, { id: string; status: string }>>;

async function attendanceOf(db: DbOrTx, sessions: Session[], userIds: string[]): Promise<AttendanceMap> {
  const map: AttendanceMap = new Map();
  if (sessions.length === 0 || userIds.length === 0) return map;
  const rows = await eventsRepo
    .selectRegistrations(db)
    .where(
      'r.event_id',
      'in',
      sessions.map((s) => s.eventId),
    )
    .where('r.user_id', 'in', userIds)
    .execute();
  for (const r of rows) {
    if (!r.user_id) continue;
    const m = map.get(r.event_id) ?? new Map();
    const prev = m.get(r.user_id);
    // Keep the most telling registration if a person somehow has two (e.g. an email change).
    if (!prev || prev.status === 'cancelled') m.set(r.user_id, { id: r.id, status: r.status });
    map.set(r.event_id, m);
  }
  return map;
}

const attendanceOfStatus = (status: string | undefined): SessionAttendance =>
  status === 'attended' ? 'attended' : status === 'no_show' ? 'absent' : 'unmarked';

function progressOf(
  course: Pick<repo.CourseRow, 'completion_threshold'>,
  sessions: Session[],
  att: AttendanceMap,
  userId: string,
): Progress {
  const total = totalHours(sessions);
  let attended = 0;
  const out: Progress['sessions'] = [];
  for (const s of sessions) {
    const a = attendanceOfStatus(att.get(s.eventId)?.get(userId)?.status);
    if (a === 'attended' && s.ev.status !== 'cancelled') attended += s.hours;
    out.push({ sessionId: s.id, attendance: a });
  }
  attended = round2(attended);
  const share = total > 0 ? attended / total : 0;
  // A small epsilon: 5.25 / 7 must count as 0.75.
  const complete = total > 0 && share + 1e-9 >= Number(course.completion_threshold);
  return {
    attendedHours: attended,
    totalHours: total,
    share: round2(share * 100) / 100,
    complete,
    sessions: out,
  };
}

const modeFor = (format: string, preferred: string) =>
  format === 'online' ? 'online' : format === 'in_person' ? 'in_person' : preferred;

/** Registers an enrolled person to every live session event (no mail: the course mail covers it). */
async function registerToSessions(
  tx: Tx,
  en: Pick<
    repo.EnrolmentRow,
    | 'user_id'
    | 'email'
    | 'name'
    | 'locale'
    | 'mode'
    | 'organisation_id'
    | 'organisation_name'
    | 'region_code'
    | 'enrolled_by'
  >,
  sessions: Session[],
  now: Date,
): Promise<void> {
  for (const s of live(sessions)) {
    const existing = await eventsRepo.findRegistrationByEmail(tx, s.eventId, en.email);
    if (existing && existing.status !== 'cancelled') continue;
    const values: eventsRepo.RegistrationValues = {
      event_id: s.eventId,
      user_id: en.user_id,
      registered_by: en.enrolled_by,
      email: en.email,
      name: en.name,
      locale: en.locale,
      status: 'confirmed',
      mode: modeFor(s.ev.format, en.mode),
      organisation_id: en.organisation_id,
      organisation_name: en.organisation_name,
      region_code: en.region_code,
      answers: {},
      check_in_code: events.newCheckInCode(),
      manage_token: newToken(),
      confirm_token_hash: null,
      confirmed_at: now,
    };
    if (existing) await eventsRepo.reviveRegistration(tx, existing.id, values);
    else await eventsRepo.insertRegistration(tx, values);
  }
}

/** Frees the person's seats in sessions still to come; recorded attendance stays as it is. */
async function unregisterFromSessions(tx: Tx, email: string, sessions: Session[], now: Date): Promise<void> {
  for (const s of sessions) {
    if (s.ev.ends_at <= now) continue;
    const r = await eventsRepo.findRegistrationByEmail(tx, s.eventId, email);
    if (!r || !['confirmed', 'waitlisted', 'pending'].includes(r.status)) continue;
    await eventsRepo.setRegistrationStatus(tx, r.id, 'cancelled', { cancelled_at: now });
  }
}

// ---------------------------------------------------------------------------------------------------------
// DTOs

type Counts = Map<string, { enrolled: number; waitlisted: number; cancelled: number }>;

async function countsOf(db: DbOrTx, ids: string[]): Promise<Counts> {
  const m: Counts = new Map(ids.map((id) => [id, { enrolled: 0, waitlisted: 0, cancelled: 0 }]));
  for (const r of await repo.enrolmentCounts(db, ids)) {
    const e = m.get(r.course_id);
    if (e) e[r.status as EnrolmentStatus] = Number(r.n);
  }
  return m;
}

function toSession(s: Session, showLink: boolean): CourseSession {
  const ev = s.ev;
  return {
    id: s.id,
    eventId: s.eventId,
    title: ev.title,
    startsAt: ev.starts_at.toISOString(),
    endsAt: ev.ends_at.toISOString(),
    timeZone: ev.time_zone,
    hours: s.hours,
    format: ev.format as CourseFormat,
    venue: ev.venue_name
      ? {
          name: ev.venue_name,
          address: ev.venue_address,
          municipality: ev.municipality,
          provinceCode: ev.province_code,
          regionCode: ev.region_code,
        }
      : null,
    onlineUrl: showLink ? ev.online_url : null,
    cancelled: ev.status === 'cancelled',
  };
}

function toSummary(c: repo.CourseRow, sessions: Session[], counts: Counts): CourseSummary {
  const n = counts.get(c.id) ?? { enrolled: 0, waitlisted: 0, cancelled: 0 };
  const l = live(sessions);
  return {
    id: c.id,
    status: c.status as CourseStatus,
    title: c.title,
    description: c.description ?? {},
    audiences: c.audiences as CourseSummary['audiences'],
    format: c.format as CourseFormat,
    seats: c.seats,
    enrolled: n.enrolled,
    waitlisted: n.waitlisted,
    seatsLeft: c.seats === null ? null : Math.max(0, c.seats - n.enrolled),
    totalHours: totalHours(sessions),
    sessionCount: l.length,
    startsAt: l[0] ? l[0].ev.starts_at.toISOString() : null,
    endsAt: l.length
      ? (l.map((s) => s.ev.ends_at).sort((a, b) => b.getTime() - a.getTime())[0] as Date).toISOString()
      : null,
    enrolmentOpensAt: iso(c.enrolment_opens_at),
    enrolmentClosesAt: iso(c.enrolment_closes_at),
    completionThreshold: Number(c.completion_threshold),
  };
}

const pdfUrl = (code: string) => `/api/v1/certificates/${encodeURIComponent(code)}/certificate.pdf`;

function toCertificateInfo(c: repo.CertificateRow | undefined): CertificateInfo | null {
  if (!c) return null;
  return {
    code: c.code,
    issuedAt: c.issued_at.toISOString(),
    revokedAt: iso(c.revoked_at),
    pdfUrl: pdfUrl(c.code),
    verifyPath: COURSE_WEB_PATHS.certificate(c.code),
  };
}

async function toMyEnrolments(
  db: DbOrTx,
  course: repo.CourseRow,
  sessions: Session[],
  rows: repo.EnrolmentRow[],
): Promise<MyEnrolment[]> {
  const att = await attendanceOf(
    db,
    sessions,
    rows.map((r) => r.user_id),
  );
  const certs = new Map(
    (
      await repo.certificatesOfEnrolments(
        db,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.enrolment_id, c]),
  );
  const out: MyEnrolment[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      courseId: r.course_id,
      status: r.status as EnrolmentStatus,
      name: r.name,
      mode: r.mode as 'in_person' | 'online',
      organisationName: r.organisation_name,
      waitlistPosition: r.status === 'waitlisted' ? await repo.waitlistPosition(db, r.course_id, r.id) : null,
      progress: progressOf(course, sessions, att, r.user_id),
      certificate: toCertificateInfo(certs.get(r.id)),
      createdAt: r.created_at.toISOString(),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Courses

type Cursor = { createdAt: string; id: string };
function decodeCursor(s: string | undefined) {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (Number.isNaN(Date.parse(c.createdAt)) || !/^[0-9a-f-]{36}$/i.test(c.id)) throw new Error('bad');
    return { createdAt: new Date(c.createdAt), id: c.id };
  } catch {
    throw fieldError('cursor', 'invalid cursor');
  }
}

export async function listCourses(
  ctx: AppContext,
  actor: Actor | null,
  q: CourseListQuery,
  now = new Date(),
): Promise<CourseList> {
  let statuses: string[] = ['published'];
  if (q.status) {
    if (!isStaff(actor) && q.status !== 'published') {
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
      throw new AppError('FORBIDDEN', 'Only network staff list courses that are not published');
    }
    statuses = [q.status];
  } else if (isStaff(actor)) statuses = ['draft', 'published', 'cancelled'];
  // "upcoming"/"past" filter on the course's dates, which come from its sessions: fetch a few pages' worth.
  const want = q.limit + 1;
  const items: CourseSummary[] = [];
  let after = decodeCursor(q.cursor);
  let lastRow: repo.CourseRow | undefined;
  let more = false;
  for (let round = 0; round < 5 && items.length < want; round++) {
    const rows = await repo.listCourses(ctx.db, { statuses, after, limit: want * 2 });
    if (rows.length === 0) break;
    const ids = rows.map((r) => r.id);
    const [sessions, counts] = await Promise.all([sessionsOf(ctx.db, ids), countsOf(ctx.db, ids)]);
    for (const r of rows) {
      const s = toSummary(r, sessions.get(r.id) ?? [], counts);
      const ended = s.endsAt !== null && Date.parse(s.endsAt) < now.getTime();
      if ((q.when === 'upcoming' && ended) || (q.when === 'past' && !ended)) continue;
      if (items.length === want) {
        more = true;
        break;
      }
      items.push(s);
      lastRow = r;
    }
    if (more || rows.length < want * 2) break;
    const last = rows[rows.length - 1] as repo.CourseRow;
    after = { createdAt: last.created_at, id: last.id };
  }
  const page = items.slice(0, q.limit);
  if (items.length > q.limit) {
    more = true;
    const lastShown = page[page.length - 1];
    lastRow = lastShown ? ((await repo.findCourse(ctx.db, lastShown.id)) as repo.CourseRow) : undefined;
  }
  return {
    items: page,
    nextCursor:
      more && lastRow
        ? Buffer.from(
            JSON.stringify({ createdAt: lastRow.created_at.toISOString(), id: lastRow.id }),
          ).toString('base64url')
        : null,
  };
}

function enrolBlock(
  course: repo.CourseRow,
  sessions: Session[],
  now: Date,
): 'not_published' | 'not_open' | 'closed' | 'ended' | null {
  if (course.status !== 'published') return 'not_published';
  if (course.enrolment_opens_at && course.enrolment_opens_at > now) return 'not_open';
  if (course.enrolment_closes_at && course.enrolment_closes_at <= now) return 'closed';
  const l = live(sessions);
  if (l.length > 0 && l.every((s) => s.ev.ends_at <= now)) return 'ended';
  return null;
}

export async function getCourse(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  now = new Date(),
): Promise<CourseDetail> {
  const c = await mustSee(ctx.db, actor, id);
  const [sessions, counts, mine] = await Promise.all([
    sessionsOf(ctx.db, [id]),
    countsOf(ctx.db, [id]),
    actor ? repo.enrolmentsTouching(ctx.db, [id], actor.userId) : Promise.resolve([]),
  ]);
  const list = sessions.get(id) ?? [];
  const dtos = await toMyEnrolments(ctx.db, c, list, mine);
  const own = dtos.find((e, i) => mine[i]?.user_id === actor?.userId && e.status !== 'cancelled') ?? null;
  const colleagues = dtos.filter((e, i) => mine[i]?.user_id !== actor?.userId && e.status !== 'cancelled');
  let blocked: CourseDetail['viewer']['enrolBlocked'] = enrolBlock(c, list, now);
  if (!blocked && !actor) blocked = 'login';
  if (!blocked && own) blocked = 'already_enrolled';
  const showLink = isStaff(actor) || own?.status === 'enrolled';
  return {
    ...toSummary(c, list, counts),
    programme: c.programme ?? {},
    sessions: list.map((s) => toSession(s, showLink)),
    viewer: {
      canManage: isStaff(actor),
      canEnrol: blocked === null,
      enrolBlocked: blocked,
      enrolment: own,
      colleagueEnrolments: colleagues,
    },
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  };
}

function windowCheck(opens: Date | null, closes: Date | null) {
  if (opens && closes && closes <= opens)
    throw fieldError('enrolmentClosesAt', 'must be after enrolmentOpensAt');
}

export async function createCourse(
  ctx: AppContext,
  actor: Actor | null,
  body: CreateCourseBody,
): Promise<CourseDetail> {
  const a = mustBeStaff(actor);
  if (body.status === 'published') {
    throw fieldError('status', 'add the sessions first, then publish the course');
  }
  const opens = body.enrolmentOpensAt ? new Date(body.enrolmentOpensAt) : null;
  const closes = body.enrolmentClosesAt ? new Date(body.enrolmentClosesAt) : null;
  windowCheck(opens, closes);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertCourse(tx, {
      status: 'draft',
      title: body.title,
      description: body.description,
      programme: body.programme,
      audiences: [...new Set(body.audiences)],
      format: body.format,
      seats: body.seats,
      enrolment_opens_at: opens,
      enrolment_closes_at: closes,
      completion_threshold: body.completionThreshold,
      created_by: a.userId,
    });
    await addSearchWords(tx, ...Object.values(body.title), ...Object.values(body.description));
    await recordAudit(tx, {
      entityType: 'course',
      entityId: id,
      action: 'created',
      fromStatus: null,
      toStatus: 'draft',
      actorUserId: a.userId,
    });
    return id;
  });
  return getCourse(ctx, actor, id);
}

export async function updateCourse(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: UpdateCourseBody,
): Promise<CourseDetail> {
  const { course, actor: a } = await mustManage(ctx.db, actor, id);
  if (course.status === 'cancelled') throw new AppError('INVALID_STATE', 'A cancelled course cannot change');
  const opens =
    body.enrolmentOpensAt === undefined
      ? course.enrolment_opens_at
      : body.enrolmentOpensAt
        ? new Date(body.enrolmentOpensAt)
        : null;
  const closes =
    body.enrolmentClosesAt === undefined
      ? course.enrolment_closes_at
      : body.enrolmentClosesAt
        ? new Date(body.enrolmentClosesAt)
        : null;
  windowCheck(opens, closes);
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockCourse(tx, id);
    if (!locked) throw new AppError('NOT_FOUND', 'No such course');
    if (body.seats !== undefined && body.seats !== null) {
      const n = await repo.countEnrolled(tx, id);
      if (body.seats < n) {
        throw fieldError('seats', `${n} people are already enrolled: cancel enrolments first`);
      }
    }
    await repo.updateCourse(tx, id, {
      ...(body.title ? { title: body.title } : {}),
      ...(body.description ? { description: body.description } : {}),
      ...(body.programme ? { programme: body.programme } : {}),
      ...(body.audiences ? { audiences: [...new Set(body.audiences)] } : {}),
      ...(body.format ? { format: body.format } : {}),
      ...(body.seats !== undefined ? { seats: body.seats } : {}),
      ...(body.completionThreshold !== undefined ? { completion_threshold: body.completionThreshold } : {}),
      enrolment_opens_at: opens,
      enrolment_closes_at: closes,
    });
    await addSearchWords(tx, ...Object.values(body.title ?? {}), ...Object.values(body.description ?? {}));
    await recordAudit(tx, { entityType: 'course', entityId: id, action: 'updated', actorUserId: a.userId });
    // More seats let people in from the waitlist.
    const fresh = await repo.findCourse(tx, id);
    if (fresh) await fillSeats(tx, ctx.config, fresh, a.userId);
  });
  return getCourse(ctx, actor, id);
}

const TRANSITIONS: Record<CourseStatus, CourseStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['draft', 'cancelled'],
  cancelled: [],
};

export async function changeStatus(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  to: CourseStatus,
  note: string | undefined,
): Promise<CourseDetail> {
  const { course, actor: a } = await mustManage(ctx.db, actor, id);
  const from = course.status as CourseStatus;
  if (!TRANSITIONS[from].includes(to)) {
    throw new AppError('INVALID_STATE', `A course cannot go from ${from} to ${to}`, { from, to });
  }
  const sessions = (await sessionsOf(ctx.db, [id])).get(id) ?? [];
  if (to === 'published' && live(sessions).length === 0) {
    throw new AppError('INVALID_STATE', 'Add at least one session before publishing');
  }
  const now = new Date();
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockCourse(tx, id);
    if (!locked || locked.status !== from) throw new AppError('CONFLICT', 'The course changed meanwhile');
    if (to === 'draft') {
      const c = (await countsOf(tx, [id])).get(id);
      if (c && c.enrolled + c.waitlisted > 0) {
        throw new AppError('INVALID_STATE', 'People are enrolled: cancel the course instead');
      }
    }
    await repo.updateCourse(tx, id, { status: to });
    await recordAudit(tx, {
      entityType: 'course',
      entityId: id,
      action: 'status',
      fromStatus: from,
      toStatus: to,
      note: note ?? null,
      actorUserId: a.userId,
    });
    if (to === 'cancelled') {
      const rows = await repo.enrolmentsOfCourse(tx, id, { limit: 100_000 });
      for (const en of rows) {
        if (en.status === 'cancelled') continue;
        await repo.setEnrolmentStatus(tx, en.id, 'cancelled', { cancelled_at: now });
        await recordAudit(tx, {
          entityType: 'course_enrolment',
          entityId: en.id,
          action: 'cancelled',
          fromStatus: en.status,
          toStatus: 'cancelled',
          note: 'course cancelled',
          actorUserId: a.userId,
        });
        await unregisterFromSessions(tx, en.email, sessions, now);
        const m = mails.cancelledMail(en.locale, {
          ...mailCommon(ctx.config, locked, en.name),
          byCourse: true,
          note: note ?? null,
        });
        await enqueueMail(tx, {
          to: en.email,
          ...m,
          locale: en.locale,
          template: 'trainings.course_cancelled',
        });
      }
    }
  });
  if (to === 'cancelled') {
    // The sessions leave the calendar too; their registrations are already cancelled, so no second mail.
    for (const s of live(sessions)) await events.changeStatus(ctx, actor, s.eventId, 'cancelled', note);
  }
  return getCourse(ctx, actor, id);
}

export async function courseAudit(ctx: AppContext, actor: Actor | null, id: string): Promise<AuditList> {
  await mustManage(ctx.db, actor, id);
  return { items: await auditEntries(ctx.db, [{ entityType: 'course', entityId: id }]) };
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

export async function listSessions(ctx: AppContext, actor: Actor | null, id: string) {
  const c = await mustSee(ctx.db, actor, id);
  const sessions = (await sessionsOf(ctx.db, [id])).get(id) ?? [];
  let showLink = isStaff(actor);
  if (!showLink && actor)
    showLink = (await repo.findEnrolmentOfUser(ctx.db, c.id, actor.userId))?.status === 'enrolled';
  return { items: sessions.map((s) => toSession(s, showLink)) };
}

function eventFields(body: SessionBody | UpdateSessionBody) {
  return {
    ...(body.startsAt !== undefined ? { startsAt: body.startsAt } : {}),
    ...(body.endsAt !== undefined ? { endsAt: body.endsAt } : {}),
    ...(body.timeZone !== undefined ? { timeZone: body.timeZone } : {}),
    ...(body.format !== undefined ? { format: body.format } : {}),
    ...(body.venue !== undefined ? { venue: body.venue } : {}),
    ...(body.onlineUrl !== undefined ? { onlineUrl: body.onlineUrl } : {}),
  };
}

export async function addSession(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  body: SessionBody,
): Promise<CourseSession> {
  const { course, actor: a } = await mustManage(ctx.db, actor, courseId);
  if (course.status === 'cancelled') throw new AppError('INVALID_STATE', 'A cancelled course cannot change');
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
    throw fieldError('endsAt', 'must be after startsAt');
  const span = (Date.parse(body.endsAt) - Date.parse(body.startsAt)) / 3_600_000;
  if (body.hours > span + 1e-9) throw fieldError('hours', 'cannot exceed the length of the session');
  // The session is an event of the calendar: created by the events module, visible to staff and the enrolled.
  const ev = await events.createEvent(ctx, a, {
    kind: 'training_session',
    title: body.title && (body.title.it ?? '').trim() ? body.title : course.title,
    description: course.description ?? {},
    audience: 'invitation',
    invitedEmails: [],
    status: 'published',
    questions: [],
    ...eventFields(body),
    format: body.format,
    startsAt: body.startsAt,
    endsAt: body.endsAt,
    timeZone: body.timeZone,
  });
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const locked = await repo.lockCourse(tx, courseId);
      if (!locked) throw new AppError('NOT_FOUND', 'No such course');
      await repo.insertSession(tx, courseId, ev.id, body.hours);
      await recordAudit(tx, {
        entityType: 'course',
        entityId: courseId,
        action: 'session_added',
        note: ev.id,
        actorUserId: a.userId,
      });
      // People already enrolled get a seat in the new session too.
      const sessions = (await sessionsOf(tx, [courseId])).get(courseId) ?? [];
      const added = sessions.filter((s) => s.eventId === ev.id);
      const now = new Date();
      for (const en of await repo.enrolmentsOfCourse(tx, courseId, { status: 'enrolled', limit: 100_000 })) {
        await registerToSessions(tx, en, added, now);
      }
    });
  } catch (err) {
    await events.changeStatus(ctx, a, ev.id, 'cancelled', undefined).catch(() => undefined);
    throw err;
  }
  const sessions = (await sessionsOf(ctx.db, [courseId])).get(courseId) ?? [];
  return toSession(sessions.find((s) => s.eventId === ev.id) as Session, true);
}

async function mustSession(ctx: AppContext, actor: Actor | null, courseId: string, sessionId: string) {
  const { course, actor: a } = await mustManage(ctx.db, actor, courseId);
  const row = await repo.findSession(ctx.db, courseId, sessionId);
  if (!row) throw new AppError('NOT_FOUND', 'No such session');
  const sessions = (await sessionsOf(ctx.db, [courseId])).get(courseId) ?? [];
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'No such session');
  return { course, actor: a, session, sessions };
}

export async function updateSession(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  sessionId: string,
  body: UpdateSessionBody,
): Promise<CourseSession> {
  const { course, actor: a, session } = await mustSession(ctx, actor, courseId, sessionId);
  if (course.status === 'cancelled') throw new AppError('INVALID_STATE', 'A cancelled course cannot change');
  const starts = body.startsAt ? Date.parse(body.startsAt) : session.ev.starts_at.getTime();
  const ends = body.endsAt ? Date.parse(body.endsAt) : session.ev.ends_at.getTime();
  if (ends <= starts) throw fieldError('endsAt', 'must be after startsAt');
  const hours = body.hours ?? session.hours;
  if (hours > (ends - starts) / 3_600_000 + 1e-9)
    throw fieldError('hours', 'cannot exceed the length of the session');
  const fields = eventFields(body);
  if (Object.keys(fields).length > 0 || body.title) {
    await events.updateEvent(ctx, a, session.eventId, {
      ...fields,
      ...(body.title ? { title: body.title } : {}),
    });
  }
  if (body.hours !== undefined && body.hours !== session.hours) {
    await ctx.db.transaction().execute(async (tx) => {
      await repo.updateSessionHours(tx, sessionId, body.hours as number);
      await recordAudit(tx, {
        entityType: 'course',
        entityId: courseId,
        action: 'session_hours',
        fromStatus: String(session.hours),
        toStatus: String(body.hours),
        actorUserId: a.userId,
      });
    });
  }
  const sessions = (await sessionsOf(ctx.db, [courseId])).get(courseId) ?? [];
  return toSession(sessions.find((s) => s.id === sessionId) as Session, true);
}

export async function removeSession(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  sessionId: string,
): Promise<void> {
  const { actor: a, session } = await mustSession(ctx, actor, courseId, sessionId);
  const regs = await eventsRepo.statusCounts(ctx.db, session.eventId);
  if (regs.some((r) => (r.status === 'attended' || r.status === 'no_show') && Number(r.n) > 0)) {
    throw new AppError('INVALID_STATE', 'Attendance is recorded for this session: it cannot be removed');
  }
  await ctx.db.transaction().execute(async (tx) => {
    await repo.lockCourse(tx, courseId);
    await repo.deleteSession(tx, sessionId);
    await recordAudit(tx, {
      entityType: 'course',
      entityId: courseId,
      action: 'session_removed',
      note: session.eventId,
      actorUserId: a.userId,
    });
  });
  // The events module tells the registered people the session is cancelled.
  if (session.ev.status !== 'cancelled') {
    await events.changeStatus(ctx, a, session.eventId, 'cancelled', undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Enrolment

function mailCommon(config: Config, c: repo.CourseRow, name: string) {
  return {
    name,
    networkName: config.networkName,
    title: c.title,
    link: `${config.publicUrl}${COURSE_WEB_PATHS.course(c.id)}`,
  };
}

function sessionLines(sessions: Session[], locale: string): string[] {
  const tag = locale === 'en' ? 'en-GB' : locale === 'ar' ? 'ar' : 'it-IT';
  return live(sessions).map((s) => {
    const f = new Intl.DateTimeFormat(tag, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: s.ev.time_zone,
    });
    const place = s.ev.format === 'online' ? 'online' : (s.ev.venue_name ?? '');
    return `${f.format(s.ev.starts_at)} (${s.ev.time_zone}), ${s.hours} h – ${place}`;
  });
}

async function mailEnrolment(
  tx: Tx,
  config: Config,
  c: repo.CourseRow,
  sessions: Session[],
  en: repo.EnrolmentRow,
  promoted: boolean,
) {
  if (en.status === 'enrolled') {
    const m = mails.enrolledMail(en.locale, {
      ...mailCommon(config, c, en.name),
      promoted,
      sessions: sessionLines(sessions, en.locale),
    });
    await enqueueMail(tx, {
      to: en.email,
      ...m,
      locale: en.locale,
      template: promoted ? 'trainings.promoted' : 'trainings.enrolled',
    });
  } else if (en.status === 'waitlisted') {
    const m = mails.waitlistedMail(en.locale, {
      ...mailCommon(config, c, en.name),
      position: await repo.waitlistPosition(tx, c.id, en.id),
    });
    await enqueueMail(tx, { to: en.email, ...m, locale: en.locale, template: 'trainings.waitlisted' });
  }
}

/** Moves the first waitlisted people into free seats; the caller holds the course lock. */
async function fillSeats(
  tx: Tx,
  config: Config,
  c: repo.CourseRow,
  actorUserId: string | null,
): Promise<number> {
  if (c.status !== 'published') return 0;
  const sessions = (await sessionsOf(tx, [c.id])).get(c.id) ?? [];
  const now = new Date();
  if (enrolBlock({ ...c, enrolment_closes_at: null, enrolment_opens_at: null }, sessions, now) === 'ended')
    return 0;
  const free = c.seats === null ? 10_000 : c.seats - (await repo.countEnrolled(tx, c.id));
  if (free <= 0) return 0;
  let promoted = 0;
  for (const w of await repo.firstWaitlisted(tx, c.id, free)) {
    await repo.setEnrolmentStatus(tx, w.id, 'enrolled', { enrolled_at: now });
    await recordAudit(tx, {
      entityType: 'course_enrolment',
      entityId: w.id,
      action: 'promoted',
      fromStatus: 'waitlisted',
      toStatus: 'enrolled',
      actorUserId,
    });
    const en = (await repo.findEnrolment(tx, w.id)) as repo.EnrolmentRow;
    await registerToSessions(tx, en, sessions, now);
    await mailEnrolment(tx, config, c, sessions, en, true);
    promoted++;
  }
  return promoted;
}

async function personFor(ctx: AppContext, actor: Actor, body: EnrolBody) {
  let userId = actor.userId;
  if (body.forUserId && body.forUserId !== actor.userId) {
    // A colleague: someone who shares a member organisation with the actor (staff may enrol anyone).
    const staff = isStaff(actor as Actor | null);
    if (!staff) {
      const mine = await eventsRepo.membershipsOf(ctx.db, actor.userId);
      const theirs = await eventsRepo.membershipsOf(ctx.db, body.forUserId);
      const shared = theirs.filter(
        (t) => t.status === 'member' && mine.some((m) => m.id === t.id && m.status === 'member'),
      );
      if (shared.length === 0) {
        throw fieldError('forUserId', 'you can enrol only colleagues of your organisations', 'FORBIDDEN');
      }
    }
    userId = body.forUserId;
  }
  const user = await repo.findUser(ctx.db, userId);
  if (!user) throw fieldError('forUserId', 'unknown person');
  const ms = (await eventsRepo.membershipsOf(ctx.db, user.id)).filter((m) => m.status === 'member');
  let org = ms[0];
  if (body.organisationId) {
    org = ms.find((m) => m.id === body.organisationId);
    if (!org) throw fieldError('organisationId', 'not an organisation of this person');
  }
  return { user, org };
}

export async function enrol(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  body: EnrolBody,
  now = new Date(),
): Promise<MyEnrolment> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const course = await mustSee(ctx.db, actor, courseId);
  if (course.format !== 'hybrid' && body.mode && body.mode !== course.format) {
    throw fieldError('mode', `this course is ${course.format}`);
  }
  const { user, org } = await personFor(ctx, actor, body);
  const mode = course.format === 'hybrid' ? (body.mode ?? 'in_person') : course.format;
  const id = await ctx.db.transaction().execute(async (tx) => {
    // The lock serialises every seat decision on this course, across processes.
    const locked = await repo.lockCourse(tx, courseId);
    if (!locked) throw new AppError('NOT_FOUND', 'No such course');
    const sessions = (await sessionsOf(tx, [courseId])).get(courseId) ?? [];
    const block = enrolBlock(locked, sessions, now);
    if (block)
      throw new AppError('REGISTRATION_CLOSED', `Enrolment is not possible: ${block}`, { reason: block });
    const existing = await repo.findEnrolmentOfUser(tx, courseId, user.id);
    if (existing && existing.status !== 'cancelled') {
      throw new AppError('ALREADY_REGISTERED', 'This person is already enrolled', {
        status: existing.status,
      });
    }
    const full = locked.seats !== null && (await repo.countEnrolled(tx, courseId)) >= locked.seats;
    const status = full ? 'waitlisted' : 'enrolled';
    const values: repo.EnrolmentValues = {
      course_id: courseId,
      user_id: user.id,
      enrolled_by: actor.userId !== user.id ? actor.userId : null,
      status,
      mode,
      organisation_id: org?.id ?? null,
      organisation_name: org?.name ?? null,
      region_code: org?.region_code ?? null,
      enrolled_at: status === 'enrolled' ? now : null,
    };
    let id: string;
    if (existing) {
      id = existing.id;
      await repo.reviveEnrolment(tx, id, values);
    } else {
      id = await repo.insertEnrolment(tx, values);
    }
    await recordAudit(tx, {
      entityType: 'course_enrolment',
      entityId: id,
      action: 'enrolled',
      fromStatus: existing ? 'cancelled' : null,
      toStatus: status,
      actorUserId: actor.userId,
    });
    const en = (await repo.findEnrolment(tx, id)) as repo.EnrolmentRow;
    if (status === 'enrolled') await registerToSessions(tx, en, sessions, now);
    await mailEnrolment(tx, ctx.config, locked, sessions, en, false);
    return id;
  });
  return myEnrolment(ctx, course, id);
}

async function myEnrolment(ctx: AppContext, course: repo.CourseRow, id: string): Promise<MyEnrolment> {
  const en = await repo.findEnrolment(ctx.db, id);
  if (!en) throw new AppError('NOT_FOUND', 'No such enrolment');
  const sessions = (await sessionsOf(ctx.db, [course.id])).get(course.id) ?? [];
  return (await toMyEnrolments(ctx.db, course, sessions, [en]))[0] as MyEnrolment;
}

export async function cancelEnrolment(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  enrolmentId: string,
): Promise<MyEnrolment> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const course = await mustSee(ctx.db, actor, courseId);
  const pre = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!pre || pre.course_id !== courseId) throw new AppError('NOT_FOUND', 'No such enrolment');
  if (pre.user_id !== actor.userId && pre.enrolled_by !== actor.userId && !isStaff(actor)) {
    throw new AppError('FORBIDDEN', 'Only the person, who enrolled them, or staff cancel an enrolment');
  }
  const now = new Date();
  await ctx.db.transaction().execute(async (tx) => {
    const locked = await repo.lockCourse(tx, courseId);
    const en = await repo.findEnrolment(tx, enrolmentId);
    if (!locked || !en) throw new AppError('NOT_FOUND', 'No such enrolment');
    if (en.status === 'cancelled') return;
    await repo.setEnrolmentStatus(tx, en.id, 'cancelled', { cancelled_at: now });
    await recordAudit(tx, {
      entityType: 'course_enrolment',
      entityId: en.id,
      action: 'cancelled',
      fromStatus: en.status,
      toStatus: 'cancelled',
      actorUserId: actor.userId,
    });
    const sessions = (await sessionsOf(tx, [courseId])).get(courseId) ?? [];
    await unregisterFromSessions(tx, en.email, sessions, now);
    const m = mails.cancelledMail(en.locale, {
      ...mailCommon(ctx.config, locked, en.name),
      byCourse: false,
      note: null,
    });
    await enqueueMail(tx, {
      to: en.email,
      ...m,
      locale: en.locale,
      template: 'trainings.enrolment_cancelled',
    });
    if (en.status === 'enrolled') await fillSeats(tx, ctx.config, locked, actor.userId);
  });
  return myEnrolment(ctx, course, enrolmentId);
}

// ---------------------------------------------------------------------------------------------------------
// Staff: enrolment list, attendance, completion, exports

async function staffRows(
  ctx: AppContext,
  course: repo.CourseRow,
  q: EnrolmentListQuery & { limit?: number },
) {
  const sessions = (await sessionsOf(ctx.db, [course.id])).get(course.id) ?? [];
  const rows = await repo.enrolmentsOfCourse(ctx.db, course.id, {
    status: q.status,
    q: q.q,
    limit: q.limit ?? 2000,
  });
  const [att, certs] = await Promise.all([
    attendanceOf(
      ctx.db,
      sessions,
      rows.map((r) => r.user_id),
    ),
    repo.certificatesOfEnrolments(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const certOf = new Map(certs.map((c) => [c.enrolment_id, c]));
  const items: EnrolmentRowDto[] = rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    status: r.status as EnrolmentStatus,
    mode: r.mode as 'in_person' | 'online',
    organisationName: r.organisation_name,
    regionName: r.region_name,
    progress: progressOf(course, sessions, att, r.user_id),
    certificate: toCertificateInfo(certOf.get(r.id)),
    createdAt: r.created_at.toISOString(),
  }));
  return { sessions, rows, items };
}

export async function listEnrolments(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  q: EnrolmentListQuery,
): Promise<EnrolmentList> {
  const { course } = await mustManage(ctx.db, actor, courseId);
  const [{ sessions, items }, counts] = await Promise.all([
    staffRows(ctx, course, q),
    countsOf(ctx.db, [courseId]),
  ]);
  return {
    sessions: sessions.map((s) => toSession(s, true)),
    items,
    counts: counts.get(courseId) ?? { enrolled: 0, waitlisted: 0, cancelled: 0 },
  };
}

const TO_EVENT_STATUS = { attended: 'attended', absent: 'no_show', unmarked: 'confirmed' } as const;

export async function setAttendance(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  sessionId: string,
  enrolmentId: string,
  attendance: SessionAttendance,
): Promise<EnrolmentRowDto> {
  const { course, actor: a, session } = await mustSession(ctx, actor, courseId, sessionId);
  const en = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!en || en.course_id !== courseId) throw new AppError('NOT_FOUND', 'No such enrolment');
  if (en.status !== 'enrolled') {
    throw new AppError('INVALID_STATE', `A ${en.status} person has no seat to mark`, { status: en.status });
  }
  if (session.ev.status === 'cancelled') throw new AppError('INVALID_STATE', 'This session is cancelled');
  let reg = await eventsRepo.findRegistrationByEmail(ctx.db, session.eventId, en.email);
  if (!reg || reg.status === 'cancelled') {
    // E.g. the person was enrolled before an earlier failure: give them their seat now.
    await ctx.db.transaction().execute(async (tx) => {
      await repo.lockCourse(tx, courseId);
      await registerToSessions(tx, en, [session], new Date());
    });
    reg = await eventsRepo.findRegistrationByEmail(ctx.db, session.eventId, en.email);
  }
  if (!reg) throw new AppError('NOT_FOUND', 'No such registration');
  // The events module records attendance (and its audit): the same path as a check-in at the door.
  await events.setAttendance(ctx, a, session.eventId, reg.id, { status: TO_EVENT_STATUS[attendance] });
  const { items } = await staffRows(ctx, course, {});
  const row = items.find((r) => r.id === enrolmentId);
  if (!row) throw new AppError('NOT_FOUND', 'No such enrolment');
  return row;
}

function ratio(a: number, b: number) {
  return b > 0 ? Math.round((a / b) * 1000) / 1000 : 0;
}

export async function completion(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
): Promise<CourseCompletion> {
  const { course } = await mustManage(ctx.db, actor, courseId);
  const { sessions, rows, items } = await staffRows(ctx, course, { status: 'enrolled' });
  const byOrg = new Map<string, { name: string; enrolled: number; completed: number }>();
  const byRegion = new Map<string, { name: string; enrolled: number; completed: number }>();
  let completed = 0;
  let hours = 0;
  let certificates = 0;
  items.forEach((it, i) => {
    const r = rows[i] as repo.EnrolmentRow;
    const done = it.progress.complete ? 1 : 0;
    completed += done;
    hours += it.progress.attendedHours;
    if (it.certificate && !it.certificate.revokedAt) certificates++;
    const ok = r.organisation_id ?? '-';
    const o = byOrg.get(ok) ?? { name: r.organisation_name ?? '', enrolled: 0, completed: 0 };
    o.enrolled++;
    o.completed += done;
    byOrg.set(ok, o);
    const rk = r.region_code ?? '-';
    const g = byRegion.get(rk) ?? { name: r.region_name ?? '', enrolled: 0, completed: 0 };
    g.enrolled++;
    g.completed += done;
    byRegion.set(rk, g);
  });
  const groups = (m: typeof byOrg) =>
    [...m.entries()]
      .map(([key, v]) => ({
        key,
        name: v.name,
        enrolled: v.enrolled,
        completed: v.completed,
        rate: ratio(v.completed, v.enrolled),
      }))
      .sort((a, b) => b.enrolled - a.enrolled || a.name.localeCompare(b.name));
  return {
    totalHours: totalHours(sessions),
    threshold: Number(course.completion_threshold),
    enrolled: items.length,
    completed,
    rate: ratio(completed, items.length),
    certificates,
    averageHours: items.length ? round2(hours / items.length) : 0,
    byOrganisation: groups(byOrg),
    byRegion: groups(byRegion),
  };
}

export async function enrolmentsForExport(ctx: AppContext, actor: Actor | null, courseId: string) {
  const { course } = await mustManage(ctx.db, actor, courseId);
  const { sessions, items } = await staffRows(ctx, course, {});
  return { course, sessions: sessions.map((s) => toSession(s, true)), items };
}

export async function myCourses(ctx: AppContext, actor: Actor | null): Promise<MyCourseList> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const rows = await repo.enrolmentsOfUser(ctx.db, actor.userId);
  const ids = [...new Set(rows.map((r) => r.course_id))];
  if (ids.length === 0) return { items: [] };
  const [courses, sessions, counts] = await Promise.all([
    Promise.all(ids.map((id) => repo.findCourse(ctx.db, id))),
    sessionsOf(ctx.db, ids),
    countsOf(ctx.db, ids),
  ]);
  const out: MyCourseList['items'] = [];
  for (const r of rows) {
    const c = courses.find((x) => x?.id === r.course_id);
    if (!c || c.status === 'draft') continue;
    const list = sessions.get(c.id) ?? [];
    const [en] = await toMyEnrolments(ctx.db, c, list, [r]);
    out.push({ course: toSummary(c, list, counts), enrolment: en as MyEnrolment });
  }
  return { items: out };
}

// ---------------------------------------------------------------------------------------------------------
// Certificates

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** "TRM-XXXX-XXXX-XXXX": 60 random bits, readable aloud, easy to type into the verification page. */
export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b & 31];
  return `TRM-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

export async function issueCertificate(
  ctx: AppContext,
  actor: Actor | null,
  courseId: string,
  enrolmentId: string,
): Promise<{ certificate: CertificateInfo; created: boolean }> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const course = await mustSee(ctx.db, actor, courseId);
  const en = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!en || en.course_id !== courseId) throw new AppError('NOT_FOUND', 'No such enrolment');
  if (en.user_id !== actor.userId && !isStaff(actor)) {
    throw new AppError('FORBIDDEN', 'Only the person and network staff obtain a certificate');
  }
  const [existing] = await repo.certificatesOfEnrolments(ctx.db, [en.id]);
  if (existing) {
    if (existing.revoked_at) throw new AppError('INVALID_STATE', 'This certificate was revoked');
    return { certificate: toCertificateInfo(existing) as CertificateInfo, created: false };
  }
  if (en.status !== 'enrolled')
    throw new AppError('INVALID_STATE', 'Only enrolled people obtain a certificate');
  const sessions = (await sessionsOf(ctx.db, [courseId])).get(courseId) ?? [];
  const att = await attendanceOf(ctx.db, sessions, [en.user_id]);
  const p = progressOf(course, sessions, att, en.user_id);
  if (!p.complete) {
    throw new AppError('INVALID_STATE', 'The course is not completed yet', {
      attendedHours: p.attendedHours,
      totalHours: p.totalHours,
      threshold: Number(course.completion_threshold),
    });
  }
  const attendedSessions = live(sessions).filter(
    (s) => att.get(s.eventId)?.get(en.user_id)?.status === 'attended',
  );
  const first = attendedSessions[0]?.ev ?? null;
  const last = attendedSessions[attendedSessions.length - 1]?.ev ?? null;
  await ctx.db.transaction().execute(async (tx) => {
    const code = newCertificateCode();
    await repo.insertCertificate(tx, {
      code,
      enrolment_id: en.id,
      course_id: courseId,
      user_id: en.user_id,
      holder_name: en.name,
      course_title: course.title,
      hours_attended: p.attendedHours,
      total_hours: p.totalHours,
      first_session_at: first?.starts_at ?? null,
      last_session_at: last?.starts_at ?? null,
      time_zone: first?.time_zone ?? 'Europe/Rome',
      issued_by: actor.userId,
    });
    await recordAudit(tx, {
      entityType: 'course_certificate',
      entityId: en.id,
      action: 'issued',
      fromStatus: null,
      toStatus: 'valid',
      note: code,
      actorUserId: actor.userId,
    });
  });
  const [cert] = await repo.certificatesOfEnrolments(ctx.db, [en.id]);
  return { certificate: toCertificateInfo(cert) as CertificateInfo, created: true };
}

function toVerification(config: Config, c: repo.CertificateRow): CertificateVerification {
  return {
    code: c.code,
    status: c.revoked_at ? 'revoked' : 'valid',
    holderName: c.holder_name,
    courseTitle: c.course_title,
    courseId: c.course_id,
    hoursAttended: Number(c.hours_attended),
    totalHours: Number(c.total_hours),
    firstSessionAt: iso(c.first_session_at),
    lastSessionAt: iso(c.last_session_at),
    issuedAt: c.issued_at.toISOString(),
    revokedAt: iso(c.revoked_at),
    networkName: config.networkName,
  };
}

const normaliseCode = (code: string) => code.trim().toUpperCase();

export async function verifyCertificate(ctx: AppContext, code: string): Promise<CertificateVerification> {
  const c = await repo.findCertificateByCode(ctx.db, normaliseCode(code));
  if (!c) throw new AppError('NOT_FOUND', 'No certificate has this code');
  return toVerification(ctx.config, c);
}

export async function certificatePdf(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  lang: Locale | undefined,
  opts: { compress?: boolean } = {},
): Promise<{ pdf: Buffer; filename: string }> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const c = await repo.findCertificateByCode(ctx.db, normaliseCode(code));
  if (!c) throw new AppError('NOT_FOUND', 'No certificate has this code');
  if (c.user_id !== actor.userId && !isStaff(actor)) {
    throw new AppError('FORBIDDEN', 'Only the holder and network staff download the certificate');
  }
  const holder = await repo.findUser(ctx.db, c.user_id);
  const locale: Locale = lang ?? ((holder?.locale as Locale | undefined) || 'it');
  const pdf = await renderCertificate(
    {
      locale,
      holderName: c.holder_name,
      courseTitle: mails.titleIn(c.course_title, locale),
      hoursAttended: Number(c.hours_attended),
      totalHours: Number(c.total_hours),
      firstSessionAt: c.first_session_at,
      lastSessionAt: c.last_session_at,
      timeZone: c.time_zone,
      issuedAt: c.issued_at,
      networkName: ctx.config.networkName,
      code: c.code,
      verifyUrl: `${ctx.config.publicUrl}${COURSE_WEB_PATHS.certificate(c.code)}`,
      revoked: c.revoked_at !== null,
    },
    opts,
  );
  return { pdf, filename: `certificate-${c.code}.pdf` };
}

export async function revokeCertificate(
  ctx: AppContext,
  actor: Actor | null,
  code: string,
  reason: string,
): Promise<CertificateVerification> {
  const a = mustBeStaff(actor);
  await ctx.db.transaction().execute(async (tx) => {
    const c = await repo.findCertificateByCode(tx, normaliseCode(code));
    if (!c) throw new AppError('NOT_FOUND', 'No certificate has this code');
    if (c.revoked_at) throw new AppError('INVALID_STATE', 'This certificate is already revoked');
    await repo.revokeCertificate(tx, c.id, a.userId, reason);
    await recordAudit(tx, {
      entityType: 'course_certificate',
      entityId: c.enrolment_id,
      action: 'revoked',
      fromStatus: 'valid',
      toStatus: 'revoked',
      note: reason,
      actorUserId: a.userId,
    });
  });
  return verifyCertificate(ctx, code);
}

/** The one search across Trama: published courses (staff also drafts and cancelled ones), best first. */
export async function searchForUnifiedSearch(
  db: DbOrTx,
  actor: Actor | null,
  q: string,
  limit: number,
): Promise<import('../../../shared/search.js').UnifiedSlice> {
  const statuses = isStaff(actor) ? ['draft', 'published', 'cancelled'] : ['published'];
  const rows = await repo.searchCourses(db, statuses, q, limit);
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      ref: r.id,
      title: r.title,
      text: r.description,
      meta: r.format,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Completion notices (hourly job)

const COMPLETION_WINDOW_DAYS = 60;

const completedText =
  (title: Record<string, string>) =>
  (l: Locale): NotificationText => {
    const t = title[l]?.trim() || title.it?.trim() || '';
    return {
      it: {
        title: `Hai completato il corso «${t}»`,
        body: 'Puoi scaricare l’attestato dalla pagina del corso.',
      },
      en: {
        title: `You completed the course “${t}”`,
        body: 'You can download the certificate from the course page.',
      },
      ar: { title: `لقد أكملت الدورة «${t}»`, body: 'يمكنك تنزيل الشهادة من صفحة الدورة.' },
    }[l];
  };

/**
 * Tells each enrolled person once, in the app and by mail as they chose, that they completed a course:
 * attendance is marked at check-in in the events module, so completion is found here rather than there.
 * Returns how many people were told.
 */
export async function notifyCompletions(tx: DbOrTx): Promise<number> {
  let told = 0;
  for (const courseId of await repo.coursesAwaitingCompletionNotice(tx, COMPLETION_WINDOW_DAYS, 50)) {
    const course = await repo.findCourse(tx, courseId);
    if (!course) continue;
    const enrolments = await repo.enrolmentsAwaitingCompletionNotice(tx, courseId);
    const sessions = (await sessionsOf(tx, [courseId])).get(courseId) ?? [];
    const att = await attendanceOf(
      tx,
      sessions,
      enrolments.map((e) => e.user_id),
    );
    const done = enrolments.filter((e) => progressOf(course, sessions, att, e.user_id).complete);
    const userIds = await repo.markCompletionNotified(
      tx,
      done.map((e) => e.id),
    );
    if (userIds.length === 0) continue;
    told += await notify(tx, {
      userIds,
      kind: 'trainings.completed',
      link: `/courses/${courseId}`,
      text: completedText(course.title ?? {}),
    });
  }
  return told;
}
