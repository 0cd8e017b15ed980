// When a person was told they completed a course (so they are told once, by the hourly job).
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table course_enrolments add column completion_notified_at timestamptz`.execute(db);
  // Enrolments that completed before this existed are not announced now, months later.
  await sql`update course_enrolments set completion_notified_at = now() where status = 'enrolled'`.execute(
    db,
  );
  await sql`create index course_enrolments_completion_idx on course_enrolments (course_id)
    where status = 'enrolled' and completion_notified_at is null`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table course_enrolments drop column completion_notified_at`.execute(db);
}
