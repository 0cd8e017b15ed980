// Events: events, registrations (with waitlist and check-in), invitations, materials, feedback, trusted
// organisers and private calendar feed tokens. Seats are counted under a row lock on the event (see
// events.service.ts); the unique (event_id, lower(email)) keeps one registration per person and event.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Rome'))
    .addColumn('venue_name', 'text')
    .addColumn('venue_address', 'text')
    .addColumn('municipality', 'text')
    .addColumn('province_code', 'text', (c) => c.references('provinces.code'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('online_url', 'text')
    .addColumn('capacity_in_person', 'integer')
    .addColumn('capacity_online', 'integer')
    .addColumn('registration_opens_at', 'timestamptz')
    .addColumn('registration_closes_at', 'timestamptz')
    .addColumn('programme_id', 'uuid', (c) => c.references('programmes.id').onDelete('set null'))
    .addColumn('organiser_organisation_id', 'uuid', (c) =>
      c.references('organisations.id').onDelete('cascade'),
    )
    .addColumn('max_per_organisation', 'integer')
    .addColumn('questions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('free_text_prompt', 'jsonb')
    .addColumn('cover_file_id', 'uuid', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search_text', 'text', (c) =>
      c
        .generatedAlwaysAs(
          sql`lower(coalesce(title->>'it', '') || ' ' || coalesce(title->>'en', '') || ' ' || coalesce(title->>'ar', '') || ' ' || coalesce(venue_name, '') || ' ' || coalesce(municipality, ''))`,
        )
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'events_kind_check',
      sql`kind in ('national_event', 'local_event', 'webinar', 'meeting', 'training_session', 'focus_group')`,
    )
    .addCheckConstraint('events_format_check', sql`format in ('in_person', 'online', 'hybrid')`)
    .addCheckConstraint('events_status_check', sql`status in ('draft', 'proposed', 'published', 'cancelled')`)
    .addCheckConstraint(
      'events_audience_check',
      sql`audience in ('public', 'members', 'programme', 'invitation')`,
    )
    .addCheckConstraint('events_dates_check', sql`ends_at > starts_at`)
    .execute();
  // The calendar walks published events by start (keyset on starts_at, id); "upcoming" filters on ends_at.
  await sql`create index events_published_start_idx on events (starts_at, id) where status = 'published'`.execute(
    db,
  );
  await sql`create index events_published_end_idx on events (ends_at) where status = 'published'`.execute(db);
  await sql`create index events_start_idx on events (starts_at, id)`.execute(db);
  await sql`create index events_organiser_idx on events (organiser_organisation_id, starts_at)`.execute(db);
  await sql`create index events_programme_idx on events (programme_id, starts_at)`.execute(db);
  await sql`create index events_search_idx on events using gin (search_text gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('registered_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('email', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('it'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('organisation_name', 'text')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('check_in_code', 'text', (c) => c.notNull().unique())
    .addColumn('manage_token', 'text', (c) => c.notNull().unique())
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .addColumn('walk_in', 'boolean', (c) => c.notNull().defaultTo(false))
    // Waitlist order: when the person (re)joined, so a cancelled-then-returning person goes to the back.
    .addColumn('queued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('checked_in_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'event_registrations_status_check',
      sql`status in ('pending', 'confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show')`,
    )
    .addCheckConstraint('event_registrations_mode_check', sql`mode in ('in_person', 'online')`)
    .execute();
  await sql`create unique index event_registrations_person_idx on event_registrations (event_id, lower(email))`.execute(
    db,
  );
  await sql`create index event_registrations_seats_idx on event_registrations (event_id, status, mode, queued_at)`.execute(
    db,
  );
  await sql`create index event_registrations_org_idx on event_registrations (event_id, organisation_id)`.execute(
    db,
  );
  await sql`create index event_registrations_user_idx on event_registrations (user_id)`.execute(db);
  await sql`create index event_registrations_name_idx on event_registrations (event_id, lower(name), id)`.execute(
    db,
  );
  await sql`create index event_registrations_unreminded_idx on event_registrations (event_id) where status = 'confirmed' and reminded_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('event_invitations')
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('event_invitations_pk', ['event_id', 'email'])
    .execute();
  await sql`create index event_invitations_email_idx on event_invitations (email)`.execute(db);

  await db.schema
    .createTable('event_materials')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('file_id', 'uuid', (c) => c.references('files.id').onDelete('cascade'))
    .addColumn('filename', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('event_materials_kind_check', sql`kind in ('file', 'link')`)
    .execute();
  await sql`create index event_materials_event_idx on event_materials (event_id, created_at)`.execute(db);

  await db.schema
    .createTable('event_feedback')
    .addColumn('registration_id', 'uuid', (c) =>
      c.primaryKey().references('event_registrations.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('event_feedback_rating_check', sql`rating between 1 and 5`)
    .execute();
  await sql`create index event_feedback_event_idx on event_feedback (event_id, created_at desc)`.execute(db);

  await db.schema
    .createTable('event_trusted_organisers')
    .addColumn('organisation_id', 'uuid', (c) =>
      c.primaryKey().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('trusted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('event_calendar_tokens')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'event_calendar_tokens',
    'event_trusted_organisers',
    'event_feedback',
    'event_materials',
    'event_invitations',
    'event_registrations',
    'events',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
