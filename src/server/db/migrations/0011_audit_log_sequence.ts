// Audit entries written by one transaction can share a timestamp (the embedded database's clock ticks in
// milliseconds), and a random id does not say which came first: a sequence number keeps the history in
// the order it was written.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column seq bigserial`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log drop column seq`.execute(db);
}
