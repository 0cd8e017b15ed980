// Staff look up the mail sent to one person (a newsletter alone puts thousands of rows in the outbox):
// an index on the normalised recipient, in the list's keyset order, keeps that lookup independent of
// how much mail the network has sent.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index mail_outbox_recipient_idx on mail_outbox (lower(to_address), created_at desc, id)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists mail_outbox_recipient_idx`.execute(db);
}
