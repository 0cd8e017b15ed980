// Mentoring and supervision: engagements of a mentor with an organisation, their participants, sessions
// (with private notes), follow-up actions and session requests from the organisation.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mentoring_engagements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('mentor_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull().defaultTo('organisation'))
    .addColumn('subject_name', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'mentoring_engagements_purpose_check',
      sql`purpose in ('accompaniment', 'supervision', 'mentoring')`,
    )
    .addCheckConstraint(
      'mentoring_engagements_subject_check',
      sql`subject_kind in ('organisation', 'project', 'consortium', 'territorial_team')`,
    )
    .addCheckConstraint('mentoring_engagements_status_check', sql`status in ('active', 'closed')`)
    .addCheckConstraint('mentoring_engagements_period_check', sql`ends_on is null or ends_on >= starts_on`)
    .execute();
  await sql`create index mentoring_engagements_list_idx on mentoring_engagements (created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index mentoring_engagements_org_idx on mentoring_engagements (organisation_id)`.execute(
    db,
  );
  await sql`create index mentoring_engagements_mentor_idx on mentoring_engagements (mentor_user_id)`.execute(
    db,
  );

  await db.schema
    .createTable('mentoring_participants')
    .addColumn('engagement_id', 'uuid', (c) =>
      c.notNull().references('mentoring_engagements.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mentoring_participants_pkey', ['engagement_id', 'user_id'])
    .execute();
  await sql`create index mentoring_participants_user_idx on mentoring_participants (user_id)`.execute(db);

  await db.schema
    .createTable('mentoring_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('engagement_id', 'uuid', (c) =>
      c.notNull().references('mentoring_engagements.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('preferred_dates', sql`text[]`, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('session_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('mentoring_requests_status_check', sql`status in ('open', 'scheduled', 'declined')`)
    .execute();
  await sql`create index mentoring_requests_engagement_idx on mentoring_requests (engagement_id, created_at)`.execute(
    db,
  );

  await db.schema
    .createTable('mentoring_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('engagement_id', 'uuid', (c) =>
      c.notNull().references('mentoring_engagements.id').onDelete('cascade'),
    )
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Rome'))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('participant_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('strengths', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('critical_issues', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('request_id', 'uuid', (c) => c.references('mentoring_requests.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('mentoring_sessions_format_check', sql`format in ('on_site', 'online')`)
    .execute();
  await sql`create index mentoring_sessions_engagement_idx on mentoring_sessions (engagement_id, starts_at)`.execute(
    db,
  );
  await sql`create index mentoring_sessions_time_idx on mentoring_sessions (starts_at, id)`.execute(db);

  await db.schema
    .createTable('mentoring_actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('engagement_id', 'uuid', (c) =>
      c.notNull().references('mentoring_engagements.id').onDelete('cascade'),
    )
    .addColumn('session_id', 'uuid', (c) => c.references('mentoring_sessions.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('done_at', 'timestamptz')
    // Set in the same transaction as the "overdue" notification: the owner is told exactly once.
    .addColumn('overdue_notified_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('mentoring_actions_status_check', sql`status in ('open', 'done')`)
    .execute();
  await sql`create index mentoring_actions_engagement_idx on mentoring_actions (engagement_id, due_on)`.execute(
    db,
  );
  await sql`create index mentoring_actions_open_idx on mentoring_actions (due_on, id) where status = 'open'`.execute(
    db,
  );
  await sql`create index mentoring_actions_to_notify_idx on mentoring_actions (due_on) where status = 'open' and overdue_notified_at is null`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'mentoring_actions',
    'mentoring_sessions',
    'mentoring_requests',
    'mentoring_participants',
    'mentoring_engagements',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
