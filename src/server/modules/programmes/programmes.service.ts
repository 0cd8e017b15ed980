// Programmes and editions: anyone reads them; only network staff change them.

import type {
  AddProgrammeOrganisationBody,
  AddProgrammeStaffBody,
  CreateProgrammeBody,
  OrganisationProgramme,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeStaffRole,
  ProgrammeSummary,
  UpdateProgrammeBody,
} from '../../../shared/programmes.js';
import type { Db, DbOrTx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { type Actor, isStaff } from '../auth/actor.js';
import * as repo from './programmes.repository.js';

function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff can change programmes');
  return actor;
}

/** Lowercase ASCII words joined by hyphens, e.g. "Rete Città 2025" → "rete-citta-2025". */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || 'programma';
}

/** The first of base, base-2, base-3 … not in `taken`. */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}-${n}`)) return `${base}-${n}`;
}

function toSummary(r: repo.ProgrammeRow): ProgrammeSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    year: r.year,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    parentSlug: r.parent_slug,
    organisationCount: r.organisation_count,
  };
}

async function mustFind(db: DbOrTx, slug: string): Promise<repo.ProgrammeRow> {
  const p = await repo.findProgrammeBySlug(db, slug);
  if (!p) throw new AppError('NOT_FOUND', `No programme '${slug}'`);
  return p;
}

function checkDates(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  // ISO dates compare correctly as strings.
  if (startsOn && endsOn && startsOn > endsOn) {
    throw fieldError('endsOn', 'must be on or after startsOn');
  }
}

/** The parent of an edition must exist and be a programme itself (editions do not nest). */
async function resolveParent(db: DbOrTx, parentSlug: string, selfId?: string): Promise<string> {
  const parent = await repo.findProgrammeBySlug(db, parentSlug);
  if (!parent) throw fieldError('parentSlug', `unknown programme '${parentSlug}'`);
  if (parent.id === selfId) throw fieldError('parentSlug', 'a programme cannot be its own edition');
  if (parent.parent_id) throw fieldError('parentSlug', 'an edition cannot have editions');
  return parent.id;
}

export async function listProgrammes(db: Db): Promise<ProgrammeList> {
  return { items: (await repo.listProgrammes(db)).map(toSummary) };
}

export async function getProgramme(db: DbOrTx, actor: Actor | null, slug: string): Promise<ProgrammeDetail> {
  const p = await mustFind(db, slug);
  const [editions, staff, orgs] = await Promise.all([
    repo.listEditions(db, p.id),
    repo.listStaff(db, p.id),
    // Staff see every participant; the public sees only members that chose to be visible.
    repo.listProgrammeOrganisations(db, p.id, !isStaff(actor)),
  ]);
  return {
    ...toSummary(p),
    description: p.description ?? {},
    editions: editions.map(toSummary),
    staff: staff.map((s) => ({ userId: s.user_id, name: s.name, role: s.role })),
    organisations: orgs.map((o) => ({ slug: o.slug, name: o.name, regionName: o.region_name })),
  };
}

export async function createProgramme(
  db: Db,
  actor: Actor | null,
  body: CreateProgrammeBody,
): Promise<ProgrammeDetail> {
  requireStaff(actor);
  checkDates(body.startsOn, body.endsOn);
  const parentId = body.parentSlug ? await resolveParent(db, body.parentSlug) : null;
  const base = slugify(body.year ? `${body.name} ${body.year}` : body.name);
  const insert = () =>
    db.transaction().execute(async (tx) => {
      const s = nextFreeSlug(base, await repo.takenSlugs(tx, base));
      await repo.insertProgramme(tx, {
        slug: s,
        parentId,
        name: body.name,
        year: body.year ?? null,
        startsOn: body.startsOn ?? null,
        endsOn: body.endsOn ?? null,
        description: body.description,
      });
      return s;
    });
  let slug: string;
  try {
    slug = await insert();
  } catch (err) {
    // Two programmes of the same name created at once: the loser takes the next free slug.
    if ((err as { code?: string }).code !== '23505') throw err;
    slug = await insert();
  }
  return getProgramme(db, actor, slug);
}

export async function updateProgramme(
  db: Db,
  actor: Actor | null,
  slug: string,
  body: UpdateProgrammeBody,
): Promise<ProgrammeDetail> {
  requireStaff(actor);
  const p = await mustFind(db, slug);
  const startsOn = body.startsOn !== undefined ? body.startsOn : p.starts_on;
  const endsOn = body.endsOn !== undefined ? body.endsOn : p.ends_on;
  checkDates(startsOn, endsOn);
  let parentId: string | null | undefined;
  if (body.parentSlug !== undefined) {
    if (body.parentSlug === null) parentId = null;
    else {
      parentId = await resolveParent(db, body.parentSlug, p.id);
      if ((await repo.countEditions(db, p.id)) > 0) {
        throw fieldError('parentSlug', 'a programme with editions cannot become an edition');
      }
    }
  }
  if (body.description !== undefined && !(body.description.it ?? '').trim()) {
    throw fieldError('description.it', 'Italian description required');
  }
  await repo.updateProgramme(db, p.id, {
    parentId,
    name: body.name,
    year: body.year,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    description: body.description,
  });
  return getProgramme(db, actor, slug);
}

export async function addProgrammeStaff(
  db: Db,
  actor: Actor | null,
  slug: string,
  body: AddProgrammeStaffBody,
): Promise<ProgrammeDetail> {
  requireStaff(actor);
  const p = await mustFind(db, slug);
  if (!(await repo.userExists(db, body.userId))) throw fieldError('userId', 'unknown user');
  await repo.addStaff(db, p.id, body.userId, body.role);
  return getProgramme(db, actor, slug);
}

export async function removeProgrammeStaff(
  db: Db,
  actor: Actor | null,
  slug: string,
  userId: string,
  role: ProgrammeStaffRole,
): Promise<void> {
  requireStaff(actor);
  const p = await mustFind(db, slug);
  if ((await repo.removeStaff(db, p.id, userId, role)) === 0) {
    throw new AppError('NOT_FOUND', 'This person has no such role in the programme');
  }
}

export async function addProgrammeOrganisation(
  db: Db,
  actor: Actor | null,
  slug: string,
  body: AddProgrammeOrganisationBody,
): Promise<ProgrammeDetail> {
  requireStaff(actor);
  const p = await mustFind(db, slug);
  const org = await repo.findOrganisationBySlug(db, body.organisationSlug);
  if (!org) throw fieldError('organisationSlug', `unknown organisation '${body.organisationSlug}'`);
  if (org.status !== 'member')
    throw fieldError('organisationSlug', 'only member organisations can take part');
  await repo.addOrganisation(db, p.id, org.id);
  return getProgramme(db, actor, slug);
}

export async function removeProgrammeOrganisation(
  db: Db,
  actor: Actor | null,
  slug: string,
  organisationSlug: string,
): Promise<void> {
  requireStaff(actor);
  const p = await mustFind(db, slug);
  const org = await repo.findOrganisationBySlug(db, organisationSlug);
  if (!org || (await repo.removeOrganisation(db, p.id, org.id)) === 0) {
    throw new AppError('NOT_FOUND', 'This organisation does not take part in the programme');
  }
}

/** For other modules (e.g. an organisation's page): the programmes an organisation takes part in. */
export async function listProgrammesOfOrganisation(
  db: DbOrTx,
  organisationId: string,
): Promise<OrganisationProgramme[]> {
  const rows = await repo.programmesOfOrganisation(db, organisationId);
  return rows.map((r) => ({ slug: r.slug, name: r.name, year: r.year }));
}
