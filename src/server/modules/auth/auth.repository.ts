// Accounts, link tokens, login attempts and the personal-data export: Kysely only, no decisions.
import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../../db/database.js';
import type { Locale, NetworkRole, TokenPurpose } from './auth.table.js';

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'password_hash',
  'email_verified_at',
  'network_role',
  'locale',
  'languages',
  'disabled_at',
  'created_at',
  'updated_at',
] as const;

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: DbOrTx, id: string) {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  tx: Tx,
  row: { email: string; name: string; passwordHash: string; locale: Locale },
): Promise<string> {
  const r = await tx
    .insertInto('users')
    .values({
      email: row.email,
      name: row.name,
      password_hash: row.passwordHash,
      locale: row.locale,
      email_verified_at: null,
      network_role: null,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  patch: {
    name?: string;
    locale?: Locale;
    languages?: string[];
    passwordHash?: string;
    networkRole?: NetworkRole | null;
    /** Sets email_verified_at to now unless it is already set. */
    markVerified?: boolean;
  },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      updated_at: new Date(),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      ...(patch.languages !== undefined ? { languages: patch.languages } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.networkRole !== undefined ? { network_role: patch.networkRole } : {}),
      ...(patch.markVerified ? { email_verified_at: sql<Date>`coalesce(email_verified_at, now())` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Locks the user row so that concurrent role changes are decided one after the other. */
export async function lockUser(tx: Tx, id: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'network_role'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listUsers(
  db: DbOrTx,
  opts: { q?: string | undefined; role?: NetworkRole | 'none' | undefined; limit: number },
) {
  const pattern = opts.q ? `%${opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'network_role'])
    .where('disabled_at', 'is', null)
    .$if(pattern !== undefined, (q) =>
      q.where((eb) =>
        eb.or([eb(sql`lower(name)`, 'like', pattern!), eb(sql`lower(email)`, 'like', pattern!)]),
      ),
    )
    .$if(opts.role === 'none', (q) => q.where('network_role', 'is', null))
    .$if(opts.role !== undefined && opts.role !== 'none', (q) =>
      q.where('network_role', '=', opts.role as NetworkRole),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(opts.limit)
    .execute();
}

/** Memberships shown in the session: the same organisations the actor's memberships come from. */
export async function findActiveMemberships(db: DbOrTx, userId: string) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select([
      'organisation_members.organisation_id',
      'organisation_members.role',
      'organisations.slug',
      'organisations.name',
    ])
    .where('organisation_members.user_id', '=', userId)
    .where('organisations.status', 'in', ['member', 'suspended'])
    .orderBy('organisations.name')
    .execute();
}

export async function findOrganisationName(db: DbOrTx, organisationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.name ?? null;
}

// --- link tokens (verify email, reset password, invitation) ---

export async function insertToken(
  db: DbOrTx,
  row: { tokenHash: string; userId: string; purpose: TokenPurpose; expiresAt: Date; data?: unknown },
): Promise<void> {
  await db
    .insertInto('auth_tokens')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      purpose: row.purpose,
      data: JSON.stringify(row.data ?? {}),
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute();
}

/** A usable token (unused, unexpired) with its user, without using it up. */
export async function findUsableToken(db: DbOrTx, tokenHash: string, purpose: TokenPurpose) {
  return db
    .selectFrom('auth_tokens')
    .innerJoin('users', 'users.id', 'auth_tokens.user_id')
    .select(['auth_tokens.user_id', 'auth_tokens.data', 'users.email', 'users.name', 'users.disabled_at'])
    .where('auth_tokens.token_hash', '=', tokenHash)
    .where('auth_tokens.purpose', '=', purpose)
    .where('auth_tokens.used_at', 'is', null)
    .where('auth_tokens.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/**
 * Uses a token up: one conditional UPDATE, so of two concurrent requests with the same token exactly
 * one gets the row back.
 */
export async function consumeToken(db: DbOrTx, tokenHash: string, purpose: TokenPurpose) {
  return db
    .updateTable('auth_tokens')
    .set({ used_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['user_id', 'data'])
    .executeTakeFirst();
}

/** Makes every outstanding token of this purpose unusable, e.g. older reset links after a reset. */
export async function invalidateTokens(db: DbOrTx, userId: string, purpose: TokenPurpose): Promise<void> {
  await db
    .updateTable('auth_tokens')
    .set({ used_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

// --- attempts (rate limits shared by every app process) ---

export async function insertAttempts(db: Db, keys: string[]): Promise<Array<string | number>> {
  const rows = await db
    .insertInto('auth_attempts')
    .values(keys.map((key) => ({ key })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Attempts under `key` in the last `windowSeconds`, measured by the database clock so processes agree. */
export async function countAttempts(db: Db, key: string, windowSeconds: number): Promise<number> {
  const row = await db
    .selectFrom('auth_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('created_at', '>', sql<Date>`now() - ${windowSeconds} * interval '1 second'`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteAttemptsByKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('key', '=', key).execute();
}

export async function deleteAttemptsById(db: Db, ids: Array<string | number>): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('auth_attempts').where('id', 'in', ids.map(String)).execute();
}

/**
 * Deletes expired attempts among the oldest `limit` rows. Ids grow with time, so the oldest rows come
 * first in the primary key and each call costs a bounded index scan whatever the size of the table.
 */
export async function purgeOldAttempts(db: Db, olderThanSeconds: number, limit: number): Promise<void> {
  await sql`
    delete from auth_attempts where id in (
      select id from (select id, created_at from auth_attempts order by id limit ${limit}) oldest
      where oldest.created_at < now() - ${olderThanSeconds} * interval '1 second')`.execute(db);
}

// --- personal data export: one query per kind of data, each bounded by the person ---

export async function exportMemberships(db: DbOrTx, userId: string) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select([
      'organisation_members.organisation_id',
      'organisation_members.role',
      'organisation_members.created_at',
      'organisations.name',
      'organisations.slug',
      'organisations.status',
    ])
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

export async function exportProgrammeRoles(db: DbOrTx, userId: string) {
  return db
    .selectFrom('programme_staff')
    .innerJoin('programmes', 'programmes.id', 'programme_staff.programme_id')
    .select(['programmes.name', 'programmes.slug', 'programme_staff.role'])
    .where('programme_staff.user_id', '=', userId)
    .orderBy('programmes.name')
    .execute();
}

export async function exportApplicationsAsContact(db: DbOrTx, email: string) {
  return db
    .selectFrom('applications')
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .select([
      'applications.id',
      'organisations.name as organisation_name',
      'applications.status',
      'applications.contact_name',
      'applications.contact_email',
      'applications.contact_phone',
      'applications.contact_role',
      'applications.message',
      'applications.submitted_at',
    ])
    .where(sql<string>`lower(applications.contact_email)`, '=', email.toLowerCase())
    .orderBy('applications.submitted_at')
    .execute();
}

export async function exportSessions(db: DbOrTx, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export async function exportAuditEntries(db: DbOrTx, userId: string) {
  return db
    .selectFrom('audit_log')
    .select(['entity_type', 'entity_id', 'action', 'from_status', 'to_status', 'note', 'created_at'])
    .where('actor_user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export async function exportMails(db: DbOrTx, email: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'template', 'status', 'text_body', 'created_at', 'sent_at'])
    .where(sql<string>`lower(to_address)`, '=', email.toLowerCase())
    .orderBy('created_at')
    .execute();
}
