// Trainings: courses, their sessions (each one an event of kind training_session), enrolments with a
// waitlist, and certificates. Attendance is NOT stored here: it is the status of the enrolled person's
// registration to each session event (one source of truth, shared with the events check-in).
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('programme', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('audiences', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer')
    .addColumn('enrolment_opens_at', 'timestamptz')
    .addColumn('enrolment_closes_at', 'timestamptz')
    .addColumn('completion_threshold', sql`numeric(4,3)`, (c) => c.notNull().defaultTo(0.75))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('courses_status_check', sql`status in ('draft', 'published', 'cancelled')`)
    .addCheckConstraint('courses_format_check', sql`format in ('in_person', 'online', 'hybrid')`)
    .addCheckConstraint(
      'courses_threshold_check',
      sql`completion_threshold > 0 and completion_threshold <= 1`,
    )
    .addCheckConstraint('courses_seats_check', sql`seats is null or seats > 0`)
    .execute();
  await sql`create index courses_list_idx on courses (status, created_at desc, id desc)`.execute(db);

  await db.schema
    .createTable('course_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.notNull().unique().references('events.id').onDelete('cascade'))
    .addColumn('hours', sql`numeric(5,2)`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('course_sessions_hours_check', sql`hours > 0`)
    .execute();
  await sql`create index course_sessions_course_idx on course_sessions (course_id)`.execute(db);

  await db.schema
    .createTable('course_enrolments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('enrolled_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('in_person'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('organisation_name', 'text')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    // Waitlist order: when the person (re)joined.
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('enrolled_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'course_enrolments_status_check',
      sql`status in ('enrolled', 'waitlisted', 'cancelled')`,
    )
    .addCheckConstraint('course_enrolments_mode_check', sql`mode in ('in_person', 'online')`)
    .addUniqueConstraint('course_enrolments_person_key', ['course_id', 'user_id'])
    .execute();
  await sql`create index course_enrolments_seats_idx on course_enrolments (course_id, status, queued_at)`.execute(
    db,
  );
  await sql`create index course_enrolments_user_idx on course_enrolments (user_id)`.execute(db);

  await db.schema
    .createTable('course_certificates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('enrolment_id', 'uuid', (c) =>
      c.notNull().unique().references('course_enrolments.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'uuid', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // What was certified, frozen at issue: later edits to the course do not change a certificate.
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('course_title', 'jsonb', (c) => c.notNull())
    .addColumn('hours_attended', sql`numeric(6,2)`, (c) => c.notNull())
    .addColumn('total_hours', sql`numeric(6,2)`, (c) => c.notNull())
    .addColumn('first_session_at', 'timestamptz')
    .addColumn('last_session_at', 'timestamptz')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Rome'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('issued_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoke_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index course_certificates_course_idx on course_certificates (course_id)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['course_certificates', 'course_enrolments', 'course_sessions', 'courses']) {
    await db.schema.dropTable(t).execute();
  }
}
