// Notifications by email: each person's choice (off, immediate, daily digest), the delivery mode resolved on
// each notification when it is created, and an index of what is still waiting to be mailed.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email_mode', 'text', (c) => c.notNull().defaultTo('daily'))
    // Key of the HMAC that signs the one-click unsubscribe links of this person's mails.
    .addColumn('unsubscribe_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'notification_settings_email_mode_check',
      sql`email_mode in ('off', 'immediate', 'daily')`,
    )
    .execute();
  // Rows written before this migration (and any insert that does not say) are never mailed.
  await db.schema
    .alterTable('notifications')
    .addColumn('email_mode', 'text', (c) =>
      c.notNull().defaultTo('off').check(sql`email_mode in ('off', 'immediate', 'daily')`),
    )
    .execute();
  // The old index held every unread notification, mailed or not; this one only what still waits for a mail,
  // by mode and person: the immediate job reads one person's, the digest walks the people with daily ones.
  await sql`drop index if exists notifications_digest_idx`.execute(db);
  await sql`create index notifications_email_due_idx on notifications (email_mode, user_id, created_at) where emailed_at is null and read_at is null and email_mode <> 'off'`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists notifications_email_due_idx`.execute(db);
  await sql`create index notifications_digest_idx on notifications (created_at) where emailed_at is null and read_at is null`.execute(
    db,
  );
  await db.schema.alterTable('notifications').dropColumn('email_mode').execute();
  await db.schema.dropTable('notification_settings').execute();
}
