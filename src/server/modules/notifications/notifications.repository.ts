// Queries of the notification centre; every read is by the recipient's id through an index.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';

export type NotificationInsert = {
  userId: string;
  kind: string;
  locale: string;
  title: string;
  body: string;
  link: string | null;
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
        // The wall clock, not the transaction's start: several notify calls in one change stay in order.
        // Milliseconds, as JavaScript dates hold them: the keyset cursor carries created_at through a Date,
        // and a microsecond part it cannot express would make the next page skip rows.
        created_at: sql<Date>`date_trunc('milliseconds', clock_timestamp())`,
      })),
    )
    .execute();
}

export async function localesOf(db: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('id', 'in', [...userIds])
    .where('disabled_at', 'is', null)
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
