// Queries of the mentoring module. Lists are keyset paged; per-engagement reads are bounded.
import { type ExpressionBuilder, sql } from 'kysely';
import { MENTORING_TIME_ZONE } from '../../../shared/mentoring.js';
import type { Database, DbOrTx } from '../../db/database.js';

/** Today in the network's time zone, as the database sees it. */
export const today = sql<string>`(now() at time zone ${sql.lit(MENTORING_TIME_ZONE)})::date`;

/** Engagements a non-staff person may see: as mentor, participant, or member of the organisation. */
export type Viewer = { userId: string; organisationIds: string[] } | 'staff';

function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'mentoring_engagements'>) => {
    if (viewer === 'staff') return eb.lit(true);
    const ors = [
      eb('mentoring_engagements.mentor_user_id', '=', viewer.userId),
      eb.exists(
        eb
          .selectFrom('mentoring_participants as vp')
          .select('vp.user_id')
          .whereRef('vp.engagement_id', '=', 'mentoring_engagements.id')
          .where('vp.user_id', '=', viewer.userId),
      ),
    ];
    if (viewer.organisationIds.length > 0) {
      ors.push(eb('mentoring_engagements.organisation_id', 'in', viewer.organisationIds));
    }
    return eb.or(ors);
  };
}

const engagementColumns = [
  'mentoring_engagements.id',
  'mentoring_engagements.organisation_id',
  'mentoring_engagements.mentor_user_id',
  'mentoring_engagements.purpose',
  'mentoring_engagements.subject_kind',
  'mentoring_engagements.subject_name',
  'mentoring_engagements.starts_on',
  'mentoring_engagements.ends_on',
  'mentoring_engagements.status',
  'mentoring_engagements.created_at',
  'o.name as organisation_name',
  'o.slug as organisation_slug',
  'm.name as mentor_name',
] as const;

function engagementsQuery(db: DbOrTx) {
  return db
    .selectFrom('mentoring_engagements')
    .innerJoin('organisations as o', 'o.id', 'mentoring_engagements.organisation_id')
    .innerJoin('users as m', 'm.id', 'mentoring_engagements.mentor_user_id')
    .select(engagementColumns);
}

export type EngagementRow = Awaited<ReturnType<typeof findEngagement>> & {};

export async function findEngagement(db: DbOrTx, id: string) {
  return engagementsQuery(db).where('mentoring_engagements.id', '=', id).executeTakeFirst();
}

export async function lockEngagement(db: DbOrTx, id: string) {
  return db
    .selectFrom('mentoring_engagements')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listEngagements(
  db: DbOrTx,
  viewer: Viewer,
  opts: { status?: string; after?: { createdAt: Date; id: string }; limit: number },
) {
  return engagementsQuery(db)
    .where(visibleTo(viewer))
    .$if(!!opts.status, (q) => q.where('mentoring_engagements.status', '=', opts.status as string))
    .$if(!!opts.after, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(
          refTuple('mentoring_engagements.created_at', 'mentoring_engagements.id'),
          '<',
          tuple(opts.after?.createdAt as Date, opts.after?.id as string),
        ),
      ),
    )
    .orderBy('mentoring_engagements.created_at', 'desc')
    .orderBy('mentoring_engagements.id', 'desc')
    .limit(opts.limit)
    .execute();
}

/** Counters shown on engagement cards, for a page of engagements in three grouped queries. */
export async function engagementCounters(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return { next: [], actions: [], requests: [] };
  const [next, actions, requests] = await Promise.all([
    db
      .selectFrom('mentoring_sessions')
      .select(['engagement_id', (eb) => eb.fn.min('starts_at').as('next_at')])
      .where('engagement_id', 'in', ids)
      .where('starts_at', '>=', sql<Date>`now()`)
      .groupBy('engagement_id')
      .execute(),
    db
      .selectFrom('mentoring_actions')
      .select([
        'engagement_id',
        (eb) => eb.fn.countAll<number>().as('open'),
        sql<number>`count(*) filter (where due_on < ${today})`.as('overdue'),
      ])
      .where('engagement_id', 'in', ids)
      .where('status', '=', 'open')
      .groupBy('engagement_id')
      .execute(),
    db
      .selectFrom('mentoring_requests')
      .select(['engagement_id', (eb) => eb.fn.countAll<number>().as('open')])
      .where('engagement_id', 'in', ids)
      .where('status', '=', 'open')
      .groupBy('engagement_id')
      .execute(),
  ]);
  return { next, actions, requests };
}

export async function insertEngagement(
  db: DbOrTx,
  v: {
    organisation_id: string;
    mentor_user_id: string;
    purpose: string;
    subject_kind: string;
    subject_name: string | null;
    starts_on: string;
    ends_on: string | null;
    created_by: string;
  },
) {
  return db.insertInto('mentoring_engagements').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateEngagement(
  db: DbOrTx,
  id: string,
  v: Partial<{
    purpose: string;
    subject_kind: string;
    subject_name: string | null;
    starts_on: string;
    ends_on: string | null;
    status: string;
  }>,
) {
  await db
    .updateTable('mentoring_engagements')
    .set({ ...v, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// People

export async function participantsOf(db: DbOrTx, engagementId: string) {
  return db
    .selectFrom('mentoring_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name'])
    .where('p.engagement_id', '=', engagementId)
    .orderBy('u.name')
    .limit(200)
    .execute();
}

export async function isParticipant(db: DbOrTx, engagementId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mentoring_participants')
    .select('user_id')
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export async function addParticipants(db: DbOrTx, engagementId: string, userIds: string[], addedBy: string) {
  if (userIds.length === 0) return [];
  const rows = await db
    .insertInto('mentoring_participants')
    .values(userIds.map((user_id) => ({ engagement_id: engagementId, user_id, added_by: addedBy })))
    .onConflict((oc) => oc.columns(['engagement_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function removeParticipant(db: DbOrTx, engagementId: string, userId: string): Promise<boolean> {
  // RETURNING rather than the driver's row count, which the embedded database does not always report.
  const rows = await db
    .deleteFrom('mentoring_participants')
    .where('engagement_id', '=', engagementId)
    .where('user_id', '=', userId)
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

/** Members of the organisation (for choosing participants), bounded. */
export async function organisationMembers(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('organisation_members as om')
    .innerJoin('users as u', 'u.id', 'om.user_id')
    .select(['u.id', 'u.name', 'om.role'])
    .where('om.organisation_id', '=', organisationId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .limit(500)
    .execute();
}

export async function membersAmong(db: DbOrTx, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisation_members')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', 'in', userIds)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function findUser(db: DbOrTx, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'network_role', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findOrganisation(db: DbOrTx, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function namesOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Staff and admins: told about requests when an engagement's mentor is not enough. */
export async function staffIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('network_role', 'in', ['staff', 'admin'])
    .where('disabled_at', 'is', null)
    .limit(200)
    .execute();
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

const sessionColumns = [
  's.id',
  's.engagement_id',
  's.starts_at',
  's.time_zone',
  's.duration_minutes',
  's.format',
  's.location',
  's.participant_ids',
  's.notes',
  's.strengths',
  's.critical_issues',
  's.request_id',
  's.created_at',
  'o.name as organisation_name',
  'mentoring_engagements.mentor_user_id',
  'm.name as mentor_name',
] as const;

function sessionsQuery(db: DbOrTx) {
  return db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('mentoring_engagements', 'mentoring_engagements.id', 's.engagement_id')
    .innerJoin('organisations as o', 'o.id', 'mentoring_engagements.organisation_id')
    .innerJoin('users as m', 'm.id', 'mentoring_engagements.mentor_user_id')
    .select(sessionColumns);
}
export type SessionRow = Awaited<ReturnType<typeof findSession>> & {};

export async function findSession(db: DbOrTx, id: string) {
  return sessionsQuery(db).where('s.id', '=', id).executeTakeFirst();
}

export async function sessionsOf(db: DbOrTx, engagementId: string) {
  return sessionsQuery(db)
    .where('s.engagement_id', '=', engagementId)
    .orderBy('s.starts_at', 'desc')
    .limit(200)
    .execute();
}

export async function listSessions(
  db: DbOrTx,
  viewer: Viewer,
  opts: { upcoming: boolean; after?: { at: Date; id: string }; limit: number },
) {
  const dir = opts.upcoming ? 'asc' : 'desc';
  return sessionsQuery(db)
    .where(visibleTo(viewer))
    .where('s.starts_at', opts.upcoming ? '>=' : '<', sql<Date>`now()`)
    .$if(!!opts.after, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(
          refTuple('s.starts_at', 's.id'),
          opts.upcoming ? '>' : '<',
          tuple(opts.after?.at as Date, opts.after?.id as string),
        ),
      ),
    )
    .orderBy('s.starts_at', dir)
    .orderBy('s.id', dir)
    .limit(opts.limit)
    .execute();
}

export async function insertSession(
  db: DbOrTx,
  v: {
    engagement_id: string;
    starts_at: Date;
    time_zone: string;
    duration_minutes: number;
    format: string;
    location: string;
    participant_ids: string[];
    notes: string;
    strengths: string;
    critical_issues: string;
    request_id: string | null;
    created_by: string;
  },
) {
  return db.insertInto('mentoring_sessions').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateSession(
  db: DbOrTx,
  id: string,
  v: Partial<{
    starts_at: Date;
    time_zone: string;
    duration_minutes: number;
    format: string;
    location: string;
    participant_ids: string[];
    notes: string;
    strengths: string;
    critical_issues: string;
  }>,
) {
  await db
    .updateTable('mentoring_sessions')
    .set({ ...v, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Actions

function actionsQuery(db: DbOrTx) {
  return db
    .selectFrom('mentoring_actions as a')
    .innerJoin('mentoring_engagements', 'mentoring_engagements.id', 'a.engagement_id')
    .innerJoin('organisations as o', 'o.id', 'mentoring_engagements.organisation_id')
    .innerJoin('users as ow', 'ow.id', 'a.owner_user_id')
    .select([
      'a.id',
      'a.engagement_id',
      'a.session_id',
      'a.text',
      'a.owner_user_id',
      'ow.name as owner_name',
      'a.due_on',
      'a.status',
      'a.done_at',
      'a.created_at',
      'o.name as organisation_name',
      sql<boolean>`a.status = 'open' and a.due_on < ${today}`.as('overdue'),
    ]);
}
export type ActionRow = Awaited<ReturnType<typeof findAction>> & {};

export async function findAction(db: DbOrTx, id: string) {
  return actionsQuery(db).where('a.id', '=', id).executeTakeFirst();
}

export async function actionsOf(db: DbOrTx, engagementId: string) {
  return actionsQuery(db)
    .where('a.engagement_id', '=', engagementId)
    .orderBy('a.due_on')
    .orderBy('a.id')
    .limit(500)
    .execute();
}

export async function listActions(
  db: DbOrTx,
  viewer: Viewer,
  opts: { overdue?: boolean; status?: string; after?: { dueOn: string; id: string }; limit: number },
) {
  return actionsQuery(db)
    .where(visibleTo(viewer))
    .$if(opts.overdue === true, (q) => q.where('a.status', '=', 'open').where('a.due_on', '<', today))
    .$if(opts.overdue === false, (q) =>
      q.where((eb) => eb.or([eb('a.status', '=', 'done'), eb('a.due_on', '>=', today)])),
    )
    .$if(!!opts.status, (q) => q.where('a.status', '=', opts.status as string))
    .$if(!!opts.after, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('a.due_on', 'a.id'), '>', tuple(opts.after?.dueOn as string, opts.after?.id as string)),
      ),
    )
    .orderBy('a.due_on')
    .orderBy('a.id')
    .limit(opts.limit)
    .execute();
}

export async function insertActions(
  db: DbOrTx,
  rows: Array<{
    engagement_id: string;
    session_id: string | null;
    text: string;
    owner_user_id: string;
    due_on: string;
    created_by: string;
  }>,
) {
  if (rows.length === 0) return [];
  return db
    .insertInto('mentoring_actions')
    .values(rows)
    .returning(['id', 'owner_user_id', 'text', 'due_on', sql<boolean>`due_on < ${today}`.as('overdue')])
    .execute();
}

export async function setActionStatus(db: DbOrTx, id: string, status: string) {
  await db
    .updateTable('mentoring_actions')
    .set({
      status,
      done_at: status === 'done' ? sql`now()` : null,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function markOverdueNotified(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('mentoring_actions')
    .set({ overdue_notified_at: sql`now()` })
    .where('id', 'in', ids)
    .execute();
}

/** Open actions past due whose owner was not told yet; locked so two job runs never both take one. */
export async function claimNewlyOverdue(db: DbOrTx, limit: number) {
  return db
    .selectFrom('mentoring_actions as a')
    .select(['a.id', 'a.engagement_id', 'a.owner_user_id', 'a.text', 'a.due_on'])
    .where('a.status', '=', 'open')
    .where('a.overdue_notified_at', 'is', null)
    .where('a.due_on', '<', today)
    .orderBy('a.due_on')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Requests

export async function requestsOf(db: DbOrTx, engagementId: string) {
  return db
    .selectFrom('mentoring_requests as r')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .select([
      'r.id',
      'r.engagement_id',
      'r.topic',
      'r.preferred_dates',
      'r.note',
      'r.status',
      'r.reason',
      'r.session_id',
      'r.created_at',
      'r.updated_at',
      'r.requested_by',
      'u.name as requester_name',
    ])
    .where('r.engagement_id', '=', engagementId)
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
}
export type RequestRow = Awaited<ReturnType<typeof requestsOf>>[number];

export async function lockRequest(db: DbOrTx, id: string) {
  return db
    .selectFrom('mentoring_requests')
    .select(['id', 'engagement_id', 'status', 'requested_by', 'topic'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertRequest(
  db: DbOrTx,
  v: { engagement_id: string; requested_by: string; topic: string; preferred_dates: string[]; note: string },
) {
  return db.insertInto('mentoring_requests').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateRequest(
  db: DbOrTx,
  id: string,
  v: { status: string; session_id?: string | null; reason?: string },
) {
  await db
    .updateTable('mentoring_requests')
    .set({ ...v, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
