// Kysely access to courses, course sessions, enrolments and certificates. Session events and their
// registrations belong to the events module and are read through its repository (see the service).
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database.js';

// ---------------------------------------------------------------------------------------------------------
// Courses

export function selectCourses(db: DbOrTx) {
  return db
    .selectFrom('courses as c')
    .select([
      'c.id',
      'c.status',
      'c.title',
      'c.description',
      'c.programme',
      'c.audiences',
      'c.format',
      'c.seats',
      'c.enrolment_opens_at',
      'c.enrolment_closes_at',
      'c.completion_threshold',
      'c.created_by',
      'c.created_at',
      'c.updated_at',
    ]);
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof selectCourses>['executeTakeFirstOrThrow']>>;

export const findCourse = (db: DbOrTx, id: string) =>
  selectCourses(db).where('c.id', '=', id).executeTakeFirst();

/** Every seat decision on a course goes through this lock, so two processes never oversell. */
export async function lockCourse(tx: Tx, id: string): Promise<CourseRow | undefined> {
  const locked = await tx
    .selectFrom('courses')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) return undefined;
  return findCourse(tx, id);
}

export type CourseValues = {
  status: string;
  title: Record<string, string>;
  description: Record<string, string>;
  programme: Record<string, string>;
  audiences: string[];
  format: string;
  seats: number | null;
  enrolment_opens_at: Date | null;
  enrolment_closes_at: Date | null;
  completion_threshold: number;
  created_by: string | null;
};

const jsonOf = (v: Partial<CourseValues>) => ({
  ...v,
  ...(v.title ? { title: JSON.stringify(v.title) } : {}),
  ...(v.description ? { description: JSON.stringify(v.description) } : {}),
  ...(v.programme ? { programme: JSON.stringify(v.programme) } : {}),
});

export async function insertCourse(db: DbOrTx, v: CourseValues): Promise<string> {
  const r = await db
    .insertInto('courses')
    .values(jsonOf(v) as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCourse(db: DbOrTx, id: string, v: Partial<CourseValues>): Promise<void> {
  await db
    .updateTable('courses')
    .set({ ...(jsonOf(v) as object), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function listCourses(
  db: DbOrTx,
  f: { statuses: string[]; after?: { createdAt: Date; id: string } | undefined; limit: number },
) {
  let q = selectCourses(db).where('c.status', 'in', f.statuses);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where(sql<boolean>`(c.created_at, c.id) < (${createdAt}, ${id}::uuid)`);
  }
  return q.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

export async function sessionsOfCourses(db: DbOrTx, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_sessions')
    .select(['id', 'course_id', 'event_id', 'hours'])
    .where('course_id', 'in', courseIds)
    .execute();
}

export async function findSession(db: DbOrTx, courseId: string, id: string) {
  return db
    .selectFrom('course_sessions')
    .select(['id', 'course_id', 'event_id', 'hours'])
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSession(db: DbOrTx, courseId: string, eventId: string, hours: number) {
  const r = await db
    .insertInto('course_sessions')
    .values({ course_id: courseId, event_id: eventId, hours })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSessionHours(db: DbOrTx, id: string, hours: number): Promise<void> {
  await db
    .updateTable('course_sessions')
    .set({ hours, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('course_sessions').where('id', '=', id).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Enrolments

export function selectEnrolments(db: DbOrTx) {
  return db
    .selectFrom('course_enrolments as en')
    .innerJoin('users as u', 'u.id', 'en.user_id')
    .leftJoin('organisations as o', 'o.id', 'en.organisation_id')
    .leftJoin('regions as rg', (j) => j.on(sql`rg.code`, '=', sql`coalesce(en.region_code, o.region_code)`))
    .select([
      'en.id',
      'en.course_id',
      'en.user_id',
      'en.enrolled_by',
      'en.status',
      'en.mode',
      'en.organisation_id',
      sql<string | null>`coalesce(o.name, en.organisation_name)`.as('organisation_name'),
      'rg.code as region_code',
      'rg.name as region_name',
      'u.name',
      'u.email',
      'u.locale',
      'en.queued_at',
      'en.enrolled_at',
      'en.cancelled_at',
      'en.created_at',
    ]);
}
export type EnrolmentRow = Awaited<
  ReturnType<ReturnType<typeof selectEnrolments>['executeTakeFirstOrThrow']>
>;

export const findEnrolment = (db: DbOrTx, id: string) =>
  selectEnrolments(db).where('en.id', '=', id).executeTakeFirst();

export const findEnrolmentOfUser = (db: DbOrTx, courseId: string, userId: string) =>
  selectEnrolments(db)
    .where('en.course_id', '=', courseId)
    .where('en.user_id', '=', userId)
    .executeTakeFirst();

/** Enrolments the person holds or made for colleagues in these courses. */
export async function enrolmentsTouching(db: DbOrTx, courseIds: string[], userId: string) {
  if (courseIds.length === 0) return [];
  return selectEnrolments(db)
    .where('en.course_id', 'in', courseIds)
    .where((eb) => eb.or([eb('en.user_id', '=', userId), eb('en.enrolled_by', '=', userId)]))
    .execute();
}

/** A course's enrolments, bounded: a course is a class, not a crowd. */
export async function enrolmentsOfCourse(
  db: DbOrTx,
  courseId: string,
  f: { status?: string | undefined; q?: string | undefined; limit: number },
) {
  let q = selectEnrolments(db).where('en.course_id', '=', courseId);
  if (f.status) q = q.where('en.status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(u.name)`, 'like', like),
        eb(sql`lower(u.email)`, 'like', like),
        eb(sql`lower(coalesce(o.name, en.organisation_name, ''))`, 'like', like),
      ]),
    );
  }
  return q.orderBy(sql`lower(u.name)`).orderBy('en.id').limit(f.limit).execute();
}

export async function enrolmentsOfUser(db: DbOrTx, userId: string) {
  return selectEnrolments(db)
    .where('en.user_id', '=', userId)
    .where('en.status', '!=', 'cancelled')
    .orderBy('en.created_at', 'desc')
    .limit(200)
    .execute();
}

export async function enrolmentCounts(db: DbOrTx, courseIds: string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom('course_enrolments')
    .where('course_id', 'in', courseIds)
    .select(['course_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['course_id', 'status'])
    .execute();
}

export async function countEnrolled(tx: DbOrTx, courseId: string): Promise<number> {
  const r = await tx
    .selectFrom('course_enrolments')
    .where('course_id', '=', courseId)
    .where('status', '=', 'enrolled')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function firstWaitlisted(tx: DbOrTx, courseId: string, limit: number) {
  return tx
    .selectFrom('course_enrolments')
    .select('id')
    .where('course_id', '=', courseId)
    .where('status', '=', 'waitlisted')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** 1-based place in the waitlist; compared in SQL because queued_at has microseconds a JS Date drops. */
export async function waitlistPosition(db: DbOrTx, courseId: string, id: string): Promise<number> {
  const r = await db
    .selectFrom('course_enrolments as w')
    .innerJoin('course_enrolments as me', (j) => j.on('me.id', '=', id))
    .where('w.course_id', '=', courseId)
    .where('w.status', '=', 'waitlisted')
    .where(sql<boolean>`(w.queued_at, w.id) <= (me.queued_at, me.id)`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type EnrolmentValues = {
  course_id: string;
  user_id: string;
  enrolled_by: string | null;
  status: string;
  mode: string;
  organisation_id: string | null;
  organisation_name: string | null;
  region_code: string | null;
  enrolled_at: Date | null;
};

export async function insertEnrolment(tx: DbOrTx, v: EnrolmentValues): Promise<string> {
  const r = await tx.insertInto('course_enrolments').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A cancelled enrolment taken up again: same row, back of the queue. */
export async function reviveEnrolment(tx: DbOrTx, id: string, v: EnrolmentValues): Promise<void> {
  await tx
    .updateTable('course_enrolments')
    .set({ ...v, cancelled_at: null, queued_at: sql`clock_timestamp()`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setEnrolmentStatus(
  tx: DbOrTx,
  id: string,
  status: string,
  extra: Partial<{ enrolled_at: Date | null; cancelled_at: Date | null }> = {},
): Promise<void> {
  await tx
    .updateTable('course_enrolments')
    .set({ status, ...extra, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function findUser(db: DbOrTx, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------------------
// Certificates

export function selectCertificates(db: DbOrTx) {
  return db
    .selectFrom('course_certificates')
    .select([
      'id',
      'code',
      'enrolment_id',
      'course_id',
      'user_id',
      'holder_name',
      'course_title',
      'hours_attended',
      'total_hours',
      'first_session_at',
      'last_session_at',
      'time_zone',
      'issued_at',
      'revoked_at',
      'revoke_reason',
    ]);
}
export type CertificateRow = Awaited<
  ReturnType<ReturnType<typeof selectCertificates>['executeTakeFirstOrThrow']>
>;

export const findCertificateByCode = (db: DbOrTx, code: string) =>
  selectCertificates(db).where('code', '=', code).executeTakeFirst();

export async function certificatesOfEnrolments(db: DbOrTx, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return [];
  return selectCertificates(db).where('enrolment_id', 'in', enrolmentIds).execute();
}

export async function insertCertificate(
  tx: DbOrTx,
  v: {
    code: string;
    enrolment_id: string;
    course_id: string;
    user_id: string;
    holder_name: string;
    course_title: Record<string, string>;
    hours_attended: number;
    total_hours: number;
    first_session_at: Date | null;
    last_session_at: Date | null;
    time_zone: string;
    issued_by: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('course_certificates')
    .values({ ...v, course_title: JSON.stringify(v.course_title) })
    .onConflict((oc) => oc.column('enrolment_id').doNothing())
    .execute();
}

export async function revokeCertificate(tx: DbOrTx, id: string, by: string, reason: string): Promise<void> {
  const now = new Date();
  await tx
    .updateTable('course_certificates')
    .set({ revoked_at: now, revoked_by: by, revoke_reason: reason, updated_at: now })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// The one search across Trama. The expressions match the indexes of migration 0015 exactly.

const searchDoc = sql`f_search_doc(c.title, c.description)`;
const itQuery = (q: string) => sql`websearch_to_tsquery('italian', f_unaccent(${q}))`;
const simpleQuery = (q: string) => sql`websearch_to_tsquery('simple', f_unaccent(${q}))`;
const titleTrgm = sql`lower(f_unaccent(f_search_text(c.title)))`;
const trgmQuery = (q: string) => sql`lower(f_unaccent(${q}))`;

/** Courses in these statuses whose words match, best first; `limit + 1` rows so the caller sees "more". */
export async function searchCourses(db: DbOrTx, statuses: string[], q: string, limit: number) {
  // A UNION of separately indexed branches (see directory.repository.ts for why not one OR).
  const matched = sql`
    select id from courses c where to_tsvector('italian', ${searchDoc}) @@ ${itQuery(q)}
    union select id from courses c where to_tsvector('simple', ${searchDoc}) @@ ${simpleQuery(q)}
    union select id from courses c where ${titleTrgm} %> ${trgmQuery(q)}`;
  const rank = sql<number>`ts_rank(to_tsvector('italian', ${searchDoc}), ${itQuery(q)})
    + ts_rank(to_tsvector('simple', ${searchDoc}), ${simpleQuery(q)})
    + word_similarity(${trgmQuery(q)}, ${titleTrgm})`;
  return db
    .selectFrom('courses as c')
    .where('c.status', 'in', statuses)
    .where(sql<boolean>`c.id in (${matched})`)
    .select(['c.id', 'c.title', 'c.description', 'c.status', 'c.format'])
    .orderBy(rank, 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .limit(limit + 1)
    .execute();
}

/**
 * Courses with enrolled people not yet told they completed, among courses with a session in the last
 * `days` days (older courses are settled: whoever had not completed them by then will not).
 */
export async function coursesAwaitingCompletionNotice(db: DbOrTx, days: number, limit: number) {
  const r = await sql<{ id: string }>`
    select c.id from courses c
    where exists (select 1 from course_enrolments e
                  where e.course_id = c.id and e.status = 'enrolled' and e.completion_notified_at is null)
      and exists (select 1 from course_sessions s join events ev on ev.id = s.event_id
                  where s.course_id = c.id and ev.starts_at > now() - make_interval(days => ${days})
                    and ev.starts_at <= now())
    order by c.id
    limit ${limit}`.execute(db);
  return r.rows.map((x) => x.id);
}

export function enrolmentsAwaitingCompletionNotice(db: DbOrTx, courseId: string) {
  return db
    .selectFrom('course_enrolments')
    .select(['id', 'user_id'])
    .where('course_id', '=', courseId)
    .where('status', '=', 'enrolled')
    .where('completion_notified_at', 'is', null)
    .execute();
}

export async function markCompletionNotified(tx: DbOrTx, enrolmentIds: readonly string[]): Promise<string[]> {
  if (enrolmentIds.length === 0) return [];
  // Only rows still unmarked: a concurrent run that got there first wins, and nobody is told twice.
  const rows = await tx
    .updateTable('course_enrolments')
    .set({ completion_notified_at: sql`now()`, updated_at: sql`now()` })
    .where('id', 'in', [...enrolmentIds])
    .where('completion_notified_at', 'is', null)
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
