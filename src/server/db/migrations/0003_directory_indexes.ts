// Makes the planner use the trigram GIN index for the directory's name search. pg_trgm declares its
// similarity operators with the default cost of 1, so on a table of a few thousand rows the planner
// prefers a sequential scan that computes similarity() on every organisation (about 120 ms at 10,000
// organisations, rising linearly); with a realistic per-call cost it picks the bitmap scan on
// organisations_name_trgm_idx, which only rechecks the candidate rows. The functions belong to the
// extension created in 0001, so the migration user owns them.
import { type Kysely, sql } from 'kysely';

const OPERATOR_FUNCTIONS = ['similarity_op', 'word_similarity_op', 'word_similarity_commutator_op'];

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  for (const fn of OPERATOR_FUNCTIONS) {
    await sql`alter function ${sql.raw(fn)}(text, text) cost 500`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const fn of OPERATOR_FUNCTIONS) {
    await sql`alter function ${sql.raw(fn)}(text, text) cost 1`.execute(db);
  }
}
