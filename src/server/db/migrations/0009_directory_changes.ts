// A log of which organisations changed, so each app process can patch its in-memory facet index
// (modules/organisations/facet-index.ts) instead of recounting every member after each change.
// Rows carry the writing transaction's id: a reader that remembers the xmin of the snapshot it last read
// with can re-read every row committed since, whatever order concurrent transactions committed in.
// organisation_id null means "too much changed to patch" (a programme renamed, a field of activity or a
// place relabelled): readers rebuild.
import { type Kysely, sql } from 'kysely';

const PER_ORGANISATION: Array<[table: string, column: string]> = [
  ['organisations', 'id'],
  ['organisation_fields', 'organisation_id'],
  ['programme_organisations', 'organisation_id'],
];
const REFERENCE = ['programmes', 'fields_of_activity', 'regions', 'provinces'];

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table directory_changes (
    id bigserial primary key,
    xid xid8 not null default pg_current_xact_id(),
    organisation_id uuid,
    created_at timestamptz not null default now())`.execute(db);
  await sql`create index directory_changes_xid_idx on directory_changes(xid)`.execute(db);
  await sql`create index directory_changes_created_idx on directory_changes(created_at)`.execute(db);
  for (const [table, column] of PER_ORGANISATION) {
    // An UPDATE that moves a row to another organisation changes both.
    await sql`
      create or replace function ${sql.raw(`${table}_directory_change`)}() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then
          insert into directory_changes (organisation_id) values (old.${sql.raw(column)});
        end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.${sql.raw(column)} is distinct from old.${sql.raw(column)}) then
          insert into directory_changes (organisation_id) values (new.${sql.raw(column)});
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_directory_change_trg`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function ${sql.raw(`${table}_directory_change`)}()`.execute(db);
  }
  await sql`
    create or replace function directory_change_all() returns trigger language plpgsql as $$
    begin
      insert into directory_changes (organisation_id) values (null);
      return null;
    end $$`.execute(db);
  for (const table of REFERENCE) {
    await sql`create trigger ${sql.raw(`${table}_directory_change_trg`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function directory_change_all()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [...PER_ORGANISATION.map(([t]) => t), ...REFERENCE]) {
    await sql`drop trigger if exists ${sql.raw(`${table}_directory_change_trg`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  for (const [table] of PER_ORGANISATION) {
    await sql`drop function if exists ${sql.raw(`${table}_directory_change`)}()`.execute(db);
  }
  await sql`drop function if exists directory_change_all()`.execute(db);
  await sql`drop table if exists directory_changes`.execute(db);
}
