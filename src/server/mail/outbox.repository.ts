import { sql } from 'kysely';
import type { Db, DbOrTx } from '../db/database.js';

export type NewMail = {
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: Record<string, string>;
  locale: string;
  template: string;
};

export async function insertMail(db: DbOrTx, mail: NewMail): Promise<string> {
  const row = await db
    .insertInto('mail_outbox')
    .values({ ...mail, headers: JSON.stringify(mail.headers) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMails(db: DbOrTx, mails: readonly NewMail[]): Promise<void> {
  for (let i = 0; i < mails.length; i += 1000) {
    await db
      .insertInto('mail_outbox')
      .values(mails.slice(i, i + 1000).map((m) => ({ ...m, headers: JSON.stringify(m.headers) })))
      .execute();
  }
}

/**
 * Claims up to `limit` due mails for `leaseMs`: FOR UPDATE SKIP LOCKED lets several workers in several
 * processes run at once without sending a mail twice.
 */
export async function claimDueMails(db: Db, limit: number, leaseMs: number) {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom('mail_outbox')
      .select('id')
      .where('status', '=', 'pending')
      // The database's clock, as the defaults that filled next_attempt_at: JavaScript's Date stops at
      // milliseconds, so a mail queued a few microseconds ago would not be due yet by it.
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]))
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return tx
      .updateTable('mail_outbox')
      .set({ locked_until: new Date(Date.now() + leaseMs), attempts: sql`attempts + 1` })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  });
}

export async function markSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: 'sent',
      sent_at: new Date(),
      locked_until: null,
      last_error: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function markRetry(db: Db, id: string, error: string, nextAttemptAt: Date, giveUp: boolean) {
  await db
    .updateTable('mail_outbox')
    .set({
      status: giveUp ? 'failed' : 'pending',
      next_attempt_at: nextAttemptAt,
      locked_until: null,
      last_error: error.slice(0, 1000),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function findMail(db: Db, id: string) {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
