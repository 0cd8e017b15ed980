// Kysely queries behind statistics, export and import. They read and (import) write the organisations
// tables directly: aggregates and bulk writes over thousands of rows do not fit row-by-row service calls.
import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database.js';
import type { MemberDraft } from './member-import.js';

export async function countMembersBy(db: DbOrTx, column: 'kind' | 'legal_form' | 'region_code') {
  return db
    .selectFrom('organisations')
    .where('status', '=', 'member')
    .select([column, (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(column)
    .execute() as Promise<Array<Record<typeof column, string | null> & { count: number }>>;
}

export async function listRegions(db: DbOrTx) {
  return db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute();
}

export async function countApplicationsByStatus(db: DbOrTx) {
  return db
    .selectFrom('applications')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
}

/** Current members by month of joining, in Italian time (the network's calendar). */
export async function membersJoinedByMonth(db: DbOrTx) {
  const month = sql<string>`to_char(joined_at at time zone 'Europe/Rome', 'YYYY-MM')`;
  return db
    .selectFrom('organisations')
    .where('status', '=', 'member')
    .where('joined_at', 'is not', null)
    .select([month.as('month'), (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(month)
    .execute();
}

/** Every member and suspended member with what the spreadsheet shows, in one query. */
export async function listMembersForExport(db: DbOrTx) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('regions as r', 'r.code', 'o.region_code')
    .where('o.status', 'in', ['member', 'suspended'])
    .select([
      'o.slug',
      'o.name',
      'o.acronym',
      'o.kind',
      'o.legal_form',
      'o.tax_code',
      'o.runts_number',
      'o.address',
      'o.postal_code',
      'o.municipality',
      'o.province_code',
      'r.name as region_name',
      'o.website',
      'o.email',
      'o.phone',
      'o.languages',
      'o.modules',
      'o.description',
      'o.visible',
      'o.status',
      sql<string | null>`to_char(o.joined_at at time zone 'Europe/Rome', 'YYYY-MM-DD')`.as('joined_on'),
      sql<string[]>`coalesce((
        select array_agg(f.names->>'it' order by f.sort_order, f.slug)
        from organisation_fields ofl join fields_of_activity f on f.id = ofl.field_id
        where ofl.organisation_id = o.id), '{}')`.as('field_names'),
    ])
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

export async function loadProvinces(db: DbOrTx) {
  return db.selectFrom('provinces').select(['code', 'name', 'region_code']).execute();
}

export async function loadFields(db: DbOrTx) {
  return db.selectFrom('fields_of_activity').select(['id', 'slug', 'names']).execute();
}

/** Organisations that already hold one of these tax codes or name+municipality keys. */
export async function findExistingDuplicates(db: DbOrTx, taxCodes: string[], nameKeys: string[]) {
  if (taxCodes.length === 0 && nameKeys.length === 0) return [];
  const key = sql<string>`lower(trim(name)) || '|' || lower(trim(coalesce(municipality, '')))`;
  return db
    .selectFrom('organisations')
    .where('status', 'in', ['applicant', 'member', 'suspended'])
    .where((eb) =>
      eb.or([
        eb(sql`upper(tax_code)`, '=', sql<string>`any(${sql.val(taxCodes)}::text[])`),
        eb(key, '=', sql<string>`any(${sql.val(nameKeys)}::text[])`),
      ]),
    )
    .select(['name', 'slug', 'tax_code', key.as('name_key')])
    .execute();
}

/** Slugs equal to one of the bases or to base-N, to hand out free ones. */
export async function takenOrganisationSlugs(db: DbOrTx, bases: string[]): Promise<string[]> {
  if (bases.length === 0) return [];
  const patterns = bases.flatMap((b) => [b, `${b}-%`]);
  const rows = await db
    .selectFrom('organisations')
    .select('slug')
    .where(sql<boolean>`slug like any(${sql.val(patterns)}::text[])`)
    .execute();
  return rows.map((r) => r.slug);
}

const CHUNK = 500;

export async function insertImportedMembers(
  tx: Tx,
  items: ReadonlyArray<{ slug: string; draft: MemberDraft }>,
  actorUserId: string,
  note: string,
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const created = await tx
      .insertInto('organisations')
      .values(
        chunk.map(({ slug, draft: d }) => ({
          slug,
          name: d.name,
          acronym: d.acronym,
          kind: d.kind,
          legal_form: d.legalForm,
          tax_code: d.taxCode,
          runts_number: d.runtsNumber,
          address: d.address,
          postal_code: d.postalCode,
          municipality: d.municipality,
          province_code: d.provinceCode,
          region_code: d.regionCode,
          website: d.website,
          email: d.email,
          phone: d.phone,
          languages: d.languages,
          modules: d.modules,
          description: JSON.stringify(d.description),
          visible: d.visible,
          status: 'member' as const,
          joined_at: d.joinedAt,
        })),
      )
      .returning(['id', 'slug'])
      .execute();
    const idBySlug = new Map(created.map((c) => [c.slug, c.id]));
    const links = chunk.flatMap(({ slug, draft }) =>
      draft.fieldIds.map((fieldId) => ({ organisation_id: idBySlug.get(slug) as string, field_id: fieldId })),
    );
    if (links.length > 0) await tx.insertInto('organisation_fields').values(links).execute();
    await tx
      .insertInto('audit_log')
      .values(
        created.map((c) => ({
          entity_type: 'organisation',
          entity_id: c.id,
          action: 'imported',
          from_status: null,
          to_status: 'member',
          note,
          actor_user_id: actorUserId,
        })),
      )
      .execute();
  }
}
