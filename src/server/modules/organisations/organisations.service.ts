// Organisations: reference data, directory, profiles, people, membership lifecycle, meetings, audit.
import type {
  DirectoryQuery,
  DirectoryResponse,
  FacetName,
  FacetValue,
  Meeting,
  MemberItem,
  OrganisationInput,
  OrganisationUpdate,
  OrgCard,
  OrgDetail,
  ReferenceResponse,
} from '../../../shared/organisations.js';
import {
  FACET_NAMES,
  LANGUAGES,
  LEGAL_FORMS,
  MEMBERSHIP_MODULES,
  ORGANISATION_KINDS,
} from '../../../shared/organisations.js';
import type { AppContext } from '../../context.js';
import type { Db, DbOrTx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueMail } from '../../mail/outbox.js';
import { auditEntries, recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff, orgRole } from '../auth/actor.js';
import type { Locale } from '../auth/auth.table.js';
import { inviteUser } from '../auth/invitations.js';
import { fileUrl, logoExists } from '../files/files.service.js';
import { findProvince, listProvinces, listRegions } from '../geo/geo.repository.js';
import { addSearchWords } from '../search/search.words.js';
import {
  type DirectoryFilters,
  directoryVersion,
  matchedOrganisationIds,
  searchDirectory,
} from './directory.repository.js';
import { batchedReader, type FacetCache, facetCache } from './directory-cache.js';
import { directoryFacets, type FacetCounts } from './facet-index.js';
import { colleagueInvitedMail } from './organisations.mails.js';
import * as repo from './organisations.repository.js';
import type { MemberRole, OrganisationStatus } from './organisations.table.js';

// --- helpers shared with applications.service.ts ---------------------------------------------------------

/** The description in the wanted language, else Italian, else English, else any. */
export function pickText(map: Record<string, string>, lang: string | undefined): string {
  return map[lang ?? 'it'] || map.it || map.en || Object.values(map).find((v) => v) || '';
}

const summarise = (text: string): string => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 240 ? t : `${t.slice(0, 237).replace(/\s+\S*$/, '')}…`;
};

export function slugify(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'organizzazione';
}

export async function uniqueSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await repo.takenSlugs(db, base);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Checks references of organisation input (province, fields, logo, tax code) and maps it to columns. */
export async function resolveOrganisationInput(
  ctx: AppContext,
  input: Partial<OrganisationInput>,
  opts: { prefix: string; organisationId?: string },
): Promise<{ values: Partial<repo.OrganisationValues>; fieldIds: string[] | undefined }> {
  const p = opts.prefix;
  const values: Partial<repo.OrganisationValues> = {};
  if (input.provinceCode !== undefined) {
    const prov = await findProvince(ctx.db, input.provinceCode);
    if (!prov) throw fieldError(`${p}provinceCode`, 'unknown_province');
    values.province_code = prov.code;
    values.region_code = prov.region_code;
  }
  let fieldIds: string[] | undefined;
  if (input.fieldSlugs !== undefined) {
    const slugs = [...new Set(input.fieldSlugs)];
    const ids = await repo.fieldIdsBySlugs(ctx.db, slugs);
    const unknown = slugs.find((s) => !ids.has(s));
    if (unknown) throw fieldError(`${p}fieldSlugs`, `unknown_field: ${unknown}`);
    fieldIds = [...ids.values()];
  }
  if (input.logoFileId) {
    if (!(await logoExists(ctx, input.logoFileId))) throw fieldError(`${p}logoFileId`, 'unknown_file');
  }
  if (input.taxCode) {
    if (await repo.taxCodeTaken(ctx.db, input.taxCode, opts.organisationId)) {
      throw new AppError('CONFLICT', 'An organisation with this tax code is already in the network', {
        fields: [{ path: `${p}taxCode`, message: 'tax_code_taken' }],
      });
    }
  }
  const copy = <K extends keyof OrganisationInput, C extends keyof repo.OrganisationValues>(k: K, c: C) => {
    if (input[k] !== undefined) (values as Record<string, unknown>)[c] = input[k] ?? null;
  };
  copy('name', 'name');
  copy('acronym', 'acronym');
  copy('kind', 'kind');
  copy('legalForm', 'legal_form');
  copy('taxCode', 'tax_code');
  copy('runtsNumber', 'runts_number');
  copy('address', 'address');
  copy('postalCode', 'postal_code');
  copy('municipality', 'municipality');
  copy('website', 'website');
  copy('email', 'email');
  copy('phone', 'phone');
  copy('languages', 'languages');
  copy('description', 'description');
  copy('visible', 'visible');
  copy('logoFileId', 'logo_file_id');
  if (values.languages) values.languages = [...new Set(values.languages)];
  return { values, fieldIds };
}

/** Adds the words an organisation is searched by (name, acronym, town, description) to the vocabulary. */
export function addOrganisationSearchWords(tx: DbOrTx, v: Partial<repo.OrganisationValues>): Promise<void> {
  return addSearchWords(tx, v.name, v.acronym, v.municipality, ...Object.values(v.description ?? {}));
}

/** Postgres unique violation on the tax code index (a concurrent duplicate) becomes a 409. */
export function mapUniqueViolation(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505' && String(e.constraint ?? e.message).includes('tax_code')) {
    throw new AppError('CONFLICT', 'An organisation with this tax code is already in the network');
  }
  throw err;
}

// --- reference --------------------------------------------------------------------------------------------

export async function reference(ctx: AppContext): Promise<ReferenceResponse> {
  const [regions, provinces, fields] = await Promise.all([
    listRegions(ctx.db),
    listProvinces(ctx.db),
    repo.listFields(ctx.db),
  ]);
  return {
    regions,
    provinces: provinces.map((p) => ({ code: p.code, name: p.name, regionCode: p.region_code })),
    fields: fields.map((f) => ({ slug: f.slug, names: f.names })),
    kinds: [...ORGANISATION_KINDS],
    legalForms: [...LEGAL_FORMS],
    modules: [...MEMBERSHIP_MODULES],
    languages: [...LANGUAGES],
  };
}

// --- directory --------------------------------------------------------------------------------------------

const facetCaches = new WeakMap<Db, FacetCache<FacetCounts>>();
// Whole responses are cached like the facets, under the same version, already serialised: a directory
// response is public and the same for every visitor who asks for the same page in the same language,
// and the first pages of the common searches are asked for far more often than anything in the
// directory changes. A hit costs a share of one batched sequence read, with no mapping, sorting or JSON serialisation.
const responseCaches = new WeakMap<Db, FacetCache<Buffer>>();

const versionReaders = new WeakMap<Db, () => Promise<string>>();
function readDirectoryVersion(db: Db): Promise<string> {
  let reader = versionReaders.get(db);
  if (!reader) {
    reader = batchedReader(() => directoryVersion(db));
    versionReaders.set(db, reader);
  }
  return reader();
}

const cacheKey = (value: unknown) => JSON.stringify(value, (_k, v) => (Array.isArray(v) ? [...v].sort() : v));

function cacheFor<T>(caches: WeakMap<Db, FacetCache<T>>, db: Db): FacetCache<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = facetCache<T>({ max: 1000, ttlMs: 60_000 });
    caches.set(db, cache);
  }
  return cache;
}

async function cachedFacets(db: Db, filters: DirectoryFilters, version: string, matched?: readonly string[]) {
  const cache = cacheFor(facetCaches, db);
  const key = cacheKey(filters);
  const hit = cache.get(version, key);
  if (hit) return hit;
  const fresh = await directoryFacets(db, filters, version, matched);
  cache.set(version, key, fresh);
  return fresh;
}

// The ids some words match, under the same version: matching is the costly part of a search with words
// (trigram rechecks grow with the number of matches), and a visitor refining a search by filters, pages
// or sort keeps the same words. Few entries: one can hold every organisation's id.
const matchCaches = new WeakMap<Db, FacetCache<readonly string[]>>();

async function cachedMatches(db: Db, q: string, version: string): Promise<readonly string[]> {
  let cache = matchCaches.get(db);
  if (!cache) {
    cache = facetCache<readonly string[]>({ max: 50, ttlMs: 60_000 });
    matchCaches.set(db, cache);
  }
  const hit = cache.get(version, q);
  if (hit) return hit;
  const fresh = await matchedOrganisationIds(db, q);
  cache.set(version, q, fresh);
  return fresh;
}

/**
 * The directory page as JSON bytes (the route sends them as they are). Returning the serialised body lets a
 * cache hit skip serialising ≈20 KB of cards and facet counts, which was most of the cost of a hit.
 */
export async function directoryJson(
  ctx: AppContext,
  actor: Actor | null,
  q: DirectoryQuery,
): Promise<Buffer> {
  if (q.status.length > 0 && !isStaff(actor)) {
    throw new AppError('FORBIDDEN', 'Only network staff may list organisations by status');
  }
  const filters: DirectoryFilters = {
    q: q.q ? q.q : undefined,
    status: q.status,
    region: q.region,
    province: q.province.map((p) => p.toUpperCase()),
    kind: q.kind,
    legalForm: q.legalForm,
    field: q.field,
    programme: q.programme,
    language: q.language,
    module: q.module,
  };
  const sort = q.sort ?? (filters.q ? 'relevance' : 'name');
  // Read before the queries: if a change commits meanwhile, the results are stored under the older
  // version and the next request, seeing the new one, recomputes them.
  const version = await readDirectoryVersion(ctx.db);
  const opts = { sort, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  const responses = cacheFor(responseCaches, ctx.db);
  const responseKey = cacheKey({ filters, opts, lang: q.lang ?? null });
  const cached = responses.get(version, responseKey);
  if (cached !== undefined) return cached;
  // The words are matched once for both the page and the facet counts.
  const matched = filters.q ? await cachedMatches(ctx.db, filters.q, version) : undefined;
  const [rows, { total, facets: facetRows }] = await Promise.all([
    searchDirectory(ctx.db, filters, opts, matched),
    cachedFacets(ctx.db, filters, version, matched),
  ]);
  const fields = await repo.fieldSlugsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items: OrgCard[] = rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    acronym: r.acronym,
    kind: r.kind as OrgCard['kind'],
    legalForm: r.legal_form as OrgCard['legalForm'],
    municipality: r.municipality,
    provinceCode: r.province_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    logoUrl: r.logo_file_id ? fileUrl(r.logo_file_id) : null,
    summary: summarise(pickText(r.description, q.lang)),
    fields: fields.get(r.id) ?? [],
    status: r.status as OrganisationStatus,
    visible: r.visible,
  }));
  const facets = Object.fromEntries(
    FACET_NAMES.map((name: FacetName) => {
      const values: FacetValue[] = facetRows[name].map((f) => ({
        value: f.value ?? '',
        label: f.names ? pickText(f.names, q.lang) : (f.label ?? f.value ?? ''),
        count: Number(f.count),
      }));
      values.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
      return [name, values];
    }),
  ) as DirectoryResponse['facets'];
  const response: DirectoryResponse = { items, total, page: q.page, pageSize: q.pageSize, facets };
  // Kept as UTF-8 bytes: encoding 20 KB of text on every hit cost more than anything else on the path.
  const json = Buffer.from(JSON.stringify(response));
  responses.set(version, responseKey, json);
  return json;
}

// --- one organisation -------------------------------------------------------------------------------------

/** The organisation if the actor may see it; 404 otherwise, so hidden organisations are not revealed. */
async function visibleOrganisation(ctx: AppContext, actor: Actor | null, slug: string) {
  const org = await repo.findOrganisationBySlug(ctx.db, slug);
  if (!org) throw new AppError('NOT_FOUND', 'No such organisation');
  const isPublic = org.status === 'member' && org.visible;
  if (!isPublic && !isStaff(actor) && !orgRole(actor, org.id)) {
    throw new AppError('NOT_FOUND', 'No such organisation');
  }
  return org;
}

const canEditOrganisation = (actor: Actor | null, org: { id: string }) =>
  isStaff(actor) || orgRole(actor, org.id) === 'org_admin';

/** For writes: 401 anonymous, 404 if it cannot even be seen, 403 if it can be seen but not changed. */
async function editableOrganisation(ctx: AppContext, actor: Actor | null, slug: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const org = await visibleOrganisation(ctx, actor, slug);
  if (!canEditOrganisation(actor, org))
    throw new AppError('FORBIDDEN', 'Only its admins or staff may do this');
  return org;
}

async function staffOrganisation(ctx: AppContext, actor: Actor | null, slug: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const org = await visibleOrganisation(ctx, actor, slug);
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only staff may do this');
  return org;
}

export async function organisationDetail(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  lang?: string,
): Promise<OrgDetail> {
  const org = await visibleOrganisation(ctx, actor, slug);
  const [fields, programmes] = await Promise.all([
    repo.fieldSlugsOf(ctx.db, [org.id]),
    repo.programmesOf(ctx.db, org.id),
  ]);
  const myRole = orgRole(actor, org.id) ?? null;
  // A personal tax code is personal data: only the organisation's people and staff see it.
  const insider = isStaff(actor) || myRole !== null;
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    acronym: org.acronym,
    kind: org.kind as OrgDetail['kind'],
    legalForm: org.legal_form as OrgDetail['legalForm'],
    municipality: org.municipality,
    provinceCode: org.province_code,
    regionCode: org.region_code,
    regionName: org.region_name,
    logoUrl: org.logo_file_id ? fileUrl(org.logo_file_id) : null,
    logoFileId: org.logo_file_id,
    summary: summarise(pickText(org.description, lang)),
    fields: fields.get(org.id) ?? [],
    ...(insider ? { taxCode: org.tax_code } : {}),
    runtsNumber: org.runts_number,
    address: org.address,
    postalCode: org.postal_code,
    website: org.website,
    email: org.email,
    phone: org.phone,
    languages: org.languages,
    description: org.description,
    modules: org.modules as OrgDetail['modules'],
    status: org.status,
    visible: org.visible,
    joinedAt: org.joined_at ? org.joined_at.toISOString() : null,
    programmes,
    myRole,
    canEdit: canEditOrganisation(actor, org),
  };
}

export async function updateProfile(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  input: OrganisationUpdate,
): Promise<OrgDetail> {
  const org = await editableOrganisation(ctx, actor, slug);
  if (!isStaff(actor) && !['member', 'suspended'].includes(org.status)) {
    throw new AppError('INVALID_STATE', 'This organisation can no longer be edited');
  }
  const { values, fieldIds } = await resolveOrganisationInput(ctx, input, {
    prefix: '',
    organisationId: org.id,
  });
  if (input.modules !== undefined) values.modules = [...new Set(input.modules)];
  try {
    await ctx.db.transaction().execute(async (tx) => {
      if (Object.keys(values).length > 0) await repo.updateOrganisation(tx, org.id, values);
      if (fieldIds !== undefined) await repo.replaceOrganisationFields(tx, org.id, fieldIds);
      await addOrganisationSearchWords(tx, values);
    });
  } catch (err) {
    mapUniqueViolation(err);
  }
  return organisationDetail(ctx, actor, slug);
}

// --- people -----------------------------------------------------------------------------------------------

async function peopleOrganisation(ctx: AppContext, actor: Actor | null, slug: string, write: boolean) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const org = await visibleOrganisation(ctx, actor, slug);
  const allowed = write
    ? canEditOrganisation(actor, org)
    : isStaff(actor) || orgRole(actor, org.id) !== undefined;
  if (!allowed) throw new AppError('FORBIDDEN', 'Not allowed for this organisation');
  return org;
}

export async function listPeople(ctx: AppContext, actor: Actor | null, slug: string): Promise<MemberItem[]> {
  const org = await peopleOrganisation(ctx, actor, slug, false);
  const rows = await repo.listMembers(ctx.db, org.id);
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role,
    pending: r.password_hash === null,
  }));
}

export async function invitePerson(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  input: { email: string; name: string; role: MemberRole; locale?: Locale | undefined },
): Promise<MemberItem[]> {
  const org = await peopleOrganisation(ctx, actor, slug, true);
  const inviter = actor as Actor;
  if (!['member', 'suspended'].includes(org.status)) {
    throw new AppError('INVALID_STATE', 'Only member organisations can invite people');
  }
  await ctx.db.transaction().execute(async (tx) => {
    const invite = await inviteUser(tx, {
      email: input.email,
      name: input.name,
      locale: input.locale ?? inviter.locale,
      data: { organisationId: org.id },
    });
    if (await repo.findMemberRole(tx, org.id, invite.userId)) {
      throw new AppError('CONFLICT', 'This person already belongs to the organisation', {
        fields: [{ path: 'email', message: 'already_member' }],
      });
    }
    await repo.upsertMember(tx, org.id, invite.userId, input.role);
    const user = await repo.findUserLocale(tx, invite.userId);
    // An account that already exists keeps its own language; a new one gets the one chosen at invitation.
    const locale = invite.existing && user ? user.locale : (input.locale ?? inviter.locale);
    const link = invite.token
      ? `${ctx.config.publicUrl}/invitation?token=${encodeURIComponent(invite.token)}`
      : `${ctx.config.publicUrl}/login`;
    const mail = colleagueInvitedMail(locale, {
      name: user?.name ?? input.name,
      inviterName: inviter.name,
      organisationName: org.name,
      networkName: ctx.config.networkName,
      role: input.role,
      link,
      newAccount: invite.token !== null,
    });
    await enqueueMail(tx, { to: input.email, ...mail, locale, template: 'organisations.colleague_invited' });
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action: 'member_invited',
      note: `${input.email} (${input.role})`,
      actorUserId: inviter.userId,
    });
  });
  return listPeople(ctx, actor, slug);
}

export async function changePersonRole(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  userId: string,
  role: MemberRole,
): Promise<MemberItem[]> {
  const org = await peopleOrganisation(ctx, actor, slug, true);
  await ctx.db.transaction().execute(async (tx) => {
    await repo.lockOrganisation(tx, org.id);
    const current = await repo.findMemberRole(tx, org.id, userId);
    if (!current) throw new AppError('NOT_FOUND', 'This person does not belong to the organisation');
    if (current === 'org_admin' && role !== 'org_admin' && (await repo.countOrgAdmins(tx, org.id)) <= 1) {
      throw new AppError('CONFLICT', 'The last organisation admin cannot be demoted', {
        reason: 'last_org_admin',
      });
    }
    await repo.setMemberRole(tx, org.id, userId, role);
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action: 'member_role_changed',
      fromStatus: current,
      toStatus: role,
      note: userId,
      actorUserId: (actor as Actor).userId,
    });
  });
  return listPeople(ctx, actor, slug);
}

export async function removePerson(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  userId: string,
): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const org = await visibleOrganisation(ctx, actor, slug);
  // Anyone may leave an organisation themselves; removing someone else needs its admin or staff.
  const self = actor.userId === userId && orgRole(actor, org.id) !== undefined;
  if (!self && !canEditOrganisation(actor, org))
    throw new AppError('FORBIDDEN', 'Not allowed for this organisation');
  await ctx.db.transaction().execute(async (tx) => {
    await repo.lockOrganisation(tx, org.id);
    const current = await repo.findMemberRole(tx, org.id, userId);
    if (!current) throw new AppError('NOT_FOUND', 'This person does not belong to the organisation');
    if (current === 'org_admin' && (await repo.countOrgAdmins(tx, org.id)) <= 1) {
      throw new AppError('CONFLICT', 'The last organisation admin cannot be removed', {
        reason: 'last_org_admin',
      });
    }
    await repo.deleteMember(tx, org.id, userId);
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action: 'member_removed',
      fromStatus: current,
      note: userId,
      actorUserId: actor.userId,
    });
  });
}

// --- membership lifecycle ---------------------------------------------------------------------------------

async function changeStatus(
  ctx: AppContext,
  actor: Actor,
  org: { id: string },
  from: OrganisationStatus[],
  to: OrganisationStatus,
  action: string,
  note: string | null,
): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const status = await repo.lockOrganisation(tx, org.id);
    if (!status || !from.includes(status)) {
      throw new AppError('INVALID_STATE', `Cannot go from ${status} to ${to}`, { from: status, to });
    }
    await repo.updateOrganisation(tx, org.id, {
      status: to,
      ...(to === 'departed' ? { left_at: new Date() } : {}),
    });
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action,
      fromStatus: status,
      toStatus: to,
      note,
      actorUserId: actor.userId,
    });
  });
}

export async function leaveNetwork(ctx: AppContext, actor: Actor | null, slug: string): Promise<OrgDetail> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const org = await visibleOrganisation(ctx, actor, slug);
  if (orgRole(actor, org.id) !== 'org_admin') {
    throw new AppError('FORBIDDEN', 'Only the organisation admin can make it leave the network');
  }
  await changeStatus(ctx, actor, org, ['member', 'suspended'], 'departed', 'left', null);
  return organisationDetail(ctx, actor, slug);
}

export async function suspendOrganisation(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  note: string | null,
) {
  const org = await staffOrganisation(ctx, actor, slug);
  await changeStatus(ctx, actor as Actor, org, ['member'], 'suspended', 'suspended', note);
  return organisationDetail(ctx, actor, slug);
}

export async function reinstateOrganisation(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  note: string | null,
) {
  const org = await staffOrganisation(ctx, actor, slug);
  await changeStatus(ctx, actor as Actor, org, ['suspended'], 'member', 'reinstated', note);
  return organisationDetail(ctx, actor, slug);
}

export async function organisationAudit(ctx: AppContext, actor: Actor | null, slug: string) {
  const org = await staffOrganisation(ctx, actor, slug);
  const apps = await repo.applicationIdsOf(ctx.db, org.id);
  return auditEntries(ctx.db, [
    { entityType: 'organisation', entityId: org.id },
    ...apps.map((a) => ({ entityType: 'application', entityId: a.id })),
  ]);
}

// --- introductory meetings --------------------------------------------------------------------------------

export async function listOrganisationMeetings(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
): Promise<Meeting[]> {
  const org = await staffOrganisation(ctx, actor, slug);
  const rows = await repo.listMeetings(ctx.db, org.id);
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    participants: r.participants,
    notes: r.notes,
    recordedByName: r.recorded_by_name,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function recordMeeting(
  ctx: AppContext,
  actor: Actor | null,
  slug: string,
  input: { heldOn: string; participants: string; notes: string | null },
): Promise<Meeting[]> {
  const org = await staffOrganisation(ctx, actor, slug);
  if (!['member', 'suspended', 'departed'].includes(org.status)) {
    throw new AppError('INVALID_STATE', 'Introductory meetings are recorded for members');
  }
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insertMeeting(tx, {
      organisation_id: org.id,
      held_on: input.heldOn,
      participants: input.participants,
      notes: input.notes,
      recorded_by: (actor as Actor).userId,
    });
    await recordAudit(tx, {
      entityType: 'organisation',
      entityId: org.id,
      action: 'introductory_meeting',
      note: `${input.heldOn}: ${input.participants}`,
      actorUserId: (actor as Actor).userId,
    });
  });
  return listOrganisationMeetings(ctx, actor, slug);
}

/** The one search across Trama: visible members only (the public directory), best matches first. */
export async function searchForUnifiedSearch(
  db: DbOrTx,
  q: string,
  limit: number,
): Promise<import('../../../shared/search.js').UnifiedSlice> {
  const filters: DirectoryFilters = {
    q,
    status: [],
    region: [],
    province: [],
    kind: [],
    legalForm: [],
    field: [],
    programme: [],
    language: [],
    module: [],
  };
  const rows = await searchDirectory(db, filters, { sort: 'relevance', limit: limit + 1, offset: 0 });
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      ref: r.slug,
      title: { it: r.acronym ? `${r.name} (${r.acronym})` : r.name },
      text: r.description ?? {},
      meta: [r.municipality, r.region_name].filter(Boolean).join(', ') || null,
    })),
  };
}
