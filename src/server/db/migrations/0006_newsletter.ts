// Newsletter: subscriptions with double opt-in, campaigns, and one delivery row per recipient and campaign.
// The unique (campaign_id, email) and the delivery's mail_id, written in the same transaction as its outbox
// mail, are what make a campaign resumable after a crash without anyone getting it twice.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('it'))
    .addColumn('programme_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('topics', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .addColumn('confirm_expires_at', 'timestamptz')
    .addColumn('manage_token', 'text', (c) => c.notNull().unique())
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('unsubscribed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'newsletter_subscriptions_status_check',
      sql`status in ('pending', 'confirmed', 'unsubscribed')`,
    )
    .execute();
  await sql`create index newsletter_subscriptions_confirmed_idx on newsletter_subscriptions (status)`.execute(
    db,
  );
  await sql`create index newsletter_subscriptions_programmes_idx on newsletter_subscriptions using gin (programme_ids)`.execute(
    db,
  );
  await sql`create index newsletter_subscriptions_topics_idx on newsletter_subscriptions using gin (topics)`.execute(
    db,
  );

  await db.schema
    .createTable('newsletter_campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('contents', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('audience', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('scheduled_at', 'timestamptz')
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('recipient_count', 'integer')
    .addColumn('in_archive', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'newsletter_campaigns_status_check',
      sql`status in ('draft', 'scheduled', 'sending', 'sent', 'cancelled')`,
    )
    .execute();
  await sql`create index newsletter_campaigns_list_idx on newsletter_campaigns (created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index newsletter_campaigns_archive_idx on newsletter_campaigns (started_at desc, id desc) where status in ('sending', 'sent') and in_archive`.execute(
    db,
  );
  await sql`create index newsletter_campaigns_due_idx on newsletter_campaigns (scheduled_at) where status = 'scheduled'`.execute(
    db,
  );

  await db.schema
    .createTable('newsletter_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('newsletter_campaigns.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('mail_id', 'uuid')
    .addColumn('enqueued_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('newsletter_deliveries_campaign_email_key', ['campaign_id', 'email'])
    .addCheckConstraint(
      'newsletter_deliveries_status_check',
      sql`status in ('queued', 'enqueued', 'skipped')`,
    )
    .execute();
  await sql`create index newsletter_deliveries_queued_idx on newsletter_deliveries (created_at, id) where status = 'queued'`.execute(
    db,
  );
  await sql`create index newsletter_deliveries_enqueued_at_idx on newsletter_deliveries (enqueued_at) where enqueued_at is not null`.execute(
    db,
  );
  await sql`create index newsletter_deliveries_campaign_status_idx on newsletter_deliveries (campaign_id, status)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('newsletter_deliveries').execute();
  await db.schema.dropTable('newsletter_campaigns').execute();
  await db.schema.dropTable('newsletter_subscriptions').execute();
}
