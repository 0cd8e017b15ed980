// Organisations, their people, applications and introductory meetings (Kysely only).
// Programmes of an organisation are read here straight from the programmes module's tables (read-only join).
import { type Selectable, sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database.js';
import type {
  ApplicationStatus,
  ApplicationsTable,
  MemberRole,
  OrganisationStatus,
  OrganisationsTable,
} from './organisations.table.js';

export type OrganisationRow = Omit<Selectable<OrganisationsTable>, 'search_vector' | 'name_search'> & {
  region_name: string | null;
};

const ORG_COLUMNS = [
  'o.id',
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
  'o.region_code',
  'o.website',
  'o.email',
  'o.phone',
  'o.languages',
  'o.description',
  'o.logo_file_id',
  'o.visible',
  'o.status',
  'o.modules',
  'o.joined_at',
  'o.left_at',
  'o.created_at',
  'o.updated_at',
] as const;

function orgQuery(db: DbOrTx) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('regions as r', 'r.code', 'o.region_code')
    .select([...ORG_COLUMNS, 'r.name as region_name']);
}

export function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<OrganisationRow | undefined> {
  return orgQuery(db).where('o.slug', '=', slug).executeTakeFirst();
}

export function findOrganisationById(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  return orgQuery(db).where('o.id', '=', id).executeTakeFirst();
}

/** Locks the organisation row so concurrent role changes cannot both remove "the other" admin. */
export async function lockOrganisation(tx: Tx, id: string): Promise<OrganisationStatus | undefined> {
  const row = await tx
    .selectFrom('organisations')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row?.status;
}

export type OrganisationValues = {
  name: string;
  acronym: string | null;
  kind: string;
  legal_form: string;
  tax_code: string | null;
  runts_number: string | null;
  address: string | null;
  postal_code: string | null;
  municipality: string | null;
  province_code: string | null;
  region_code: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  languages: string[];
  description: Record<string, string>;
  logo_file_id: string | null;
  visible: boolean;
  modules: string[];
};

export async function takenSlugs(db: DbOrTx, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('organisations')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

export async function insertOrganisation(
  tx: DbOrTx,
  values: OrganisationValues & { slug: string; status: OrganisationStatus },
): Promise<string> {
  const row = await tx
    .insertInto('organisations')
    .values({ ...values, description: JSON.stringify(values.description) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(
  tx: DbOrTx,
  id: string,
  patch: Partial<OrganisationValues> & {
    status?: OrganisationStatus;
    joined_at?: Date | null;
    left_at?: Date | null;
  },
): Promise<void> {
  const { description, ...rest } = patch;
  await tx
    .updateTable('organisations')
    .set({
      ...rest,
      ...(description !== undefined ? { description: JSON.stringify(description) } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Another applicant, member or suspended organisation with this tax code (case-insensitive). */
export async function taxCodeTaken(db: DbOrTx, taxCode: string, exceptId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where(sql`upper(tax_code)`, '=', taxCode.toUpperCase())
    .where('status', 'in', ['applicant', 'member', 'suspended'])
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId as string))
    .executeTakeFirst();
  return row !== undefined;
}

// --- fields of activity -------------------------------------------------------------------------------

export function listFields(db: DbOrTx) {
  return db
    .selectFrom('fields_of_activity')
    .select(['id', 'slug', 'names'])
    .orderBy('sort_order')
    .orderBy('slug')
    .execute();
}

export async function fieldIdsBySlugs(db: DbOrTx, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('fields_of_activity')
    .select(['id', 'slug'])
    .where('slug', 'in', slugs)
    .execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function replaceOrganisationFields(tx: DbOrTx, organisationId: string, fieldIds: string[]) {
  await tx.deleteFrom('organisation_fields').where('organisation_id', '=', organisationId).execute();
  if (fieldIds.length > 0) {
    await tx
      .insertInto('organisation_fields')
      .values(fieldIds.map((field_id) => ({ organisation_id: organisationId, field_id })))
      .execute();
  }
}

/** Field slugs of many organisations in one query (no N+1 on a directory page). */
export async function fieldSlugsOf(db: DbOrTx, organisationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(organisationIds.map((id) => [id, []]));
  if (organisationIds.length === 0) return out;
  const rows = await db
    .selectFrom('organisation_fields as of')
    .innerJoin('fields_of_activity as f', 'f.id', 'of.field_id')
    .select(['of.organisation_id', 'f.slug'])
    .where('of.organisation_id', 'in', organisationIds)
    .orderBy('f.sort_order')
    .orderBy('f.slug')
    .execute();
  for (const r of rows) out.get(r.organisation_id)?.push(r.slug);
  return out;
}

export function programmesOf(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('programme_organisations as po')
    .innerJoin('programmes as p', 'p.id', 'po.programme_id')
    .select(['p.slug', 'p.name', 'p.year'])
    .where('po.organisation_id', '=', organisationId)
    .orderBy('p.year', 'desc')
    .orderBy('p.name')
    .execute();
}

// --- people ---------------------------------------------------------------------------------------------

export function listMembers(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.role', 'u.password_hash'])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

export async function findMemberRole(
  db: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<MemberRole | undefined> {
  const row = await db
    .selectFrom('organisation_members')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

export async function countOrgAdmins(db: DbOrTx, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('organisation_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'org_admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertMember(tx: DbOrTx, organisationId: string, userId: string, role: MemberRole) {
  await tx
    .insertInto('organisation_members')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) =>
      oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role, updated_at: new Date() }),
    )
    .execute();
}

export async function setMemberRole(tx: DbOrTx, organisationId: string, userId: string, role: MemberRole) {
  await tx
    .updateTable('organisation_members')
    .set({ role, updated_at: new Date() })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMember(tx: DbOrTx, organisationId: string, userId: string) {
  await tx
    .deleteFrom('organisation_members')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

export function findUserLocale(db: DbOrTx, userId: string) {
  return db
    .selectFrom('users')
    .select(['locale', 'name', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

// --- applications ---------------------------------------------------------------------------------------

export type ApplicationRow = Selectable<ApplicationsTable>;

export async function insertApplication(
  tx: DbOrTx,
  values: {
    organisation_id: string;
    contact_name: string;
    contact_email: string;
    contact_phone: string | null;
    contact_role: string | null;
    contact_locale: string;
    message: string | null;
  },
): Promise<string> {
  const now = new Date();
  const row = await tx
    .insertInto('applications')
    .values({ ...values, status: 'submitted', commitments_accepted_at: now, privacy_accepted_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockApplication(tx: Tx, id: string): Promise<ApplicationRow | undefined> {
  return tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function applicationIdsOf(db: DbOrTx, organisationId: string) {
  return db.selectFrom('applications').select('id').where('organisation_id', '=', organisationId).execute();
}

export async function updateApplication(
  tx: DbOrTx,
  id: string,
  patch: Partial<{
    status: ApplicationStatus;
    contact_name: string;
    contact_email: string;
    contact_phone: string | null;
    contact_role: string | null;
    contact_locale: string;
    message: string | null;
    review_note: string | null;
    reviewed_by: string | null;
    reviewed_at: Date | null;
    edit_token_hash: string | null;
    submitted_at: Date;
    commitments_accepted_at: Date;
    privacy_accepted_at: Date;
  }>,
) {
  await tx
    .updateTable('applications')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function listApplications(db: DbOrTx, status: ApplicationStatus | undefined, limit = 500) {
  return db
    .selectFrom('applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('regions as r', 'r.code', 'o.region_code')
    .select([
      'a.id',
      'a.status',
      'o.name as organisation_name',
      'o.slug as organisation_slug',
      'o.kind',
      'r.name as region_name',
      'a.contact_name',
      'a.contact_email',
      'a.submitted_at',
      'a.reviewed_at',
    ])
    .$if(status !== undefined, (q) => q.where('a.status', '=', status as ApplicationStatus))
    .orderBy('a.submitted_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

export async function countApplicationsByStatus(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('applications')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

// --- introductory meetings ------------------------------------------------------------------------------

export async function insertMeeting(
  db: DbOrTx,
  v: {
    organisation_id: string;
    held_on: string;
    participants: string;
    notes: string | null;
    recorded_by: string;
  },
) {
  await db.insertInto('introductory_meetings').values(v).execute();
}

export function listMeetings(db: DbOrTx, organisationId: string) {
  return db
    .selectFrom('introductory_meetings as m')
    .leftJoin('users as u', 'u.id', 'm.recorded_by')
    .select([
      'm.id',
      sql<string>`to_char(m.held_on, 'YYYY-MM-DD')`.as('held_on'),
      'm.participants',
      'm.notes',
      'u.name as recorded_by_name',
      'm.created_at',
    ])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.created_at', 'desc')
    .execute();
}
