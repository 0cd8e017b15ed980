// Queries of the notification centre; every read is by the recipient's id through an index.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { EmailMode } from './notifications.table.js';

export type NotificationInsert = {
  userId: string;
  kind: string;
  locale: string;
  title: string;
  body: string;
  link: string | null;
  emailMode: EmailMode;
};

export async function insertNotifications(db: DbOrTx, rows: readonly NotificationInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        kind: r.kind,
        locale: r.locale,
        title: r.title,
        body: r.body,
        link: r.link,
        email_mode: r.emailMode,
        // The wall clock, not the transaction's start: several notify calls in one change stay in order.
        // Milliseconds, as JavaScript dates hold them: the keyset cursor carries created_at through a Date,
        // and a microsecond part it cannot express would make the next page skip rows.
        created_at: sql<Date>`date_trunc('milliseconds', clock_timestamp())`,
      })),
    )
    .execute();
}

/** Active recipients with their language and their email setting (null: never changed, the default). */
export async function recipientsOf(db: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users as u')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select(['u.id', 'u.locale', 's.email_mode'])
    .where('u.id', 'in', [...userIds])
    .where('u.disabled_at', 'is', null)
    .execute();
}

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  opts: { unread: boolean; after?: { createdAt: Date; id: string }; limit: number },
) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'])
    .where('user_id', '=', userId)
    .$if(opts.unread, (q) => q.where('read_at', 'is', null))
    .$if(!!opts.after, (q) =>
      q.where(({ eb, refTuple, tuple }) =>
        eb(refTuple('created_at', 'id'), '<', tuple(opts.after?.createdAt as Date, opts.after?.id as string)),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
}

export async function countUnread(db: DbOrTx, userId: string, cap: number): Promise<number> {
  const row = await db
    .selectFrom(
      db
        .selectFrom('notifications')
        .select(sql<number>`1`.as('one'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .limit(cap)
        .as('u'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: DbOrTx, userId: string, id: string) {
  return db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning(['id', 'kind', 'title', 'body', 'link', 'read_at', 'created_at'])
    .executeTakeFirst();
}

export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: sql`now()`, updated_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

// --- email ---------------------------------------------------------------------------------------------------

export async function findSettings(db: DbOrTx, userId: string) {
  return db
    .selectFrom('notification_settings')
    .select(['email_mode', 'unsubscribe_key'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Sets the person's mode, creating their row (with the given key) the first time. */
export async function upsertEmailMode(db: DbOrTx, userId: string, mode: EmailMode, newKey: string) {
  return db
    .insertInto('notification_settings')
    .values({ user_id: userId, email_mode: mode, unsubscribe_key: newKey })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ email_mode: mode, updated_at: sql`now()` }))
    .returning(['email_mode'])
    .executeTakeFirstOrThrow();
}

/**
 * Creates the settings row (default mode) of people who have none, so each has an unsubscribe key, and
 * returns the keys stored: a row another transaction created meanwhile keeps its own key.
 */
export async function ensureSettingsRows(
  db: DbOrTx,
  rows: readonly { userId: string; unsubscribeKey: string }[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  await db
    .insertInto('notification_settings')
    .values(rows.map((r) => ({ user_id: r.userId, unsubscribe_key: r.unsubscribeKey })))
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  const stored = await db
    .selectFrom('notification_settings')
    .select(['user_id', 'unsubscribe_key'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.userId),
    )
    .execute();
  return new Map(stored.map((r) => [r.user_id, r.unsubscribe_key]));
}

/** Who may be mailed and how: address, name, language, state of the account, setting and key. */
export async function mailRecipients(db: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users as u')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.disabled_at',
      'u.email_verified_at',
      's.email_mode',
      's.unsubscribe_key',
    ])
    .where('u.id', 'in', [...userIds])
    .execute();
}

export async function findUserEmail(db: DbOrTx, userId: string) {
  return db.selectFrom('users').select(['email']).where('id', '=', userId).executeTakeFirst();
}

/** Notifications of these people still waiting for a mail will not get one (they turned mail off). */
export async function cancelPendingMail(db: DbOrTx, userIds: readonly string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await db
    .updateTable('notifications')
    .set({ email_mode: 'off', updated_at: sql`now()` })
    .where('user_id', 'in', [...userIds])
    .where('email_mode', '<>', 'off')
    .where('emailed_at', 'is', null)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Up to `limit` people with notifications waiting for a mail of this mode (created before `before` if given),
 * read from the partial index of waiting notifications only.
 */
export async function usersWithPendingMail(
  db: DbOrTx,
  mode: 'immediate' | 'daily',
  limit: number,
  before?: Date,
) {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('email_mode', '=', mode)
    .where('email_mode', '<>', 'off')
    .where('emailed_at', 'is', null)
    .where('read_at', 'is', null)
    .$if(before !== undefined, (q) => q.where('created_at', '<', before as Date))
    .limit(limit)
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Marks as mailed, and returns, the unread notifications of these people waiting for a mail of this mode.
 * Rows another transaction is claiming are skipped (and rows it claimed no longer match once it commits),
 * so two concurrent runs never both return the same notification.
 */
export async function claimPendingMail(db: DbOrTx, mode: 'immediate' | 'daily', userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .updateTable('notifications')
    .set({ emailed_at: sql`now()`, updated_at: sql`now()` })
    .where(
      'id',
      'in',
      db
        .selectFrom('notifications')
        .select('id')
        .where('email_mode', '=', mode)
        .where('email_mode', '<>', 'off')
        .where('emailed_at', 'is', null)
        .where('read_at', 'is', null)
        .where('user_id', 'in', [...userIds])
        .forUpdate()
        .skipLocked(),
    )
    .where('emailed_at', 'is', null)
    .where('read_at', 'is', null)
    .returning(['id', 'user_id', 'title', 'body', 'link', 'created_at'])
    .execute();
}
