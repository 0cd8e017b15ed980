// SQL of the resource library (Kysely only). Programme and organisation names are joined for display.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database, DbOrTx } from '../../db/database.js';

/** Who is looking, as the library needs it (built by the service from the events' scope). */
export type Scope = {
  staff: boolean;
  userId: string | null;
  memberOrgIds: string[];
  manageOrgIds: string[];
  programmeSlugs: string[];
};

type WithR = Database & { r: Database['resources'] };

/** Staff see everything; managers of the author organisation see its items; others published by audience. */
export function visibleTo(scope: Scope) {
  return (eb: ExpressionBuilder<WithR, 'r'>) => {
    if (scope.staff) return eb.lit(true);
    const audience = [
      eb('r.visibility', '=', 'public'),
      ...(scope.memberOrgIds.length > 0 ? [eb('r.visibility', '=', 'members')] : []),
      ...(scope.programmeSlugs.length > 0
        ? [
            eb.and([
              eb('r.visibility', '=', 'programme'),
              eb(
                'r.programme_id',
                'in',
                eb.selectFrom('programmes').select('id').where('slug', 'in', scope.programmeSlugs),
              ),
            ]),
          ]
        : []),
    ];
    return eb.or([
      eb.and([eb('r.status', '=', 'published'), eb.or(audience)]),
      ...(scope.manageOrgIds.length > 0 ? [eb('r.organisation_id', 'in', scope.manageOrgIds)] : []),
    ]);
  };
}

function baseSelect(db: DbOrTx) {
  return db
    .selectFrom('resources as r')
    .leftJoin('programmes as p', 'p.id', 'r.programme_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('resource_versions as cv', 'cv.id', 'r.current_version_id')
    .select([
      'r.id',
      'r.kind',
      'r.title',
      'r.summary',
      'r.language',
      'r.fields',
      'r.tags',
      'r.programme_id',
      'r.organisation_id',
      'r.visibility',
      'r.status',
      'r.link_url',
      'r.current_version_id',
      'r.download_count',
      'r.created_at',
      'r.updated_at',
      'p.slug as programme_slug',
      'p.name as programme_name',
      'o.slug as organisation_slug',
      'o.name as organisation_name',
      'cv.number as current_number',
      'cv.content_type as current_type',
      'cv.size_bytes as current_size',
      'cv.filename as current_filename',
    ]);
}
export type ResourceRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

export function findResource(db: DbOrTx, id: string): Promise<ResourceRow | undefined> {
  return baseSelect(db).where('r.id', '=', id).executeTakeFirst();
}

export type ListFilter = {
  q?: string;
  kind?: string;
  language?: string;
  field?: string;
  programmeSlug?: string;
  collectionId?: string;
  status?: string;
  limit: number;
  after?: { rank?: number; createdAt?: string; id: string };
};

// The query text is normalised once, like the directory's search (f_unaccent is IMMUTABLE).
const tsQuery = (q: string) => sql`websearch_to_tsquery('italian', f_unaccent(${q}))`;

export async function listResources(db: DbOrTx, scope: Scope, f: ListFilter) {
  const q = f.q?.trim() || undefined;
  const rank = q ? sql<number>`ts_rank(r.search_vector, ${tsQuery(q)})::float8` : null;
  let qb = baseSelect(db)
    .where(visibleTo(scope))
    .$if(f.kind !== undefined, (b) => b.where('r.kind', '=', f.kind as string))
    .$if(f.language !== undefined, (b) => b.where('r.language', '=', f.language as string))
    .$if(f.status !== undefined, (b) => b.where('r.status', '=', f.status as string))
    .$if(f.field !== undefined, (b) => b.where(sql<boolean>`r.fields @> array[${f.field}]::text[]`))
    .$if(f.programmeSlug !== undefined, (b) => b.where('p.slug', '=', f.programmeSlug as string))
    .$if(f.collectionId !== undefined, (b) =>
      b.where(
        'r.id',
        'in',
        db
          .selectFrom('resource_collection_items')
          .select('resource_id')
          .where('collection_id', '=', f.collectionId as string),
      ),
    );
  if (q && rank) {
    qb = qb.where(sql<boolean>`r.search_vector @@ ${tsQuery(q)}`);
    const after = f.after;
    if (after && after.rank !== undefined) {
      qb = qb.where(
        sql<boolean>`(${rank} < ${after.rank}::float8 or (${rank} = ${after.rank}::float8 and r.id < ${after.id}::uuid))`,
      );
    }
    return qb
      .select(rank.as('rank'))
      .orderBy(rank, 'desc')
      .orderBy('r.id', 'desc')
      .limit(f.limit + 1)
      .execute();
  }
  const after = f.after;
  if (after?.createdAt) {
    qb = qb.where((eb) =>
      eb.or([
        eb('r.created_at', '<', new Date(after.createdAt as string)),
        eb.and([eb('r.created_at', '=', new Date(after.createdAt as string)), eb('r.id', '<', after.id)]),
      ]),
    );
  }
  return qb
    .select(sql<number>`0::float8`.as('rank'))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export type ResourceInsert = {
  kind: string;
  title: Record<string, string>;
  summary: Record<string, string>;
  language: string;
  fields: string[];
  tags: string[];
  programme_id: string | null;
  organisation_id: string | null;
  visibility: string;
  status: string;
  link_url: string | null;
  created_by: string | null;
};

export async function insertResource(db: DbOrTx, r: ResourceInsert): Promise<string> {
  const row = await db
    .insertInto('resources')
    .values({
      ...r,
      title: JSON.stringify(r.title),
      summary: JSON.stringify(r.summary),
      // Set from the clock in milliseconds, so list cursors (JavaScript dates) compare exactly.
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateResource(db: DbOrTx, id: string, r: Partial<ResourceInsert>): Promise<void> {
  const { title, summary, ...rest } = r;
  await db
    .updateTable('resources')
    .set({
      ...rest,
      ...(title ? { title: JSON.stringify(title) } : {}),
      ...(summary ? { summary: JSON.stringify(summary) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteResource(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('resources').where('id', '=', id).execute();
}

/** Locks the item row, so two uploads at once get consecutive numbers. */
export async function lockResource(db: DbOrTx, id: string) {
  return db.selectFrom('resources').select(['id']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function nextVersionNumber(db: DbOrTx, resourceId: string): Promise<number> {
  const row = await db
    .selectFrom('resource_versions')
    .select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertVersion(
  db: DbOrTx,
  v: {
    resource_id: string;
    number: number;
    file_id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    note: string;
    created_by: string | null;
  },
): Promise<string> {
  const row = await db.insertInto('resource_versions').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setCurrentVersion(db: DbOrTx, resourceId: string, versionId: string): Promise<void> {
  await db
    .updateTable('resources')
    .set({ current_version_id: versionId, updated_at: new Date() })
    .where('id', '=', resourceId)
    .execute();
}

const versionColumns = [
  'v.id',
  'v.resource_id',
  'v.number',
  'v.file_id',
  'v.filename',
  'v.content_type',
  'v.size_bytes',
  'v.sha256',
  'v.note',
  'v.extracted_at',
  'v.extraction_error',
  'v.created_at',
  'u.name as created_by_name',
] as const;

export function listVersions(db: DbOrTx, resourceId: string) {
  return db
    .selectFrom('resource_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(versionColumns)
    .where('v.resource_id', '=', resourceId)
    .orderBy('v.number', 'desc')
    .limit(500)
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function findVersionByNumber(db: DbOrTx, resourceId: string, number: number) {
  return db
    .selectFrom('resource_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(versionColumns)
    .where('v.resource_id', '=', resourceId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export function findVersionById(db: DbOrTx, id: string) {
  return db
    .selectFrom('resource_versions as v')
    .innerJoin('resources as r', 'r.id', 'v.resource_id')
    .select(['v.id', 'v.resource_id', 'v.file_id', 'v.content_type', 'r.current_version_id'])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export async function saveExtraction(
  db: DbOrTx,
  versionId: string,
  text: string,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('resource_versions')
    .set({ extracted_text: text, extraction_error: error, extracted_at: new Date(), updated_at: new Date() })
    .where('id', '=', versionId)
    .execute();
}

/** One UPDATE per download: a counter, not a row per download. */
export async function countDownload(db: DbOrTx, resourceId: string): Promise<void> {
  await db
    .updateTable('resources')
    .set({ download_count: sql`download_count + 1` } as never)
    .where('id', '=', resourceId)
    .execute();
}

// The vector covers every language of title and summary, the tags, and the current version's text.
// tsvector has a 1 MB limit, so the document text is cut well below it.
export async function refreshSearch(db: DbOrTx, id: string): Promise<void> {
  await sql`
    update resources r set search_vector =
      setweight(to_tsvector('italian', f_unaccent(coalesce((select string_agg(value, ' ') from jsonb_each_text(r.title)), ''))), 'A') ||
      setweight(to_tsvector('italian', f_unaccent(array_to_string(r.tags, ' '))), 'A') ||
      setweight(to_tsvector('italian', f_unaccent(coalesce((select string_agg(value, ' ') from jsonb_each_text(r.summary)), ''))), 'B') ||
      setweight(to_tsvector('italian', f_unaccent(left(coalesce(
        (select v.extracted_text from resource_versions v where v.id = r.current_version_id), ''), 400000))), 'D')
    where r.id = ${id}`.execute(db);
}

export function collectionsOfResource(db: DbOrTx, resourceId: string) {
  return db
    .selectFrom('resource_collection_items as i')
    .innerJoin('resource_collections as c', 'c.id', 'i.collection_id')
    .select(['c.id', 'c.title'])
    .where('i.resource_id', '=', resourceId)
    .orderBy('c.position')
    .execute();
}

// --- collections -----------------------------------------------------------------------------------------

export function listCollections(db: DbOrTx) {
  return db
    .selectFrom('resource_collections')
    .select(['id', 'title', 'description', 'position'])
    .orderBy('position')
    .orderBy('created_at')
    .limit(100)
    .execute();
}

export function findCollection(db: DbOrTx, id: string) {
  return db
    .selectFrom('resource_collections')
    .select(['id', 'title', 'description', 'position'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The visible items of the given collections, in their order; one query for all of them. */
export async function collectionItems(
  db: DbOrTx,
  scope: Scope,
  collectionIds: string[],
  perCollection: number,
) {
  if (collectionIds.length === 0) return [];
  return baseSelect(db)
    .innerJoin('resource_collection_items as ci', 'ci.resource_id', 'r.id')
    .select(['ci.collection_id', 'ci.position as item_position'])
    .where('ci.collection_id', 'in', collectionIds)
    .where(visibleTo(scope))
    .orderBy('ci.collection_id')
    .orderBy('ci.position')
    .limit(perCollection * collectionIds.length)
    .execute();
}

export async function insertCollection(
  db: DbOrTx,
  c: { title: Record<string, string>; description: Record<string, string>; position: number },
): Promise<string> {
  const row = await db
    .insertInto('resource_collections')
    .values({
      title: JSON.stringify(c.title),
      description: JSON.stringify(c.description),
      position: c.position,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCollection(
  db: DbOrTx,
  id: string,
  c: { title?: Record<string, string>; description?: Record<string, string>; position?: number },
): Promise<void> {
  await db
    .updateTable('resource_collections')
    .set({
      ...(c.title ? { title: JSON.stringify(c.title) } : {}),
      ...(c.description ? { description: JSON.stringify(c.description) } : {}),
      ...(c.position !== undefined ? { position: c.position } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function replaceCollectionItems(db: DbOrTx, id: string, resourceIds: string[]): Promise<void> {
  await db.deleteFrom('resource_collection_items').where('collection_id', '=', id).execute();
  if (resourceIds.length === 0) return;
  await db
    .insertInto('resource_collection_items')
    .values(resourceIds.map((rid, i) => ({ collection_id: id, resource_id: rid, position: i })))
    .execute();
}

export async function existingResourceIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('resources').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function deleteCollection(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('resource_collections').where('id', '=', id).execute();
}

// --- lookups of other modules' rows, for resolving input slugs -------------------------------------------

export function programmeIdBySlug(db: DbOrTx, slug: string) {
  return db.selectFrom('programmes').select('id').where('slug', '=', slug).executeTakeFirst();
}
export function organisationIdBySlug(db: DbOrTx, slug: string) {
  return db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
}
export async function knownFieldSlugs(db: DbOrTx, slugs: string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await db.selectFrom('fields_of_activity').select('slug').where('slug', 'in', slugs).execute();
  return new Set(rows.map((r) => r.slug));
}
