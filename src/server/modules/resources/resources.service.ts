// Resource library: who may see, manage and download items; versions, text extraction, collections.
//
// Visibility reuses the events' scope (member organisations, programmes they take part in). Items of an
// organisation are managed by its org admins and operators, who publish directly (the network trusts its
// members); staff manage everything and alone delete. Hidden items answer 404, never 403.

import {
  type CollectionBody,
  CollectionBody as CollectionBodySchema,
  type CollectionList,
  type CreateResourceBody,
  CreateResourceBody as CreateSchema,
  ResourceListQuery as ListQuerySchema,
  RESOURCE_MAX_BYTES,
  type ResourceCollection,
  type ResourceDetail,
  type ResourceList,
  type ResourceListQuery,
  type ResourceSummary,
  type ResourceVersion,
  type UpdateCollectionBody,
  type UpdateResourceBody,
} from '../../../shared/resources.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueJob } from '../../jobs/jobs.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff } from '../auth/actor.js';
import { scopeOf as eventsScopeOf } from '../events/events.service.js';
import { readStoredFile, safeFilename, storeDocument } from '../files/files.service.js';
import { addSearchWords, correctQuery } from '../search/search.words.js';
import { extractText } from './resources.extract.js';
import * as repo from './resources.repository.js';

export const EXTRACT_JOB = 'resources.extract';
const FILE_PURPOSE = 'resource';

export async function scopeOf(db: DbOrTx, actor: Actor | null): Promise<repo.Scope> {
  const s = await eventsScopeOf(db, actor);
  return {
    staff: s.staff,
    userId: s.userId,
    memberOrgIds: s.memberOrgIds,
    manageOrgIds: s.manageOrgIds,
    programmeSlugs: s.programmeSlugs,
  };
}

const canManage = (scope: repo.Scope, r: repo.ResourceRow) =>
  scope.staff || (r.organisation_id !== null && scope.manageOrgIds.includes(r.organisation_id));

function canSee(scope: repo.Scope, r: repo.ResourceRow): boolean {
  if (canManage(scope, r)) return true;
  if (r.status !== 'published') return false;
  switch (r.visibility) {
    case 'public':
      return true;
    case 'members':
      return scope.memberOrgIds.length > 0;
    case 'programme':
      return r.programme_slug !== null && scope.programmeSlugs.includes(r.programme_slug);
    default:
      return false;
  }
}

async function mustSee(db: DbOrTx, actor: Actor | null, id: string) {
  const scope = await scopeOf(db, actor);
  const r = await repo.findResource(db, id);
  if (!r || !canSee(scope, r)) throw new AppError('NOT_FOUND', 'No such resource');
  return { r, scope };
}

async function mustManage(db: DbOrTx, actor: Actor | null, id: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const { r, scope } = await mustSee(db, actor, id);
  if (!canManage(scope, r))
    throw new AppError('FORBIDDEN', 'Only staff and the author organisation manage this item');
  return { r, scope, actor };
}

const downloadUrl = (id: string, n?: number) =>
  `/api/v1/resources/${id}/download${n !== undefined ? `?version=${n}` : ''}`;

function toSummary(r: repo.ResourceRow): ResourceSummary {
  return {
    id: r.id,
    kind: r.kind as ResourceSummary['kind'],
    title: r.title ?? {},
    summary: r.summary ?? {},
    language: r.language as ResourceSummary['language'],
    fields: r.fields,
    tags: r.tags,
    programme: r.programme_slug ? { slug: r.programme_slug, name: r.programme_name ?? '' } : null,
    organisation: r.organisation_slug ? { slug: r.organisation_slug, name: r.organisation_name ?? '' } : null,
    visibility: r.visibility as ResourceSummary['visibility'],
    status: r.status as ResourceSummary['status'],
    linkUrl: r.link_url,
    current:
      r.current_number !== null && r.current_number !== undefined
        ? {
            number: r.current_number,
            contentType: r.current_type ?? '',
            sizeBytes: Number(r.current_size ?? 0),
            filename: r.current_filename ?? '',
          }
        : null,
    downloadCount: Number(r.download_count),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function toVersion(resourceId: string, v: repo.VersionRow): ResourceVersion {
  return {
    id: v.id,
    number: v.number,
    filename: v.filename,
    contentType: v.content_type,
    sizeBytes: Number(v.size_bytes),
    sha256: v.sha256,
    note: v.note,
    extraction: v.extracted_at === null ? 'pending' : v.extraction_error ? 'failed' : 'done',
    createdAt: v.created_at.toISOString(),
    createdByName: v.created_by_name ?? null,
    downloadUrl: downloadUrl(resourceId, v.number),
  };
}

// --- list and search -------------------------------------------------------------------------------------

type Cursor = { r?: number; t?: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string | undefined, searching: boolean): repo.ListFilter['after'] {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(c.id)) throw new Error('id');
    if (searching) {
      if (typeof c.r !== 'number' || !Number.isFinite(c.r)) throw new Error('rank');
      return { rank: c.r, id: c.id };
    }
    if (typeof c.t !== 'string' || Number.isNaN(Date.parse(c.t)) || !/^\d{4}-/.test(c.t))
      throw new Error('t');
    return { createdAt: c.t, id: c.id };
  } catch {
    throw fieldError('cursor', 'invalid cursor');
  }
}

export async function listResources(
  ctx: AppContext,
  actor: Actor | null,
  query: ResourceListQuery,
): Promise<ResourceList> {
  const q = ListQuerySchema.parse(query);
  const scope = await scopeOf(ctx.db, actor);
  const searching = Boolean(q.q?.trim());
  const filter: repo.ListFilter = {
    q: q.q,
    kind: q.kind,
    language: q.language,
    field: q.field,
    programmeSlug: q.programme,
    collectionId: q.collection,
    status: q.status,
    limit: q.limit,
    after: decodeCursor(q.cursor, searching),
  };
  let rows = await repo.listResources(ctx.db, scope, filter);
  let correctedQuery: string | undefined;
  // Nothing found: a word typed wrong is replaced by the nearest word that exists. The same rule on every
  // page (the original words find nothing after any cursor either), so later pages follow the correction.
  if (searching && rows.length === 0) {
    const { corrected } = await correctQuery(ctx.db, q.q as string);
    if (corrected) {
      const found = await repo.listResources(ctx.db, scope, { ...filter, q: corrected });
      if (found.length > 0) {
        rows = found;
        correctedQuery = corrected;
      }
    }
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor:
      rows.length > q.limit && last
        ? encodeCursor(
            searching ? { r: last.rank, id: last.id } : { t: last.created_at.toISOString(), id: last.id },
          )
        : null,
    ...(correctedQuery ? { correctedQuery } : {}),
  };
}

// --- items -----------------------------------------------------------------------------------------------

async function resolveRefs(
  db: DbOrTx,
  b: { programmeSlug?: string | null; organisationSlug?: string | null; fields?: string[] },
) {
  const out: { programme_id?: string | null; organisation_id?: string | null; fields?: string[] } = {};
  if (b.programmeSlug !== undefined) {
    if (b.programmeSlug === null) out.programme_id = null;
    else {
      const p = await repo.programmeIdBySlug(db, b.programmeSlug);
      if (!p) throw fieldError('programmeSlug', `unknown programme '${b.programmeSlug}'`);
      out.programme_id = p.id;
    }
  }
  if (b.organisationSlug !== undefined) {
    if (b.organisationSlug === null) out.organisation_id = null;
    else {
      const o = await repo.organisationIdBySlug(db, b.organisationSlug);
      if (!o) throw fieldError('organisationSlug', `unknown organisation '${b.organisationSlug}'`);
      out.organisation_id = o.id;
    }
  }
  if (b.fields !== undefined) {
    const fields = [...new Set(b.fields)];
    const known = await repo.knownFieldSlugs(db, fields);
    const unknown = fields.find((f) => !known.has(f));
    if (unknown) throw fieldError('fields', `unknown field of activity '${unknown}'`);
    out.fields = fields;
  }
  return out;
}

const cleanText = (m: Record<string, string>) =>
  Object.fromEntries(Object.entries(m).filter(([, v]) => v.trim().length > 0));

export async function createResource(
  ctx: AppContext,
  actor: Actor | null,
  input: CreateResourceBody,
): Promise<ResourceDetail> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const body = CreateSchema.parse(input);
  const scope = await scopeOf(ctx.db, actor);
  if (!scope.staff && scope.manageOrgIds.length === 0)
    throw new AppError('FORBIDDEN', 'Only staff and organisation admins or operators add resources');
  const refs = await resolveRefs(ctx.db, body);
  if (!scope.staff) {
    // Someone who is not staff publishes on behalf of an organisation they manage.
    if (!refs.organisation_id) {
      if (scope.manageOrgIds.length !== 1) throw fieldError('organisationSlug', 'required');
      refs.organisation_id = scope.manageOrgIds[0] as string;
    }
    if (!scope.manageOrgIds.includes(refs.organisation_id))
      throw new AppError('FORBIDDEN', 'You may add resources only for an organisation you manage');
  }
  const id = await ctx.db.transaction().execute(async (tx) => {
    const rid = await repo.insertResource(tx, {
      kind: body.kind,
      title: cleanText(body.title),
      summary: cleanText(body.summary),
      language: body.language,
      fields: refs.fields ?? [],
      tags: [...new Set(body.tags)],
      programme_id: refs.programme_id ?? null,
      organisation_id: refs.organisation_id ?? null,
      visibility: body.visibility,
      status: body.status,
      link_url: body.linkUrl ?? null,
      created_by: actor.userId,
    });
    await repo.refreshSearch(tx, rid);
    await addSearchWords(tx, ...Object.values(body.title), ...Object.values(body.summary), ...body.tags);
    await recordAudit(tx, {
      entityType: 'resource',
      entityId: rid,
      action: 'created',
      fromStatus: null,
      toStatus: body.status,
      actorUserId: actor.userId,
    });
    return rid;
  });
  return getResource(ctx, actor, id);
}

export async function getResource(ctx: AppContext, actor: Actor | null, id: string): Promise<ResourceDetail> {
  const { r, scope } = await mustSee(ctx.db, actor, id);
  const [versions, collections] = await Promise.all([
    repo.listVersions(ctx.db, id),
    repo.collectionsOfResource(ctx.db, id),
  ]);
  return {
    ...toSummary(r),
    versions: versions.map((v) => toVersion(id, v)),
    collections: collections.map((c) => ({ id: c.id, title: c.title })),
    viewer: { canManage: canManage(scope, r), canDelete: scope.staff },
  };
}

export async function updateResource(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: UpdateResourceBody,
): Promise<ResourceDetail> {
  const { r, scope, actor: a } = await mustManage(ctx.db, actor, id);
  const refs = await resolveRefs(ctx.db, body);
  if (!scope.staff && refs.organisation_id !== undefined) {
    if (refs.organisation_id === null || !scope.manageOrgIds.includes(refs.organisation_id))
      throw new AppError('FORBIDDEN', 'You may move a resource only to an organisation you manage');
  }
  const kind = body.kind ?? r.kind;
  const linkUrl = body.linkUrl !== undefined ? body.linkUrl : r.link_url;
  if (kind === 'recording' && !linkUrl) throw fieldError('linkUrl', 'a recording needs a link');
  const visibility = body.visibility ?? r.visibility;
  const programmeId = refs.programme_id !== undefined ? refs.programme_id : r.programme_id;
  if (visibility === 'programme' && !programmeId)
    throw fieldError('programmeSlug', 'required for programme visibility');
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateResource(tx, id, {
      ...(body.kind ? { kind: body.kind } : {}),
      ...(body.title ? { title: cleanText(body.title) } : {}),
      ...(body.summary ? { summary: cleanText(body.summary) } : {}),
      ...(body.language ? { language: body.language } : {}),
      ...(body.tags ? { tags: [...new Set(body.tags)] } : {}),
      ...(body.visibility ? { visibility: body.visibility } : {}),
      ...(body.status ? { status: body.status } : {}),
      ...(body.linkUrl !== undefined ? { link_url: body.linkUrl } : {}),
      ...refs,
    });
    await repo.refreshSearch(tx, id);
    await addSearchWords(
      tx,
      ...Object.values(body.title ?? {}),
      ...Object.values(body.summary ?? {}),
      ...(body.tags ?? []),
    );
    if (body.status && body.status !== r.status) {
      await recordAudit(tx, {
        entityType: 'resource',
        entityId: id,
        action: body.status === 'published' ? 'published' : 'unpublished',
        fromStatus: r.status,
        toStatus: body.status,
        actorUserId: a.userId,
      });
    } else {
      await recordAudit(tx, {
        entityType: 'resource',
        entityId: id,
        action: 'updated',
        actorUserId: a.userId,
      });
    }
  });
  return getResource(ctx, actor, id);
}

export async function deleteResource(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const { r } = await mustSee(ctx.db, actor, id);
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff delete resources');
  await ctx.db.transaction().execute(async (tx) => {
    await repo.deleteResource(tx, id);
    await recordAudit(tx, {
      entityType: 'resource',
      entityId: id,
      action: 'deleted',
      fromStatus: r.status,
      toStatus: null,
      actorUserId: actor.userId,
    });
  });
}

// --- versions and downloads ------------------------------------------------------------------------------

export async function uploadVersion(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  upload: { filename: string; note: string; data: Buffer },
): Promise<ResourceVersion> {
  const { r, actor: a } = await mustManage(ctx.db, actor, id);
  if (r.kind === 'recording') throw new AppError('INVALID_STATE', 'A recording is a link, not a file');
  const note = upload.note.trim().slice(0, 1000);
  const stored = await storeDocument(ctx, a, upload.data, FILE_PURPOSE, RESOURCE_MAX_BYTES);
  const versionId = await ctx.db.transaction().execute(async (tx: Tx) => {
    if (!(await repo.lockResource(tx, id))) throw new AppError('NOT_FOUND', 'No such resource');
    const number = await repo.nextVersionNumber(tx, id);
    const vid = await repo.insertVersion(tx, {
      resource_id: id,
      number,
      file_id: stored.fileId,
      filename: safeFilename(upload.filename, stored.ext),
      content_type: stored.contentType,
      size_bytes: stored.size,
      sha256: stored.sha256,
      note,
      created_by: a.userId,
    });
    await repo.setCurrentVersion(tx, id, vid);
    await repo.refreshSearch(tx, id);
    await enqueueJob(tx, { kind: EXTRACT_JOB, payload: { versionId: vid }, key: `${EXTRACT_JOB}:${vid}` });
    await recordAudit(tx, {
      entityType: 'resource',
      entityId: id,
      action: 'version_uploaded',
      note: `v${number}${note ? `: ${note}` : ''}`.slice(0, 1000),
      actorUserId: a.userId,
    });
    return vid;
  });
  const v = (await repo.listVersions(ctx.db, id)).find((x) => x.id === versionId);
  if (!v) throw new AppError('NOT_FOUND', 'No such version');
  return toVersion(id, v);
}

export async function listVersions(ctx: AppContext, actor: Actor | null, id: string) {
  await mustSee(ctx.db, actor, id);
  return { items: (await repo.listVersions(ctx.db, id)).map((v) => toVersion(id, v)) };
}

export async function download(ctx: AppContext, actor: Actor | null, id: string, version?: number) {
  const { r } = await mustSee(ctx.db, actor, id);
  const number = version ?? r.current_number;
  if (number === null || number === undefined) throw new AppError('NOT_FOUND', 'This resource has no file');
  const v = await repo.findVersionByNumber(ctx.db, id, number);
  if (!v) throw new AppError('NOT_FOUND', 'No such version');
  const f = await readStoredFile(ctx, v.file_id, FILE_PURPOSE);
  await repo.countDownload(ctx.db, id);
  return { ...f, filename: v.filename };
}

/** Job: read the version's file and store its text; a file that cannot be read leaves the error, not a retry. */
export async function runExtraction(ctx: AppContext, tx: Tx, versionId: string): Promise<void> {
  const v = await repo.findVersionById(tx, versionId);
  if (!v) return;
  let out: { text: string; error: string | null };
  try {
    const f = await readStoredFile(ctx, v.file_id, FILE_PURPOSE, tx);
    out = await extractText(f.data, v.content_type);
  } catch (err) {
    out = { text: '', error: String((err as Error)?.message ?? err).slice(0, 500) };
  }
  await repo.saveExtraction(tx, versionId, out.text, out.error);
  if (v.current_version_id === versionId) {
    await repo.refreshSearch(tx, v.resource_id);
    // The same part of the text the search vector covers.
    await addSearchWords(tx, out.text.slice(0, 400_000));
  }
}

// --- collections -----------------------------------------------------------------------------------------

const ITEMS_PER_COLLECTION = 200;

async function collectionsWithItems(
  db: DbOrTx,
  scope: repo.Scope,
  rows: Awaited<ReturnType<typeof repo.listCollections>>,
): Promise<ResourceCollection[]> {
  const items = await repo.collectionItems(
    db,
    scope,
    rows.map((c) => c.id),
    ITEMS_PER_COLLECTION,
  );
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description ?? {},
    position: c.position,
    items: items.filter((i) => i.collection_id === c.id).map(toSummary),
  }));
}

export async function listCollections(ctx: AppContext, actor: Actor | null): Promise<CollectionList> {
  const scope = await scopeOf(ctx.db, actor);
  return { items: await collectionsWithItems(ctx.db, scope, await repo.listCollections(ctx.db)) };
}

export async function getCollection(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
): Promise<ResourceCollection> {
  const scope = await scopeOf(ctx.db, actor);
  const c = await repo.findCollection(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND', 'No such collection');
  const [out] = await collectionsWithItems(ctx.db, scope, [c]);
  return out as ResourceCollection;
}

function mustBeStaff(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff curate collections');
}

async function checkResourceIds(db: DbOrTx, ids: string[]) {
  const known = await repo.existingResourceIds(db, ids);
  const missing = ids.find((i) => !known.has(i));
  if (missing) throw fieldError('resourceIds', `unknown resource '${missing}'`);
}

export async function createCollection(
  ctx: AppContext,
  actor: Actor | null,
  input: CollectionBody,
): Promise<ResourceCollection> {
  mustBeStaff(actor);
  const body = CollectionBodySchema.parse(input);
  if (new Set(body.resourceIds).size !== body.resourceIds.length)
    throw fieldError('resourceIds', 'an item appears twice');
  await checkResourceIds(ctx.db, body.resourceIds);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const cid = await repo.insertCollection(tx, {
      title: cleanText(body.title),
      description: cleanText(body.description),
      position: body.position,
    });
    await repo.replaceCollectionItems(tx, cid, body.resourceIds);
    await recordAudit(tx, {
      entityType: 'resource_collection',
      entityId: cid,
      action: 'created',
      actorUserId: actor.userId,
    });
    return cid;
  });
  return getCollection(ctx, actor, id);
}

export async function updateCollection(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  body: UpdateCollectionBody,
): Promise<ResourceCollection> {
  mustBeStaff(actor);
  if (!(await repo.findCollection(ctx.db, id))) throw new AppError('NOT_FOUND', 'No such collection');
  if (body.resourceIds) await checkResourceIds(ctx.db, body.resourceIds);
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateCollection(tx, id, {
      ...(body.title ? { title: cleanText(body.title) } : {}),
      ...(body.description ? { description: cleanText(body.description) } : {}),
      ...(body.position !== undefined ? { position: body.position } : {}),
    });
    if (body.resourceIds) await repo.replaceCollectionItems(tx, id, body.resourceIds);
    await recordAudit(tx, {
      entityType: 'resource_collection',
      entityId: id,
      action: 'updated',
      actorUserId: actor.userId,
    });
  });
  return getCollection(ctx, actor, id);
}

export async function deleteCollection(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  mustBeStaff(actor);
  if (!(await repo.findCollection(ctx.db, id))) throw new AppError('NOT_FOUND', 'No such collection');
  await ctx.db.transaction().execute(async (tx) => {
    await repo.deleteCollection(tx, id);
    await recordAudit(tx, {
      entityType: 'resource_collection',
      entityId: id,
      action: 'deleted',
      actorUserId: actor.userId,
    });
  });
}

/**
 * The one search across Trama: the library's own search (title, summary, tags and the text extracted from
 * files, visibility by audience), best matches first.
 */
export async function searchForUnifiedSearch(
  db: DbOrTx,
  actor: Actor | null,
  q: string,
  limit: number,
): Promise<import('../../../shared/search.js').UnifiedSlice> {
  const scope = await scopeOf(db, actor);
  const rows = await repo.listResources(db, scope, { q, limit });
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      ref: r.id,
      title: r.title ?? {},
      text: r.summary ?? {},
      meta: r.kind,
    })),
  };
}
