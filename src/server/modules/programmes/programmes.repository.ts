// Kysely access to programmes, their staff and their participating organisations.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';
import type { ProgrammeStaffRole } from './programmes.table.js';

export type ProgrammeRow = {
  id: string;
  slug: string;
  parent_id: string | null;
  parent_slug: string | null;
  name: string;
  year: number | null;
  starts_on: string | null;
  ends_on: string | null;
  description: Record<string, string>;
  organisation_count: number;
};

function selectProgrammes(db: DbOrTx) {
  return db
    .selectFrom('programmes as p')
    .leftJoin('programmes as parent', 'parent.id', 'p.parent_id')
    .select([
      'p.id',
      'p.slug',
      'p.parent_id',
      'parent.slug as parent_slug',
      'p.name',
      'p.year',
      'p.starts_on',
      'p.ends_on',
      'p.description',
      // Only current members count publicly: a departed organisation no longer takes part.
      (eb) =>
        eb
          .selectFrom('programme_organisations as po')
          .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
          .whereRef('po.programme_id', '=', 'p.id')
          .where('o.status', '=', 'member')
          .select((e) => e.fn.countAll<number>().as('c'))
          .as('organisation_count'),
    ]);
}

const toRow = (
  r: Omit<ProgrammeRow, 'organisation_count'> & { organisation_count: number | string | null },
) => ({ ...r, organisation_count: Number(r.organisation_count ?? 0) }) as ProgrammeRow;

export async function listProgrammes(db: DbOrTx): Promise<ProgrammeRow[]> {
  const rows = await selectProgrammes(db)
    .orderBy(sql`p.year desc nulls last`)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map(toRow);
}

export async function findProgrammeBySlug(db: DbOrTx, slug: string): Promise<ProgrammeRow | undefined> {
  const row = await selectProgrammes(db).where('p.slug', '=', slug).executeTakeFirst();
  return row ? toRow(row) : undefined;
}

export async function listEditions(db: DbOrTx, parentId: string): Promise<ProgrammeRow[]> {
  const rows = await selectProgrammes(db)
    .where('p.parent_id', '=', parentId)
    .orderBy(sql`p.year desc nulls last`)
    .orderBy('p.name')
    .execute();
  return rows.map(toRow);
}

export async function countEditions(db: DbOrTx, parentId: string): Promise<number> {
  const r = await db
    .selectFrom('programmes')
    .where('parent_id', '=', parentId)
    .select((e) => e.fn.countAll<number>().as('c'))
    .executeTakeFirstOrThrow();
  return Number(r.c);
}

/** Slugs already taken among `base` and `base-N`, to pick the next free one. */
export async function takenSlugs(db: DbOrTx, base: string): Promise<string[]> {
  const rows = await db
    .selectFrom('programmes')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return rows.map((r) => r.slug);
}

export async function insertProgramme(
  db: DbOrTx,
  v: {
    slug: string;
    parentId: string | null;
    name: string;
    year: number | null;
    startsOn: string | null;
    endsOn: string | null;
    description: Record<string, string>;
  },
): Promise<string> {
  const r = await db
    .insertInto('programmes')
    .values({
      slug: v.slug,
      parent_id: v.parentId,
      name: v.name,
      year: v.year,
      starts_on: v.startsOn,
      ends_on: v.endsOn,
      description: JSON.stringify(v.description),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProgramme(
  db: DbOrTx,
  id: string,
  v: Partial<{
    parentId: string | null;
    name: string;
    year: number | null;
    startsOn: string | null;
    endsOn: string | null;
    description: Record<string, string>;
  }>,
): Promise<void> {
  await db
    .updateTable('programmes')
    .set({
      ...(v.parentId !== undefined ? { parent_id: v.parentId } : {}),
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.year !== undefined ? { year: v.year } : {}),
      ...(v.startsOn !== undefined ? { starts_on: v.startsOn } : {}),
      ...(v.endsOn !== undefined ? { ends_on: v.endsOn } : {}),
      ...(v.description !== undefined ? { description: JSON.stringify(v.description) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function listStaff(db: DbOrTx, programmeId: string) {
  return db
    .selectFrom('programme_staff as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .where('s.programme_id', '=', programmeId)
    .select(['s.user_id', 'u.name', 's.role'])
    .orderBy('s.role')
    .orderBy('u.name')
    .execute();
}

export async function userExists(db: DbOrTx, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return !!r;
}

export async function addStaff(
  db: DbOrTx,
  programmeId: string,
  userId: string,
  role: ProgrammeStaffRole,
): Promise<void> {
  await db
    .insertInto('programme_staff')
    .values({ programme_id: programmeId, user_id: userId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeStaff(
  db: DbOrTx,
  programmeId: string,
  userId: string,
  role: ProgrammeStaffRole,
): Promise<number> {
  const r = await db
    .deleteFrom('programme_staff')
    .where('programme_id', '=', programmeId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .returning('user_id')
    .execute();
  // Counted from RETURNING: PGlite's Kysely driver always reports 0 deleted rows.
  return r.length;
}

export async function listProgrammeOrganisations(db: DbOrTx, programmeId: string, onlyPublic: boolean) {
  return db
    .selectFrom('programme_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .leftJoin('regions as r', 'r.code', 'o.region_code')
    .where('po.programme_id', '=', programmeId)
    .$if(onlyPublic, (q) => q.where('o.status', '=', 'member').where('o.visible', '=', true))
    .select(['o.slug', 'o.name', 'r.name as region_name'])
    .orderBy('o.name')
    .execute();
}

export async function findOrganisationBySlug(db: DbOrTx, slug: string) {
  return db.selectFrom('organisations').select(['id', 'status']).where('slug', '=', slug).executeTakeFirst();
}

export async function addOrganisation(
  db: DbOrTx,
  programmeId: string,
  organisationId: string,
): Promise<void> {
  await db
    .insertInto('programme_organisations')
    .values({ programme_id: programmeId, organisation_id: organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeOrganisation(
  db: DbOrTx,
  programmeId: string,
  organisationId: string,
): Promise<number> {
  const r = await db
    .deleteFrom('programme_organisations')
    .where('programme_id', '=', programmeId)
    .where('organisation_id', '=', organisationId)
    .returning('organisation_id')
    .execute();
  return r.length;
}

export async function programmesOfOrganisation(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('programme_organisations as po')
    .innerJoin('programmes as p', 'p.id', 'po.programme_id')
    .where('po.organisation_id', '=', organisationId)
    .select(['p.slug', 'p.name', 'p.year'])
    .orderBy(sql`p.year desc nulls last`)
    .orderBy('p.name')
    .execute();
}
