// Guest confirmation links expire: when the link was last mailed and until when it works, so an
// unconfirmed registration under somebody else's address cannot hold that address forever.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('event_registrations')
    .addColumn('confirm_sent_at', 'timestamptz')
    .addColumn('confirm_expires_at', 'timestamptz')
    .execute();
  // Pending rows written before this migration get the usual 48 hours from now.
  await sql`update event_registrations set confirm_sent_at = updated_at, confirm_expires_at = now() + interval '48 hours' where status = 'pending'`.execute(
    db,
  );
  await sql`create index event_registrations_expiry_idx on event_registrations (confirm_expires_at) where status = 'pending'`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists event_registrations_expiry_idx`.execute(db);
  await db.schema
    .alterTable('event_registrations')
    .dropColumn('confirm_sent_at')
    .dropColumn('confirm_expires_at')
    .execute();
}
