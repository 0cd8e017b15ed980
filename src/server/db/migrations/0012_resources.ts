// Resource library: items, their file versions (with extracted text), collections. The search vector of
// an item covers title, summary (every language), tags and the text of its current version; the
// application refreshes it (see resources.repository.ts refreshSearch) whenever one of those changes.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('it'))
    .addColumn('fields', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('programme_id', 'uuid', (c) => c.references('programmes.id').onDelete('set null'))
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('public'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('link_url', 'text')
    .addColumn('current_version_id', 'uuid')
    .addColumn('download_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('search_vector', sql`tsvector`)
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'resources_kind_check',
      sql`kind in ('toolkit','advocacy_kit','factsheet','report','template','training_material','recording','other')`,
    )
    .addCheckConstraint('resources_visibility_check', sql`visibility in ('public','members','programme')`)
    .addCheckConstraint('resources_status_check', sql`status in ('draft','published')`)
    .addCheckConstraint(
      'resources_programme_check',
      sql`visibility <> 'programme' or programme_id is not null`,
    )
    .execute();
  await sql`create index resources_search_idx on resources using gin(search_vector)`.execute(db);
  await sql`create index resources_list_idx on resources (created_at desc, id desc)`.execute(db);
  await sql`create index resources_fields_idx on resources using gin(fields)`.execute(db);
  await sql`create index resources_programme_idx on resources (programme_id)`.execute(db);
  await sql`create index resources_organisation_idx on resources (organisation_id)`.execute(db);

  await db.schema
    .createTable('resource_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('files.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('extracted_text', 'text')
    .addColumn('extraction_error', 'text')
    .addColumn('extracted_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('resource_versions_number_key', ['resource_id', 'number'])
    .execute();
  await sql`alter table resources add constraint resources_current_version_fk
    foreign key (current_version_id) references resource_versions(id) on delete set null`.execute(db);

  await db.schema
    .createTable('resource_collections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('resource_collection_items')
    .addColumn('collection_id', 'uuid', (c) =>
      c.notNull().references('resource_collections.id').onDelete('cascade'),
    )
    .addColumn('resource_id', 'uuid', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('resource_collection_items_pkey', ['collection_id', 'resource_id'])
    .execute();
  await sql`create index resource_collection_items_resource_idx on resource_collection_items (resource_id)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resource_collection_items').execute();
  await db.schema.dropTable('resource_collections').execute();
  await sql`alter table resources drop constraint resources_current_version_fk`.execute(db);
  await db.schema.dropTable('resource_versions').execute();
  await db.schema.dropTable('resources').execute();
}
