// A version number that moves whenever anything the public directory shows changes, so every app
// process can cache directory facet counts and know with one cheap read when they are stale.
// A sequence, not a counter row: nextval() takes no row lock, so writers never queue behind it.
// The trigger runs at commit (deferred), which keeps the window in which a reader sees the new
// version before the new data small; cached entries also expire after a short time.
import { type Kysely, sql } from 'kysely';

const TABLES = [
  'organisations',
  'organisation_fields',
  'programme_organisations',
  'programmes',
  'fields_of_activity',
  'regions',
  'provinces',
];

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence directory_version_seq`.execute(db);
  await sql`
    create or replace function directory_bump_version() returns trigger language plpgsql as $$
    begin
      perform nextval('directory_version_seq');
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`create constraint trigger ${sql.raw(`${table}_directory_version_trg`)}
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function directory_bump_version()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_directory_version_trg`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`drop function if exists directory_bump_version()`.execute(db);
  await sql`drop sequence if exists directory_version_seq`.execute(db);
}
