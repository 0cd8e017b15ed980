// Indexes of the one search across Trama: full text (Italian stemming and the `simple` configuration, so
// English and Arabic words match exactly as written) and trigrams (typos) over the titles and descriptions
// of events and courses. Both tables keep their text as JSON maps per language, so two IMMUTABLE helper
// functions flatten a map into one unaccented text; the search queries use exactly these expressions,
// which is what lets the planner use the expression indexes.
import { type Kysely, sql } from 'kysely';

const TABLES = ['events', 'courses'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function f_search_text(jsonb) returns text
    language sql immutable parallel safe
    as $$ select coalesce((select string_agg(value, ' ') from jsonb_each_text(
      case when jsonb_typeof($1) = 'object' then $1 else '{}'::jsonb end)), '') $$`.execute(db);
  await sql`
    create or replace function f_search_doc(jsonb, jsonb) returns text
    language sql immutable parallel safe
    as $$ select public.f_unaccent(public.f_search_text($1) || ' ' || public.f_search_text($2)) $$`.execute(
    db,
  );
  for (const t of TABLES) {
    const table = sql.raw(t);
    await sql`create index ${sql.raw(`${t}_search_it_idx`)} on ${table}
      using gin (to_tsvector('italian'::regconfig, f_search_doc(title, description)))`.execute(db);
    await sql`create index ${sql.raw(`${t}_search_simple_idx`)} on ${table}
      using gin (to_tsvector('simple'::regconfig, f_search_doc(title, description)))`.execute(db);
    await sql`create index ${sql.raw(`${t}_title_trgm_idx`)} on ${table}
      using gin (lower(f_unaccent(f_search_text(title))) gin_trgm_ops)`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    for (const suffix of ['search_it_idx', 'search_simple_idx', 'title_trgm_idx']) {
      await sql`drop index if exists ${sql.raw(`${t}_${suffix}`)}`.execute(db);
    }
  }
  await sql`drop function if exists f_search_doc(jsonb, jsonb)`.execute(db);
  await sql`drop function if exists f_search_text(jsonb)`.execute(db);
}
