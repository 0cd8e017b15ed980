// Kysely access to events, registrations, invitations, materials, feedback, trusted organisers and
// calendar tokens.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, DbOrTx, Tx } from '../../db/database.js';
import type { EventsTable } from './events.table.js';

type WithE = Database & { e: EventsTable };

// ---------------------------------------------------------------------------------------------------------
// Who is looking: what the visibility rules need to know about a person.

export type Scope = {
  staff: boolean;
  userId: string | null;
  email: string | null;
  /** Organisations (status member) the person belongs to. */
  memberOrgIds: string[];
  /** Organisations where the person is org_admin or operator (may organise and manage their events). */
  manageOrgIds: string[];
  /** Slugs of programmes in which one of the person's member organisations takes part. */
  programmeSlugs: string[];
};

export async function membershipsOf(db: DbOrTx, userId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .where('m.user_id', '=', userId)
    .select(['o.id', 'o.name', 'o.slug', 'o.status', 'o.kind', 'o.region_code', 'm.role'])
    .orderBy('m.created_at')
    .execute();
}

/** Visible to the scope: staff see everything; otherwise organisers' own events, or published by audience. */
export function visibleTo(scope: Scope) {
  return (eb: ExpressionBuilder<WithE, 'e'>) => {
    if (scope.staff) return eb.lit(true);
    const ors = [
      eb.and([
        eb('e.status', 'in', ['published', 'cancelled']),
        eb.or([
          eb('e.audience', '=', 'public'),
          ...(scope.memberOrgIds.length > 0 ? [eb('e.audience', '=', 'members')] : []),
          ...(scope.programmeSlugs.length > 0
            ? [
                eb.and([
                  eb('e.audience', '=', 'programme'),
                  eb(
                    'e.programme_id',
                    'in',
                    eb.selectFrom('programmes').select('id').where('slug', 'in', scope.programmeSlugs),
                  ),
                ]),
              ]
            : []),
          ...(scope.email
            ? [
                eb.and([
                  eb('e.audience', '=', 'invitation'),
                  eb.exists(
                    eb
                      .selectFrom('event_invitations as i')
                      .select('i.event_id')
                      .whereRef('i.event_id', '=', 'e.id')
                      .where('i.email', '=', scope.email.toLowerCase()),
                  ),
                ]),
              ]
            : []),
          ...(scope.userId
            ? [
                eb.exists(
                  eb
                    .selectFrom('event_registrations as r')
                    .select('r.id')
                    .whereRef('r.event_id', '=', 'e.id')
                    .where('r.user_id', '=', scope.userId)
                    .where('r.status', '!=', 'cancelled'),
                ),
              ]
            : []),
        ]),
      ]),
    ];
    if (scope.manageOrgIds.length > 0) ors.push(eb('e.organiser_organisation_id', 'in', scope.manageOrgIds));
    return eb.or(ors);
  };
}

// ---------------------------------------------------------------------------------------------------------
// Events

export function selectEvents(db: DbOrTx) {
  return db
    .selectFrom('events as e')
    .leftJoin('organisations as oo', 'oo.id', 'e.organiser_organisation_id')
    .leftJoin('programmes as p', 'p.id', 'e.programme_id')
    .leftJoin('regions as rg', 'rg.code', 'e.region_code')
    .select([
      'e.id',
      'e.kind',
      'e.format',
      'e.status',
      'e.audience',
      'e.title',
      'e.description',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      'e.venue_name',
      'e.venue_address',
      'e.municipality',
      'e.province_code',
      'e.region_code',
      'rg.name as region_name',
      'e.online_url',
      'e.capacity_in_person',
      'e.capacity_online',
      'e.registration_opens_at',
      'e.registration_closes_at',
      'e.programme_id',
      'p.slug as programme_slug',
      'p.name as programme_name',
      'e.organiser_organisation_id',
      'oo.slug as organiser_slug',
      'oo.name as organiser_name',
      'e.max_per_organisation',
      'e.questions',
      'e.free_text_prompt',
      'e.cover_file_id',
      'e.created_at',
      'e.updated_at',
    ]);
}
export type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>['executeTakeFirstOrThrow']>>;

export function findEvent(db: DbOrTx, id: string): Promise<EventRow | undefined> {
  return selectEvents(db).where('e.id', '=', id).executeTakeFirst();
}

export async function findEvents(db: DbOrTx, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return selectEvents(db).where('e.id', 'in', ids).execute();
}

/** Locks the event row for the rest of the transaction: every seat decision on an event goes through here. */
export async function lockEvent(tx: Tx, id: string): Promise<EventRow | undefined> {
  // FOR UPDATE OF e: only the event row is locked, not the organiser, programme or region joined to it.
  return selectEvents(tx).where('e.id', '=', id).modifyEnd(sql`for update of e`).executeTakeFirst();
}

export type EventFilters = {
  q?: string | undefined;
  kinds: string[];
  formats: string[];
  regions: string[];
  programmeSlug?: string | undefined;
  /** 'network' or an organisation slug */
  organiser?: string | undefined;
  statuses: string[];
  /** Only events ending at or after / starting before. */
  endsAfter?: Date | undefined;
  startsBefore?: Date | undefined;
  endsBefore?: Date | undefined;
  startsFrom?: Date | undefined;
};

export async function listEvents(
  db: DbOrTx,
  scope: Scope,
  f: EventFilters,
  page: { order: 'asc' | 'desc'; limit: number; after?: { startsAt: string; id: string } | undefined },
): Promise<EventRow[]> {
  let q = selectEvents(db).where(visibleTo(scope)).where('e.status', 'in', f.statuses);
  if (!scope.staff && f.statuses.some((s) => s !== 'published' && s !== 'cancelled')) {
    // Drafts and proposals are only listed to their organisers.
    q = q.where((eb) =>
      eb.or([
        eb('e.status', 'in', ['published', 'cancelled']),
        ...(scope.manageOrgIds.length > 0
          ? [eb('e.organiser_organisation_id', 'in', scope.manageOrgIds)]
          : []),
      ]),
    );
  }
  if (f.q) {
    for (const word of f.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where('e.search_text', 'like', like);
    }
  }
  if (f.kinds.length) q = q.where('e.kind', 'in', f.kinds);
  if (f.formats.length) q = q.where('e.format', 'in', f.formats);
  if (f.regions.length) q = q.where('e.region_code', 'in', f.regions);
  if (f.programmeSlug) q = q.where('p.slug', '=', f.programmeSlug);
  if (f.organiser === 'network') q = q.where('e.organiser_organisation_id', 'is', null);
  else if (f.organiser) q = q.where('oo.slug', '=', f.organiser);
  if (f.endsAfter) q = q.where('e.ends_at', '>=', f.endsAfter);
  if (f.endsBefore) q = q.where('e.ends_at', '<', f.endsBefore);
  if (f.startsBefore) q = q.where('e.starts_at', '<', f.startsBefore);
  if (f.startsFrom) q = q.where('e.starts_at', '>=', f.startsFrom);
  if (page.after) {
    const at = new Date(page.after.startsAt);
    const id = page.after.id;
    q =
      page.order === 'asc'
        ? q.where((eb) =>
            eb.or([eb('e.starts_at', '>', at), eb.and([eb('e.starts_at', '=', at), eb('e.id', '>', id)])]),
          )
        : q.where((eb) =>
            eb.or([eb('e.starts_at', '<', at), eb.and([eb('e.starts_at', '=', at), eb('e.id', '<', id)])]),
          );
  }
  return q.orderBy('e.starts_at', page.order).orderBy('e.id', page.order).limit(page.limit).execute();
}

/** Seats taken and waitlist length per event and mode, for a page of events in one query. */
export async function seatCounts(db: DbOrTx, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_registrations')
    .where('event_id', 'in', eventIds)
    .where('status', 'in', ['confirmed', 'attended', 'no_show', 'waitlisted'])
    .select([
      'event_id',
      'mode',
      sql<boolean>`status = 'waitlisted'`.as('waiting'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['event_id', 'mode', sql`status = 'waitlisted'`])
    .execute();
}

export async function countSeatHolders(tx: DbOrTx, eventId: string, mode: string): Promise<number> {
  const r = await tx
    .selectFrom('event_registrations')
    .where('event_id', '=', eventId)
    .where('mode', '=', mode)
    .where('status', 'in', ['confirmed', 'attended', 'no_show'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countOrganisationRegistrations(
  tx: DbOrTx,
  eventId: string,
  organisationId: string,
): Promise<number> {
  const r = await tx
    .selectFrom('event_registrations')
    .where('event_id', '=', eventId)
    .where('organisation_id', '=', organisationId)
    .where('status', 'in', ['confirmed', 'attended', 'no_show', 'waitlisted'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type EventValues = {
  kind: string;
  format: string;
  status: string;
  audience: string;
  title: Record<string, string>;
  description: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  venue_name: string | null;
  venue_address: string | null;
  municipality: string | null;
  province_code: string | null;
  region_code: string | null;
  online_url: string | null;
  capacity_in_person: number | null;
  capacity_online: number | null;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  programme_id: string | null;
  organiser_organisation_id: string | null;
  max_per_organisation: number | null;
  questions: string[];
  free_text_prompt: Record<string, string> | null;
  cover_file_id: string | null;
  created_by: string | null;
};

const jsonCols = (v: Partial<EventValues>) => ({
  ...v,
  ...(v.title !== undefined ? { title: JSON.stringify(v.title) } : {}),
  ...(v.description !== undefined ? { description: JSON.stringify(v.description) } : {}),
  ...(v.free_text_prompt !== undefined
    ? { free_text_prompt: v.free_text_prompt === null ? null : JSON.stringify(v.free_text_prompt) }
    : {}),
});

export async function insertEvent(db: DbOrTx, v: EventValues): Promise<string> {
  const r = await db
    .insertInto('events')
    .values(jsonCols(v) as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateEvent(db: DbOrTx, id: string, v: Partial<EventValues>): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...(jsonCols(v) as object), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Invitations

export async function invitedEmails(db: DbOrTx, eventId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_invitations')
    .select('email')
    .where('event_id', '=', eventId)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}

export async function isInvited(db: DbOrTx, eventId: string, email: string): Promise<boolean> {
  const r = await db
    .selectFrom('event_invitations')
    .select('email')
    .where('event_id', '=', eventId)
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return !!r;
}

export async function replaceInvitations(db: DbOrTx, eventId: string, emails: string[]): Promise<void> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  await db
    .deleteFrom('event_invitations')
    .where('event_id', '=', eventId)
    .$if(wanted.length > 0, (q) => q.where('email', 'not in', wanted))
    .execute();
  if (wanted.length) {
    await db
      .insertInto('event_invitations')
      .values(wanted.map((email) => ({ event_id: eventId, email })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Invitations not mailed yet, marked as mailed (the caller enqueues the mails in the same transaction). */
export async function takeUnsentInvitations(tx: Tx, eventId: string): Promise<string[]> {
  const rows = await tx
    .updateTable('event_invitations')
    .set({ invited_at: new Date(), updated_at: new Date() })
    .where('event_id', '=', eventId)
    .where('invited_at', 'is', null)
    .returning('email')
    .execute();
  return rows.map((r) => r.email);
}

// ---------------------------------------------------------------------------------------------------------
// Registrations

export function selectRegistrations(db: DbOrTx) {
  return db
    .selectFrom('event_registrations as r')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('regions as rg', (j) => j.on(sql`rg.code`, '=', sql`coalesce(r.region_code, o.region_code)`))
    .select([
      'r.id',
      'r.event_id',
      'r.user_id',
      'r.registered_by',
      'r.email',
      'r.name',
      'r.locale',
      'r.status',
      'r.mode',
      'r.organisation_id',
      sql<string | null>`coalesce(o.name, r.organisation_name)`.as('organisation_name'),
      'o.slug as organisation_slug',
      'o.kind as organisation_kind',
      'rg.name as region_name',
      'rg.code as region_code',
      'r.answers',
      'r.check_in_code',
      'r.manage_token',
      'r.confirm_sent_at',
      'r.confirm_expires_at',
      'r.walk_in',
      'r.queued_at',
      'r.confirmed_at',
      'r.checked_in_at',
      'r.reminded_at',
      'r.created_at',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('event_feedback as f')
              .select('f.rating')
              .whereRef('f.registration_id', '=', 'r.id'),
          )
          .as('feedback_given'),
    ]);
}
export type RegistrationRow = Awaited<
  ReturnType<ReturnType<typeof selectRegistrations>['executeTakeFirstOrThrow']>
>;

export const findRegistration = (db: DbOrTx, id: string) =>
  selectRegistrations(db).where('r.id', '=', id).executeTakeFirst();
export const findRegistrationByEmail = (db: DbOrTx, eventId: string, email: string) =>
  selectRegistrations(db)
    .where('r.event_id', '=', eventId)
    .where(sql`lower(r.email)`, '=', email.toLowerCase())
    .executeTakeFirst();
export const findRegistrationByManageToken = (db: DbOrTx, token: string) =>
  selectRegistrations(db).where('r.manage_token', '=', token).executeTakeFirst();
export const findRegistrationByCode = (db: DbOrTx, eventId: string, code: string) =>
  selectRegistrations(db)
    .where('r.event_id', '=', eventId)
    .where('r.check_in_code', '=', code)
    .executeTakeFirst();

export async function findRegistrationIdByConfirmHash(db: DbOrTx, hash: string) {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'event_id', 'confirm_expires_at'])
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst();
}

export type RegistrationValues = {
  event_id: string;
  user_id: string | null;
  registered_by: string | null;
  email: string | null;
  name: string;
  locale: string;
  status: string;
  mode: string;
  organisation_id: string | null;
  organisation_name: string | null;
  region_code: string | null;
  answers: Record<string, string>;
  check_in_code: string;
  manage_token: string;
  confirm_token_hash: string | null;
  confirm_sent_at?: Date | null;
  confirm_expires_at?: Date | null;
  walk_in?: boolean;
  confirmed_at: Date | null;
  checked_in_at?: Date | null;
  checked_in_by?: string | null;
};

export async function insertRegistration(tx: DbOrTx, v: RegistrationValues): Promise<string> {
  const r = await tx
    .insertInto('event_registrations')
    .values({ ...v, answers: JSON.stringify(v.answers) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A cancelled registration taken up again: same row (one per person and event), back of the queue. */
export async function reviveRegistration(tx: DbOrTx, id: string, v: RegistrationValues): Promise<void> {
  await tx
    .updateTable('event_registrations')
    .set({
      ...v,
      answers: JSON.stringify(v.answers),
      cancelled_at: null,
      reminded_at: null,
      confirm_sent_at: v.confirm_sent_at ?? null,
      confirm_expires_at: v.confirm_expires_at ?? null,
      checked_in_at: v.checked_in_at ?? null,
      queued_at: sql`clock_timestamp()`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function setRegistrationStatus(
  tx: DbOrTx,
  id: string,
  status: string,
  extra: Partial<{
    confirmed_at: Date | null;
    cancelled_at: Date | null;
    checked_in_at: Date | null;
    checked_in_by: string | null;
    confirm_token_hash: string | null;
    confirm_expires_at: Date | null;
  }> = {},
): Promise<void> {
  await tx
    .updateTable('event_registrations')
    .set({ status, ...extra, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * Confirms the first `limit` waitlisted people of a mode (all of them when `limit` is null) in one
 * statement, in queue order; the caller holds the event lock. Returns what the mails need.
 */
export async function promoteWaitlisted(
  tx: Tx,
  eventId: string,
  mode: string,
  limit: number | null,
  now: Date,
) {
  const first = tx
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('mode', '=', mode)
    .where('status', '=', 'waitlisted')
    .orderBy('queued_at')
    .orderBy('id')
    .$if(limit !== null, (q) => q.limit(limit as number))
    .forUpdate();
  return tx
    .updateTable('event_registrations')
    .set({ status: 'confirmed', confirmed_at: now, updated_at: now })
    .where('id', 'in', first)
    .returning(['id', 'email', 'name', 'locale', 'mode', 'check_in_code', 'manage_token'])
    .execute();
}

/**
 * 1-based place in the waitlist of its event and mode, for each waitlisted registration given, in one
 * window query (ordered in SQL because queued_at has microseconds a JS Date drops).
 */
export async function waitlistPositions(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('event_registrations as w')
        .where('w.status', '=', 'waitlisted')
        .where((e) =>
          e.exists(
            e
              .selectFrom('event_registrations as me')
              .select('me.id')
              .where('me.id', 'in', ids)
              .whereRef('me.event_id', '=', 'w.event_id')
              .whereRef('me.mode', '=', 'w.mode'),
          ),
        )
        .select([
          'w.id',
          sql<number>`row_number() over (partition by w.event_id, w.mode order by w.queued_at, w.id)`.as(
            'position',
          ),
        ])
        .as('q'),
    )
    .select(['q.id', 'q.position'])
    .where('q.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.position)]));
}

export async function registrationsByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return selectRegistrations(db).where('r.id', 'in', ids).execute();
}

export async function registrationsOfUser(db: DbOrTx, eventId: string, userId: string) {
  return selectRegistrations(db)
    .where('r.event_id', '=', eventId)
    .where((eb) => eb.or([eb('r.user_id', '=', userId), eb('r.registered_by', '=', userId)]))
    .orderBy('r.created_at')
    .execute();
}

export async function listRegistrations(
  db: DbOrTx,
  eventId: string,
  f: {
    statuses: string[];
    q?: string | undefined;
    after?: { name: string; id: string } | undefined;
    limit: number;
  },
) {
  let q = selectRegistrations(db).where('r.event_id', '=', eventId);
  if (f.statuses.length) q = q.where('r.status', 'in', f.statuses);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(r.name)`, 'like', like),
        eb(sql`lower(r.email)`, 'like', like),
        eb(sql`lower(coalesce(o.name, r.organisation_name, ''))`, 'like', like),
      ]),
    );
  }
  if (f.after) {
    const { name, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(r.name)`, '>', name),
        eb.and([eb(sql`lower(r.name)`, '=', name), eb('r.id', '>', id)]),
      ]),
    );
  }
  return q.orderBy(sql`lower(r.name)`).orderBy('r.id').limit(f.limit).execute();
}

export async function statusCounts(db: DbOrTx, eventId: string) {
  return db
    .selectFrom('event_registrations')
    .where('event_id', '=', eventId)
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
}

export async function allRegistrations(db: DbOrTx, eventId: string) {
  return selectRegistrations(db)
    .where('r.event_id', '=', eventId)
    .orderBy(sql`lower(r.name)`)
    .orderBy('r.id')
    .execute();
}

/** Confirmed registrations of events starting in (now, until], not yet reminded; locked for this run. */
export async function dueReminders(tx: Tx, now: Date, until: Date, limit: number) {
  return tx
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', now)
    .where('e.starts_at', '<=', until)
    .where('r.status', '=', 'confirmed')
    .where('r.reminded_at', 'is', null)
    .select([
      'r.id',
      'r.event_id',
      'r.email',
      'r.name',
      'r.locale',
      'r.mode',
      'r.check_in_code',
      'r.manage_token',
    ])
    .orderBy('e.starts_at')
    .orderBy('r.id')
    .limit(limit)
    .forUpdate('r')
    .skipLocked()
    .execute();
}

/** Unconfirmed guest registrations whose link expired, removed (they hold no seat and no confirmed data). */
export async function deleteExpiredPending(tx: Tx, now: Date, limit: number) {
  const expired = tx
    .selectFrom('event_registrations')
    .select('id')
    .where('status', '=', 'pending')
    .where('confirm_expires_at', '<=', now)
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return tx
    .deleteFrom('event_registrations')
    .where('id', 'in', expired)
    .returning(['id', 'event_id'])
    .execute();
}

export async function markReminded(tx: Tx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .updateTable('event_registrations')
    .set({ reminded_at: now, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Materials, feedback

export async function listMaterials(db: DbOrTx, eventId: string) {
  return db
    .selectFrom('event_materials as m')
    .leftJoin('files as f', 'f.id', 'm.file_id')
    .where('m.event_id', '=', eventId)
    .select([
      'm.id',
      'm.kind',
      'm.title',
      'm.url',
      'm.file_id',
      'm.filename',
      'f.content_type',
      'f.size_bytes',
      'f.storage_key',
      'm.created_at',
    ])
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export async function insertMaterial(
  db: DbOrTx,
  v: {
    event_id: string;
    kind: 'file' | 'link';
    title: string;
    url: string | null;
    file_id: string | null;
    filename: string | null;
    created_by: string | null;
  },
): Promise<string> {
  const r = await db.insertInto('event_materials').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteMaterial(db: DbOrTx, eventId: string, id: string): Promise<number> {
  const r = await db
    .deleteFrom('event_materials')
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .returning('id')
    .execute();
  return r.length;
}

export async function insertFeedback(
  db: DbOrTx,
  v: { registration_id: string; event_id: string; rating: number; comment: string | null },
): Promise<boolean> {
  const r = await db
    .insertInto('event_feedback')
    .values(v)
    .onConflict((oc) => oc.column('registration_id').doNothing())
    .returning('registration_id')
    .execute();
  return r.length > 0;
}

export async function feedbackOf(db: DbOrTx, eventId: string) {
  const [dist, comments] = await Promise.all([
    db
      .selectFrom('event_feedback')
      .where('event_id', '=', eventId)
      .select(['rating', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('rating')
      .execute(),
    db
      .selectFrom('event_feedback')
      .where('event_id', '=', eventId)
      .where('comment', 'is not', null)
      .select(['rating', 'comment', 'created_at'])
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute(),
  ]);
  return { dist, comments };
}

// ---------------------------------------------------------------------------------------------------------
// Trusted organisers, calendar tokens, organisations' events

export async function isTrusted(db: DbOrTx, organisationId: string): Promise<boolean> {
  const r = await db
    .selectFrom('event_trusted_organisers')
    .select('organisation_id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return !!r;
}

export async function listTrusted(db: DbOrTx) {
  return db
    .selectFrom('event_trusted_organisers as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['o.slug', 'o.name', 't.created_at'])
    .orderBy('o.name')
    .execute();
}

export async function setTrusted(db: DbOrTx, organisationId: string, trusted: boolean, by: string) {
  if (trusted) {
    await db
      .insertInto('event_trusted_organisers')
      .values({ organisation_id: organisationId, trusted_by: by })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('event_trusted_organisers').where('organisation_id', '=', organisationId).execute();
  }
}

export async function findOrganisation(db: DbOrTx, slug: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'status', 'kind', 'region_code', 'visible'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function calendarToken(db: DbOrTx, userId: string) {
  return db
    .selectFrom('event_calendar_tokens')
    .select('token')
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function setCalendarToken(db: DbOrTx, userId: string, token: string): Promise<void> {
  await db
    .insertInto('event_calendar_tokens')
    .values({ user_id: userId, token })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token, updated_at: new Date() }))
    .execute();
}

export async function userOfCalendarToken(db: DbOrTx, token: string) {
  return db
    .selectFrom('event_calendar_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .where('t.token', '=', token)
    .where('u.disabled_at', 'is', null)
    .select(['u.id', 'u.locale'])
    .executeTakeFirst();
}

/** Events a person is registered for (not cancelled), for their page and their calendar feed. */
export async function eventsOfUser(
  db: DbOrTx,
  userId: string,
  opts: { when: 'upcoming' | 'past' | 'all'; now: Date },
) {
  return selectEvents(db)
    .innerJoin('event_registrations as r', 'r.event_id', 'e.id')
    .where('r.user_id', '=', userId)
    .where('r.status', 'not in', ['cancelled'])
    .where('e.status', 'in', ['published', 'cancelled'])
    .$if(opts.when === 'upcoming', (q) => q.where('e.ends_at', '>=', opts.now))
    .$if(opts.when === 'past', (q) => q.where('e.ends_at', '<', opts.now))
    .select(['r.id as registration_id', 'r.status as registration_status', 'r.mode as registration_mode'])
    .orderBy('e.starts_at', opts.when === 'past' ? 'desc' : 'asc')
    .limit(200)
    .execute();
}

export async function organisationEvents(db: DbOrTx, organisationId: string) {
  const attended = (eb: ExpressionBuilder<WithE, 'e'>) =>
    eb
      .selectFrom('event_registrations as r')
      .whereRef('r.event_id', '=', 'e.id')
      .where('r.status', '=', 'attended')
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('attended');
  const [items, totals] = await Promise.all([
    selectEvents(db)
      .where('e.organiser_organisation_id', '=', organisationId)
      .where('e.status', '=', 'published')
      .where('e.audience', '=', 'public')
      .select(attended)
      .orderBy('e.starts_at', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('events as e')
      .leftJoin('event_registrations as r', (j) =>
        j.onRef('r.event_id', '=', 'e.id').on('r.status', '=', 'attended'),
      )
      .where('e.organiser_organisation_id', '=', organisationId)
      .where('e.status', '=', 'published')
      .select([sql<number>`count(distinct e.id)`.as('events'), sql<number>`count(r.id)`.as('reached')])
      .executeTakeFirstOrThrow(),
  ]);
  return { items, totalEvents: Number(totals.events), totalReached: Number(totals.reached) };
}

/** Confirmed and attended people of the given events, one row per email (for the newsletter). */
export async function participantContacts(db: DbOrTx, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('event_registrations')
    .where('event_id', 'in', eventIds)
    .where('status', 'in', ['confirmed', 'attended'])
    .where('email', 'is not', null)
    .distinctOn(sql`lower(email)`)
    .select(['email', 'name', 'locale', 'user_id'])
    .orderBy(sql`lower(email)`)
    .orderBy('created_at')
    .execute();
}

/**
 * Queues many mails in one INSERT (same rows `enqueueMail` writes, one at a time): a waitlist promotion
 * may tell thousands of people at once, inside the transaction that gives them the seat.
 */

// ---------------------------------------------------------------------------------------------------------
// The one search across Trama. The expressions match the indexes of migration 0015 exactly: Italian
// stemming and the `simple` configuration over title and description (unaccented), trigrams on the title.

const searchDoc = sql`f_search_doc(e.title, e.description)`;
const itQuery = (q: string) => sql`websearch_to_tsquery('italian', f_unaccent(${q}))`;
const simpleQuery = (q: string) => sql`websearch_to_tsquery('simple', f_unaccent(${q}))`;
const titleTrgm = sql`lower(f_unaccent(f_search_text(e.title)))`;
const trgmQuery = (q: string) => sql`lower(f_unaccent(${q}))`;

/** Events whose words match, visible to the scope, best first; `limit + 1` rows so the caller sees "more". */
export async function searchEvents(db: DbOrTx, scope: Scope, q: string, limit: number) {
  // A UNION of separately indexed branches (see directory.repository.ts for why not one OR).
  const matched = sql`
    select id from events e where to_tsvector('italian', ${searchDoc}) @@ ${itQuery(q)}
    union select id from events e where to_tsvector('simple', ${searchDoc}) @@ ${simpleQuery(q)}
    union select id from events e where ${titleTrgm} %> ${trgmQuery(q)}`;
  const rank = sql<number>`ts_rank(to_tsvector('italian', ${searchDoc}), ${itQuery(q)})
    + ts_rank(to_tsvector('simple', ${searchDoc}), ${simpleQuery(q)})
    + word_similarity(${trgmQuery(q)}, ${titleTrgm})`;
  return db
    .selectFrom('events as e')
    .where(visibleTo(scope))
    .where(sql<boolean>`e.id in (${matched})`)
    .select(['e.id', 'e.title', 'e.description', 'e.starts_at', 'e.status'])
    .orderBy(rank, 'desc')
    .orderBy('e.starts_at', 'desc')
    .orderBy('e.id')
    .limit(limit + 1)
    .execute();
}
