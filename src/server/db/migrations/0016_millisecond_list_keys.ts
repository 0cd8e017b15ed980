// Lists paged by (created_at, id) carry created_at in their cursor through a JavaScript Date, which holds
// milliseconds. A microsecond part on the column made the next page skip rows created in the same
// millisecond as the last row shown, so the keys are stored in milliseconds.
import { type Kysely, sql } from 'kysely';

const TABLES = ['newsletter_campaigns', 'mentoring_engagements'];

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} alter column created_at set default date_trunc('milliseconds', now())`.execute(
      db,
    );
    await sql`update ${sql.table(table)} set created_at = date_trunc('milliseconds', created_at)`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} alter column created_at set default now()`.execute(db);
  }
}
