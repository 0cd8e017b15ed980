// Forum: spaces, threads, posts, reading positions, watching, reactions, flags and moderation.
//
// Who may do what (see src/shared/forum.ts for the table): anything in a space someone may not see is
// "not found". Moderators are the space's moderators and network staff. Posts are numbered per thread so
// pages are index ranges; the thread row is the lock that hands out the numbers.
import type {
  AcceptBody,
  Attachment,
  CreatePostBody,
  CreateThreadBody,
  Flag,
  FlagBody,
  Lessons,
  ModerateBody,
  ModerationQueue,
  Person,
  PersonList,
  Post,
  PostPage,
  Reaction,
  ReadState,
  RevisionList,
  SpaceBody,
  SpaceDetail,
  SpaceList,
  SpaceSummary,
  ThreadDetail,
  ThreadList,
  ThreadListQuery,
  ThreadSummary,
  UpdatePostBody,
  UpdateSpaceBody,
  UpdateThreadBody,
  Watch,
  WatchBody,
  WatchMode,
} from '../../../shared/forum.js';
import { ATTACHMENT_MAX_BYTES, FORUM_WEB_PATHS, POSTS_PAGE_SIZE, REACTIONS } from '../../../shared/forum.js';
import type { UnifiedSlice } from '../../../shared/search.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { auditEntries, recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Locale } from '../auth/auth.table.js';
import { scopeOf as eventsScopeOf } from '../events/events.service.js';
import { readStoredFile, safeFilename, storeDocument } from '../files/files.service.js';
import { type NotificationText, notify } from '../notifications/notifications.service.js';
import { findProgrammeBySlug } from '../programmes/programmes.repository.js';
import { addSearchWords } from '../search/search.words.js';
import { mentionedUserIds, plainText, renderPost } from './forum.markdown.js';
import * as repo from './forum.repository.js';
import { forumTexts } from './forum.texts.js';

const FILE_PURPOSE = 'forum';
/** Accounts younger than this whose first forum post waits for a moderator (in spaces that hold). */
const NEW_ACCOUNT_DAYS = 14;
/** How watchers who chose nothing hear of threads they wrote in. */
const DEFAULT_THREAD_WATCH: WatchMode = 'daily';

export type ForumScope = {
  userId: string | null;
  staff: boolean;
  expert: boolean;
  memberOrgIds: readonly string[];
  visible: ReadonlySet<string>;
  moderated: ReadonlySet<string>;
};

export async function forumScope(db: DbOrTx, actor: Actor | null): Promise<ForumScope> {
  const s = await eventsScopeOf(db, actor);
  const expert = actor?.networkRole === 'expert';
  const staff = isStaff(actor);
  const visible = await repo.visibleSpaceIds(db, {
    staff,
    memberish: s.memberOrgIds.length > 0 || expert,
    userId: s.userId,
    memberOrgIds: s.memberOrgIds,
  });
  const moderated = staff ? visible : s.userId ? await repo.moderatedSpaceIds(db, s.userId) : [];
  return {
    userId: s.userId,
    staff,
    expert,
    memberOrgIds: s.memberOrgIds,
    visible: new Set(visible),
    moderated: new Set(moderated),
  };
}

const canModerate = (scope: ForumScope, spaceId: string) => scope.staff || scope.moderated.has(spaceId);
/** Public spaces are read by everyone but written in by members, experts and moderators. */
const canPostIn = (scope: ForumScope, space: { id: string; access: string }) =>
  scope.userId !== null &&
  scope.visible.has(space.id) &&
  (space.access !== 'public' ||
    scope.memberOrgIds.length > 0 ||
    scope.expert ||
    canModerate(scope, space.id));

function mustLogIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return actor;
}

const person = (id: string | null, name: string | null): Person | null =>
  id && name !== null ? { id, name } : null;

// --- spaces ----------------------------------------------------------------------------------------------

async function mustSeeSpace(db: DbOrTx, scope: ForumScope, idOrSlug: string) {
  const space = await repo.findSpace(db, idOrSlug);
  if (!space || !scope.visible.has(space.id)) throw new AppError('NOT_FOUND', 'No such space');
  return space;
}

function toSpaceSummary(scope: ForumScope, s: repo.SpaceStatsRow): SpaceSummary {
  return {
    id: s.id,
    slug: s.slug,
    name: s.name ?? {},
    description: s.description ?? {},
    access: s.access as SpaceSummary['access'],
    programme: s.programme_slug ? { slug: s.programme_slug, name: s.programme_name ?? '' } : null,
    holdFirstPosts: s.hold_first_posts,
    threadCount: s.thread_count,
    postCount: Number(s.post_count),
    lastPostAt: s.last_post_at ? new Date(s.last_post_at).toISOString() : null,
    newThreads: s.new_threads,
    canPost: canPostIn(scope, s),
    canModerate: canModerate(scope, s.id),
    watch: (s.watch as WatchMode | null) ?? null,
  };
}

export async function listSpaces(ctx: AppContext, actor: Actor | null): Promise<SpaceList> {
  const scope = await forumScope(ctx.db, actor);
  const rows = await repo.listSpaces(ctx.db, [...scope.visible], scope.userId);
  return { items: rows.map((r) => toSpaceSummary(scope, r)) };
}

async function spaceDetail(
  db: DbOrTx,
  scope: ForumScope,
  spaceId: string,
  previous: Date | null,
): Promise<SpaceDetail> {
  const stats = await repo.spaceStats(db, spaceId, scope.userId);
  const moderators = await repo.spaceModerators(db, spaceId);
  const members = canModerate(scope, spaceId)
    ? await repo.spaceMembers(db, spaceId)
    : { organisations: [], people: [] };
  return {
    ...toSpaceSummary(scope, stats),
    moderators,
    members,
    previousVisitAt: previous ? previous.toISOString() : null,
  };
}

/** A space; opening it counts as a visit (threads active since the previous visit are "new"). */
export async function getSpace(ctx: AppContext, actor: Actor | null, idOrSlug: string): Promise<SpaceDetail> {
  const scope = await forumScope(ctx.db, actor);
  const space = await mustSeeSpace(ctx.db, scope, idOrSlug);
  const previous = scope.userId ? await repo.touchVisit(ctx.db, scope.userId, space.id) : null;
  return spaceDetail(ctx.db, scope, space.id, previous);
}

async function programmeIdOf(
  db: DbOrTx,
  slug: string | null | undefined,
): Promise<string | null | undefined> {
  if (slug === undefined) return undefined;
  if (slug === null) return null;
  const p = await findProgrammeBySlug(db, slug);
  if (!p) throw fieldError('programmeSlug', 'no such programme');
  return p.id;
}

async function checkUsersExist(db: DbOrTx, field: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  if (found.length !== new Set(ids).size) throw fieldError(field, 'unknown person');
}
async function checkOrgsExist(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  if (found.length !== new Set(ids).size) throw fieldError('memberOrganisationIds', 'unknown organisation');
}

export async function createSpace(ctx: AppContext, actor: Actor | null, b: SpaceBody): Promise<SpaceDetail> {
  const me = mustLogIn(actor);
  if (!isStaff(me)) throw new AppError('FORBIDDEN', 'Only network staff create spaces');
  const body = b as Required<SpaceBody>;
  const programmeId = await programmeIdOf(ctx.db, body.programmeSlug);
  await checkUsersExist(ctx.db, 'moderatorIds', body.moderatorIds ?? []);
  await checkUsersExist(ctx.db, 'memberUserIds', body.memberUserIds ?? []);
  await checkOrgsExist(ctx.db, body.memberOrganisationIds ?? []);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const taken = await tx
      .selectFrom('forum_spaces')
      .select('id')
      .where('slug', '=', body.slug)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', 'slug: already taken', {
        fields: [{ path: 'slug', message: 'already taken' }],
      });
    const row = await tx
      .insertInto('forum_spaces')
      .values({
        slug: body.slug,
        name: JSON.stringify(body.name),
        description: JSON.stringify(body.description ?? {}),
        access: body.access,
        programme_id: programmeId ?? null,
        hold_first_posts: body.holdFirstPosts ?? true,
        created_by: me.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.replaceSpaceLists(tx, row.id, {
      moderatorIds: body.moderatorIds ?? [],
      organisationIds: body.memberOrganisationIds ?? [],
      userIds: body.memberUserIds ?? [],
    });
    await recordAudit(tx, {
      entityType: 'forum_space',
      entityId: row.id,
      action: 'forum.space_created',
      toStatus: body.access,
      actorUserId: me.userId,
    });
    return row.id;
  });
  const scope = await forumScope(ctx.db, me);
  return spaceDetail(ctx.db, scope, id, null);
}

export async function updateSpace(
  ctx: AppContext,
  actor: Actor | null,
  idOrSlug: string,
  b: UpdateSpaceBody,
): Promise<SpaceDetail> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const space = await mustSeeSpace(ctx.db, scope, idOrSlug);
  if (!isStaff(me)) throw new AppError('FORBIDDEN', 'Only network staff change spaces');
  const programmeId = await programmeIdOf(ctx.db, b.programmeSlug);
  await checkUsersExist(ctx.db, 'moderatorIds', b.moderatorIds ?? []);
  await checkUsersExist(ctx.db, 'memberUserIds', b.memberUserIds ?? []);
  await checkOrgsExist(ctx.db, b.memberOrganisationIds ?? []);
  await ctx.db.transaction().execute(async (tx) => {
    const set: Record<string, unknown> = {};
    if (b.name) set.name = JSON.stringify(b.name);
    if (b.description) set.description = JSON.stringify(b.description);
    if (b.access) set.access = b.access;
    if (programmeId !== undefined) set.programme_id = programmeId;
    if (b.holdFirstPosts !== undefined) set.hold_first_posts = b.holdFirstPosts;
    if (Object.keys(set).length > 0)
      await tx.updateTable('forum_spaces').set(set).where('id', '=', space.id).execute();
    await repo.replaceSpaceLists(tx, space.id, {
      moderatorIds: b.moderatorIds,
      organisationIds: b.memberOrganisationIds,
      userIds: b.memberUserIds,
    });
    await recordAudit(tx, {
      entityType: 'forum_space',
      entityId: space.id,
      action: 'forum.space_updated',
      fromStatus: space.access,
      toStatus: b.access ?? space.access,
      actorUserId: me.userId,
    });
  });
  return spaceDetail(ctx.db, await forumScope(ctx.db, me), space.id, null);
}

export async function peopleOf(
  ctx: AppContext,
  actor: Actor | null,
  idOrSlug: string,
  q: string,
): Promise<PersonList> {
  mustLogIn(actor);
  const scope = await forumScope(ctx.db, actor);
  const space = await mustSeeSpace(ctx.db, scope, idOrSlug);
  if (!canPostIn(scope, space)) throw new AppError('FORBIDDEN', 'You cannot write in this space');
  return { items: await repo.peopleOfSpace(ctx.db, space.id, q, 10) };
}

export async function watchSpace(
  ctx: AppContext,
  actor: Actor | null,
  idOrSlug: string,
  b: WatchBody,
): Promise<Watch> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const space = await mustSeeSpace(ctx.db, scope, idOrSlug);
  await repo.setWatch(ctx.db, me.userId, { spaceId: space.id }, b.mode);
  return { mode: b.mode };
}

// --- threads ---------------------------------------------------------------------------------------------

function canSeeThread(scope: ForumScope, t: { space_id: string; status: string; author_id: string | null }) {
  if (!scope.visible.has(t.space_id)) return false;
  if (t.status === 'visible' || canModerate(scope, t.space_id)) return true;
  return t.status === 'held' && t.author_id !== null && t.author_id === scope.userId;
}

async function mustSeeThread(db: DbOrTx, scope: ForumScope, id: string) {
  const t = await repo.findThread(db, id, scope.userId);
  if (!t || !canSeeThread(scope, t)) throw new AppError('NOT_FOUND', 'No such thread');
  return t;
}

function toThreadSummary(scope: ForumScope, t: repo.ThreadRow): ThreadSummary {
  const lastPostAt = new Date(t.last_post_at);
  return {
    id: t.id,
    space: { id: t.space_id, slug: t.space_slug, name: t.space_name ?? {} },
    kind: t.kind as ThreadSummary['kind'],
    title: t.title,
    author: person(t.author_id, t.author_name),
    status: t.status as ThreadSummary['status'],
    pinned: t.pinned,
    locked: t.locked,
    answered: t.accepted_post_id !== null,
    replyCount: t.reply_count,
    lastPostAt: lastPostAt.toISOString(),
    createdAt: new Date(t.created_at).toISOString(),
    unreadCount:
      scope.userId && t.last_read_seq !== null ? Math.max(0, t.visible_seq - t.last_read_seq) : null,
    isNew: t.previous_visit_at !== null && lastPostAt > new Date(t.previous_visit_at),
  };
}

function toThreadDetail(scope: ForumScope, t: repo.ThreadRow, spaceAccess: string): ThreadDetail {
  const moderator = canModerate(scope, t.space_id);
  const author = t.author_id !== null && t.author_id === scope.userId;
  const firstUnread =
    scope.userId === null ? null : (t.last_read_seq ?? 0) < t.visible_seq ? (t.last_read_seq ?? 0) + 1 : null;
  return {
    ...toThreadSummary(scope, t),
    lessons: (t.lessons as Lessons | null) ?? null,
    acceptedPostSeq: t.accepted_seq,
    lastSeq: t.last_seq,
    pageSize: POSTS_PAGE_SIZE,
    lastReadSeq: t.last_read_seq,
    firstUnreadSeq: firstUnread,
    canReply:
      t.status === 'visible' &&
      canPostIn(scope, { id: t.space_id, access: spaceAccess }) &&
      (!t.locked || moderator),
    canEdit: moderator || (author && !t.locked),
    canModerate: moderator,
    canAccept: t.kind === 'question' && scope.userId !== null && (author || scope.expert || moderator),
    watch: (t.watch as WatchMode | null) ?? null,
  };
}

type Cursor = { p: boolean; t: string; id: string };
function decodeCursor(s: string | undefined): { pinned: boolean; lastPostAt: Date; id: string } | undefined {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (
      typeof c.p !== 'boolean' ||
      typeof c.t !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(c.t) ||
      Number.isNaN(Date.parse(c.t)) ||
      // Both go to SQL as they are: a year 0000 or an id of 36 dashes would fail there as a 500.
      c.t < '1970' ||
      typeof c.id !== 'string' ||
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(c.id)
    )
      throw new Error('bad');
    return { pinned: c.p, lastPostAt: new Date(c.t), id: c.id };
  } catch {
    throw fieldError('cursor', 'invalid cursor');
  }
}

export async function listThreads(
  ctx: AppContext,
  actor: Actor | null,
  q: ThreadListQuery,
): Promise<ThreadList> {
  const scope = await forumScope(ctx.db, actor);
  let spaceIds = [...scope.visible];
  if (q.space) spaceIds = [(await mustSeeSpace(ctx.db, scope, q.space)).id];
  if (q.unread && !scope.userId)
    throw new AppError('UNAUTHENTICATED', 'Log in to see what you have not read');
  const rows = await repo.listThreads(ctx.db, {
    spaceIds,
    moderated: [...scope.moderated],
    userId: scope.userId,
    kind: q.kind,
    unanswered: q.unanswered,
    unread: q.unread,
    pinnedFirst: q.space !== undefined,
    after: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((t) => toThreadSummary(scope, t)),
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(
            JSON.stringify({ p: last.pinned, t: new Date(last.last_post_at).toISOString(), id: last.id }),
          ).toString('base64url')
        : null,
  };
}

export async function getThread(ctx: AppContext, actor: Actor | null, id: string): Promise<ThreadDetail> {
  const scope = await forumScope(ctx.db, actor);
  const t = await mustSeeThread(ctx.db, scope, id);
  const space = await repo.findSpace(ctx.db, t.space_id);
  return toThreadDetail(scope, t, space?.access ?? 'members');
}

/** Whether this person's post waits for a moderator: a new account's first post in a space that holds. */
async function mustHold(
  db: DbOrTx,
  scope: ForumScope,
  space: repo.SpaceRow,
  userId: string,
): Promise<boolean> {
  if (!space.hold_first_posts || scope.staff || scope.expert || canModerate(scope, space.id)) return false;
  const created = await repo.accountCreatedAt(db, userId);
  if (!created || Date.now() - created.getTime() > NEW_ACCOUNT_DAYS * 86_400_000) return false;
  return !(await repo.hasVisiblePost(db, userId));
}

async function attach(tx: DbOrTx, postId: string, ids: readonly string[], userId: string) {
  const unique = [...new Set(ids)];
  const n = await repo.attachToPost(tx, postId, unique, userId);
  if (n !== unique.length) throw fieldError('attachmentIds', 'unknown attachment, or not yours to attach');
}

function lessonsText(l: Lessons | null): string {
  return l ? [l.context, l.whatWeDid, l.whatWorked, l.whatDidNot].join('\n') : '';
}

export async function createThread(
  ctx: AppContext,
  actor: Actor | null,
  b: CreateThreadBody,
): Promise<ThreadDetail> {
  const me = mustLogIn(actor);
  const body = b as Required<CreateThreadBody>;
  const scope = await forumScope(ctx.db, me);
  const space = await repo.findSpace(ctx.db, body.space);
  if (!space || !scope.visible.has(space.id)) throw fieldError('space', 'no such space');
  if (!canPostIn(scope, space)) throw new AppError('FORBIDDEN', 'You cannot write in this space');
  const held = await mustHold(ctx.db, scope, space, me.userId);
  const status = held ? 'held' : 'visible';
  const markdown = body.body || '';
  const lessons = body.kind === 'deposit' ? body.lessons : null;
  const { id } = await ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertThread(tx, {
      spaceId: space.id,
      kind: body.kind,
      title: body.title,
      lessons,
      authorId: me.userId,
      status,
    });
    const seq = await repo.nextSeq(tx, id, { visible: !held, reply: false });
    const postId = await repo.insertPost(tx, {
      threadId: id,
      seq,
      authorId: me.userId,
      status,
      body: markdown,
      html: markdown ? renderPost(markdown) : '',
      plain: `${plainText(markdown)}\n${lessonsText(lessons)}`,
    });
    await attach(tx, postId, body.attachmentIds ?? [], me.userId);
    await repo.refreshThreadSearch(tx, id);
    await addSearchWords(tx, body.title, plainText(markdown), lessonsText(lessons));
    await repo.watchIfUnset(tx, me.userId, id, DEFAULT_THREAD_WATCH);
    await repo.markRead(tx, me.userId, id, seq);
    if (held) await tellModeratorsHeld(tx, space.id, me.name, body.title);
    else await announceThread(tx, { id, title: body.title, spaceId: space.id, space }, me, markdown);
    return { id };
  });
  return getThread(ctx, me, id);
}

export async function updateThread(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  b: UpdateThreadBody,
): Promise<ThreadDetail> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const t = await mustSeeThread(ctx.db, scope, id);
  const moderator = canModerate(scope, t.space_id);
  const author = t.author_id === me.userId;
  if ((b.pinned !== undefined || b.locked !== undefined || b.space !== undefined) && !moderator)
    throw new AppError('FORBIDDEN', 'Only moderators pin, lock or move threads');
  if ((b.title !== undefined || b.lessons !== undefined) && !(moderator || (author && !t.locked)))
    throw new AppError('FORBIDDEN', 'Only the author (while the thread is open) and moderators edit it');
  if (b.lessons !== undefined && t.kind !== 'deposit')
    throw fieldError('lessons', 'only work deposits have lessons');
  let target: repo.SpaceRow | undefined;
  if (b.space !== undefined) {
    target = await repo.findSpace(ctx.db, b.space);
    if (!target || !scope.visible.has(target.id)) throw fieldError('space', 'no such space');
    if (!canModerate(scope, target.id))
      throw new AppError('FORBIDDEN', 'You do not moderate the target space');
  }
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateThread(tx, t.id, {
      ...(b.title !== undefined ? { title: b.title } : {}),
      ...(b.lessons !== undefined ? { lessons: JSON.stringify(b.lessons) } : {}),
      ...(b.pinned !== undefined ? { pinned: b.pinned } : {}),
      ...(b.locked !== undefined ? { locked: b.locked } : {}),
      ...(target ? { space_id: target.id } : {}),
    });
    if (b.title !== undefined || b.lessons !== undefined) {
      await repo.refreshThreadSearch(tx, t.id);
      await addSearchWords(tx, b.title, b.lessons ? lessonsText(b.lessons) : null);
    }
    const audits: Array<[string, string | null, string | null]> = [];
    if (b.pinned !== undefined && b.pinned !== t.pinned)
      audits.push([b.pinned ? 'forum.pinned' : 'forum.unpinned', null, null]);
    if (b.locked !== undefined && b.locked !== t.locked)
      audits.push([b.locked ? 'forum.locked' : 'forum.unlocked', null, null]);
    if (target && target.id !== t.space_id) audits.push(['forum.moved', t.space_slug, target.slug]);
    if (b.title !== undefined && b.title !== t.title) audits.push(['forum.retitled', null, null]);
    for (const [action, from, to] of audits)
      await recordAudit(tx, {
        entityType: 'forum_thread',
        entityId: t.id,
        action,
        fromStatus: from,
        toStatus: to,
        actorUserId: me.userId,
      });
  });
  return getThread(ctx, me, t.id);
}

export async function watchThread(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  b: WatchBody,
): Promise<Watch> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const t = await mustSeeThread(ctx.db, scope, id);
  await repo.setWatch(ctx.db, me.userId, { threadId: t.id }, b.mode);
  return { mode: b.mode };
}

export async function markRead(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  seq: number,
): Promise<ReadState> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const t = await mustSeeThread(ctx.db, scope, id);
  return { lastReadSeq: await repo.markRead(ctx.db, me.userId, t.id, Math.min(seq, t.last_seq)) };
}

export async function acceptAnswer(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  b: AcceptBody,
): Promise<ThreadDetail> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const t = await mustSeeThread(ctx.db, scope, id);
  if (t.kind !== 'question') throw new AppError('INVALID_STATE', 'Only questions have an accepted answer');
  const allowed = t.author_id === me.userId || scope.expert || canModerate(scope, t.space_id);
  if (!allowed)
    throw new AppError('FORBIDDEN', 'The author, an expert or a moderator marks the accepted answer');
  let post: repo.PostRow | undefined;
  if (b.postId) {
    post = await repo.findPost(ctx.db, b.postId);
    if (!post || post.thread_id !== t.id) throw fieldError('postId', 'not a reply in this thread');
    if (post.seq === 1) throw fieldError('postId', 'the question itself cannot be its answer');
    if (post.status !== 'visible') throw fieldError('postId', 'the post is not visible');
  }
  await ctx.db.transaction().execute(async (tx) => {
    await repo.updateThread(tx, t.id, { accepted_post_id: post?.id ?? null });
    await recordAudit(tx, {
      entityType: 'forum_thread',
      entityId: t.id,
      action: post ? 'forum.answer_accepted' : 'forum.answer_unaccepted',
      toStatus: post ? String(post.seq) : null,
      actorUserId: me.userId,
    });
    if (post?.author_id && post.author_id !== me.userId && post.id !== t.accepted_post_id)
      await notify(tx, {
        userIds: [post.author_id],
        kind: 'forum.accepted',
        link: FORUM_WEB_PATHS.post(t.id, post.seq),
        text: forumTexts.accepted(t.title),
      });
  });
  return getThread(ctx, me, t.id);
}

// --- posts -----------------------------------------------------------------------------------------------

const attachmentUrl = (id: string) => `/api/v1/forum/attachments/${id}`;

async function toPosts(
  db: DbOrTx,
  scope: ForumScope,
  t: repo.ThreadRow,
  rows: repo.PostRow[],
): Promise<Post[]> {
  const moderator = canModerate(scope, t.space_id);
  const shown = rows.filter(
    (p) => p.status !== 'held' || moderator || (p.author_id !== null && p.author_id === scope.userId),
  );
  const ids = shown.map((p) => p.id);
  // One after the other: a request holds one connection (and PGlite runs one statement at a time anyway).
  const reactions = await repo.reactionsOf(db, ids, scope.userId);
  const attachments = await repo.attachmentsOf(db, ids);
  const flags = moderator ? await repo.openFlagCounts(db, ids) : new Map<string, number>();
  const lastRead = t.last_read_seq ?? 0;
  return shown.map((p) => {
    const mine = p.author_id !== null && p.author_id === scope.userId;
    const hiddenFromMe = p.status === 'hidden' && !moderator;
    return {
      id: p.id,
      threadId: p.thread_id,
      seq: p.seq,
      author: person(p.author_id, p.author_name),
      status: p.status as Post['status'],
      html: hiddenFromMe ? '' : p.html,
      markdown: (mine || moderator) && !hiddenFromMe ? p.body : null,
      attachments: hiddenFromMe
        ? []
        : attachments
            .filter((a) => a.post_id === p.id)
            .map(
              (a): Attachment => ({
                id: a.id,
                filename: a.filename,
                contentType: a.content_type,
                sizeBytes: Number(a.size_bytes),
                url: attachmentUrl(a.id),
              }),
            ),
      reactions: REACTIONS.map((r) => {
        const x = reactions.find((y) => y.post_id === p.id && y.reaction === r);
        return { reaction: r, count: x?.count ?? 0, mine: x?.mine ?? false };
      }).filter((r) => r.count > 0),
      accepted: t.accepted_post_id === p.id,
      editedAt: p.edited_at ? new Date(p.edited_at).toISOString() : null,
      editCount: p.edit_count,
      createdAt: new Date(p.created_at).toISOString(),
      unread: scope.userId !== null && p.seq > lastRead,
      canEdit: moderator || (mine && !t.locked && p.status !== 'hidden'),
      canModerate: moderator,
      openFlags: flags.get(p.id) ?? 0,
    };
  });
}

export async function listPosts(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  q: { page?: number; post?: number; unread?: boolean },
): Promise<PostPage> {
  const scope = await forumScope(ctx.db, actor);
  const t = await mustSeeThread(ctx.db, scope, id);
  const size = POSTS_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(t.last_seq / size));
  let page = q.page ?? 1;
  if (q.post !== undefined) page = Math.ceil(Math.min(q.post, Math.max(1, t.last_seq)) / size);
  if (q.unread) {
    const first = Math.min((t.last_read_seq ?? 0) + 1, Math.max(1, t.last_seq));
    page = Math.ceil(first / size);
  }
  if (page > pageCount) throw fieldError('page', `there are ${pageCount} pages`);
  const rows = await repo.postsInRange(ctx.db, t.id, (page - 1) * size + 1, page * size);
  return { items: await toPosts(ctx.db, scope, t, rows), page, pageCount, pageSize: size };
}

async function mustSeePost(db: DbOrTx, scope: ForumScope, id: string) {
  const p = await repo.findPost(db, id);
  if (!p) throw new AppError('NOT_FOUND', 'No such post');
  const t = await repo.findThread(db, p.thread_id, scope.userId);
  if (!t || !canSeeThread(scope, t)) throw new AppError('NOT_FOUND', 'No such post');
  const moderator = canModerate(scope, t.space_id);
  // A post whose author is gone (null) is no visitor's (null) own.
  if (p.status === 'held' && !moderator && (p.author_id === null || p.author_id !== scope.userId))
    throw new AppError('NOT_FOUND', 'No such post');
  return { p, t, moderator };
}

async function onePost(db: DbOrTx, scope: ForumScope, id: string): Promise<Post> {
  const { p, t } = await mustSeePost(db, scope, id);
  const [dto] = await toPosts(db, scope, t, [p]);
  if (!dto) throw new AppError('NOT_FOUND', 'No such post');
  return dto;
}

export async function getPost(ctx: AppContext, actor: Actor | null, id: string): Promise<Post> {
  return onePost(ctx.db, await forumScope(ctx.db, actor), id);
}

export async function createPost(
  ctx: AppContext,
  actor: Actor | null,
  threadId: string,
  b: CreatePostBody,
): Promise<Post> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const t = await mustSeeThread(ctx.db, scope, threadId);
  const space = await repo.findSpace(ctx.db, t.space_id);
  if (!space || !canPostIn(scope, space)) throw new AppError('FORBIDDEN', 'You cannot write in this space');
  if (t.status !== 'visible')
    throw new AppError('INVALID_STATE', 'This thread is waiting for approval or hidden');
  if (t.locked && !canModerate(scope, t.space_id))
    throw new AppError('INVALID_STATE', 'This thread is locked');
  const held = await mustHold(ctx.db, scope, space, me.userId);
  const markdown = b.body;
  const postId = await ctx.db.transaction().execute(async (tx) => {
    const seq = await repo.nextSeq(tx, t.id, { visible: !held, reply: true });
    const postId = await repo.insertPost(tx, {
      threadId: t.id,
      seq,
      authorId: me.userId,
      status: held ? 'held' : 'visible',
      body: markdown,
      html: renderPost(markdown),
      plain: plainText(markdown),
    });
    await attach(tx, postId, b.attachmentIds ?? [], me.userId);
    await addSearchWords(tx, plainText(markdown));
    await repo.watchIfUnset(tx, me.userId, t.id, DEFAULT_THREAD_WATCH);
    await repo.markRead(tx, me.userId, t.id, seq);
    if (held) await tellModeratorsHeld(tx, t.space_id, me.name, t.title);
    else await announcePost(tx, { id: t.id, title: t.title, spaceId: t.space_id }, me, seq, markdown);
    return postId;
  });
  return onePost(ctx.db, await forumScope(ctx.db, me), postId);
}

export async function updatePost(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  b: UpdatePostBody,
): Promise<Post> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const { p, t, moderator } = await mustSeePost(ctx.db, scope, id);
  const mine = p.author_id === me.userId;
  if (!moderator && !(mine && !t.locked && p.status !== 'hidden'))
    throw new AppError('FORBIDDEN', 'Only the author (while the thread is open) and moderators edit a post');
  await ctx.db.transaction().execute(async (tx) => {
    if (b.body !== p.body) {
      await repo.updatePostBody(
        tx,
        p,
        {
          body: b.body,
          html: renderPost(b.body),
          plain:
            p.seq === 1
              ? `${plainText(b.body)}\n${lessonsText(t.lessons as Lessons | null)}`
              : plainText(b.body),
        },
        me.userId,
      );
      await addSearchWords(tx, plainText(b.body));
    }
    if (b.attachmentIds) {
      await repo.detachOthers(tx, p.id, b.attachmentIds);
      await attach(tx, p.id, b.attachmentIds, p.author_id ?? me.userId);
    }
    if (!mine)
      await recordAudit(tx, {
        entityType: 'forum_post',
        entityId: p.id,
        action: 'forum.post_edited_by_moderator',
        actorUserId: me.userId,
      });
  });
  return onePost(ctx.db, scope, p.id);
}

export async function revisions(ctx: AppContext, actor: Actor | null, id: string): Promise<RevisionList> {
  const scope = await forumScope(ctx.db, actor);
  const { p, moderator } = await mustSeePost(ctx.db, scope, id);
  if (p.status === 'hidden' && !moderator) return { items: [] };
  const rows = await repo.revisionsOf(ctx.db, p.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      markdown: r.body,
      html: r.html,
      editedBy: person(r.edited_by, r.editor_name),
      replacedAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function react(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  reaction: Reaction,
  on: boolean,
): Promise<Post> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const { p } = await mustSeePost(ctx.db, scope, id);
  if (p.status !== 'visible') throw new AppError('INVALID_STATE', 'Only visible posts take reactions');
  await repo.setReaction(ctx.db, p.id, me.userId, reaction, on);
  return onePost(ctx.db, scope, p.id);
}

export async function flagPost(ctx: AppContext, actor: Actor | null, id: string, b: FlagBody): Promise<Flag> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const { p, t } = await mustSeePost(ctx.db, scope, id);
  if (p.author_id === me.userId) throw new AppError('INVALID_STATE', 'You cannot flag your own post');
  if (p.status !== 'visible') throw new AppError('INVALID_STATE', 'This post is not visible');
  const note = b.note ?? '';
  const row = await ctx.db.transaction().execute(async (tx) => {
    const row = await repo.insertFlag(tx, { postId: p.id, userId: me.userId, reason: b.reason, note });
    if (!row) throw new AppError('CONFLICT', 'You have already flagged this post');
    await recordAudit(tx, {
      entityType: 'forum_post',
      entityId: p.id,
      action: 'forum.flagged',
      toStatus: b.reason,
      note: note || null,
      actorUserId: me.userId,
    });
    const mods = await moderatorsOf(tx, t.space_id);
    await notify(tx, {
      userIds: mods.filter((u) => u !== me.userId),
      kind: 'forum.flagged',
      link: FORUM_WEB_PATHS.moderation,
      text: forumTexts.flagged(t.title),
    });
    return row;
  });
  return {
    id: row.id,
    postId: p.id,
    reason: b.reason,
    note,
    by: { id: me.userId, name: me.name },
    status: 'open',
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Moderators of a space, or network staff when it has none. */
async function moderatorsOf(db: DbOrTx, spaceId: string): Promise<string[]> {
  const mods = await repo.spaceModerators(db, spaceId);
  if (mods.length > 0) return mods.map((m) => m.id);
  const staff = await db
    .selectFrom('users')
    .select('id')
    .where('network_role', 'in', ['admin', 'staff'])
    .where('disabled_at', 'is', null)
    .limit(50)
    .execute();
  return staff.map((s) => s.id);
}

export async function moderate(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  b: ModerateBody,
): Promise<Post> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const { p, t, moderator } = await mustSeePost(ctx.db, scope, id);
  if (!moderator) throw new AppError('FORBIDDEN', 'Only moderators of this space');
  const note = b.note ?? '';
  const next: Record<ModerateBody['action'], string | null> = {
    hide: 'hidden',
    restore: 'visible',
    approve: 'visible',
    dismiss_flags: null,
  };
  const to = next[b.action];
  if (b.action === 'approve' && p.status !== 'held')
    throw new AppError('INVALID_STATE', 'Only held posts are approved');
  if (b.action === 'restore' && p.status !== 'hidden')
    throw new AppError('INVALID_STATE', 'Only hidden posts are restored');
  if (b.action === 'hide' && p.status === 'hidden') throw new AppError('INVALID_STATE', 'Already hidden');
  await ctx.db.transaction().execute(async (tx) => {
    // The thread row is the lock: counts and statuses of one thread change one at a time.
    await tx.selectFrom('forum_threads').select('id').where('id', '=', t.id).forUpdate().execute();
    if (to && to !== p.status) {
      await repo.setPostStatus(tx, p.id, to);
      if (p.seq === 1) await repo.updateThread(tx, t.id, { status: to });
      if ((to === 'visible') !== (p.status === 'visible'))
        await repo.postVisibilityChanged(tx, t.id, {
          seq: p.seq,
          nowVisible: to === 'visible',
          approved: b.action === 'approve',
        });
      if (to === 'hidden' && t.accepted_post_id === p.id)
        await repo.updateThread(tx, t.id, { accepted_post_id: null });
    }
    const resolved =
      b.action === 'hide'
        ? await repo.resolveFlags(tx, p.id, 'upheld', me.userId)
        : b.action === 'dismiss_flags' || b.action === 'restore'
          ? await repo.resolveFlags(tx, p.id, 'dismissed', me.userId)
          : 0;
    await recordAudit(tx, {
      entityType: 'forum_post',
      entityId: p.id,
      action: `forum.${b.action}`,
      fromStatus: p.status,
      toStatus: to ?? p.status,
      note: [note, resolved ? `flags resolved: ${resolved}` : ''].filter(Boolean).join(' · ') || null,
      actorUserId: me.userId,
    });
    if (b.action === 'approve' && p.author_id) {
      const author = await tx
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', '=', p.author_id)
        .executeTakeFirst();
      await notify(tx, {
        userIds: [p.author_id],
        kind: 'forum.approved',
        link: FORUM_WEB_PATHS.post(t.id, p.seq),
        text: forumTexts.approved(t.title),
      });
      const who = { userId: p.author_id, name: author?.name ?? '' };
      if (p.seq === 1) {
        const space = await repo.findSpace(tx, t.space_id);
        if (space)
          await announceThread(tx, { id: t.id, title: t.title, spaceId: t.space_id, space }, who, p.body);
      } else await announcePost(tx, { id: t.id, title: t.title, spaceId: t.space_id }, who, p.seq, p.body);
    }
  });
  return onePost(ctx.db, scope, p.id);
}

export async function moderationQueue(
  ctx: AppContext,
  actor: Actor | null,
  q: { space?: string },
): Promise<ModerationQueue> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  let spaces = [...scope.moderated];
  if (q.space) {
    const s = await mustSeeSpace(ctx.db, scope, q.space);
    if (!canModerate(scope, s.id)) throw new AppError('FORBIDDEN', 'You do not moderate this space');
    spaces = [s.id];
  }
  if (spaces.length === 0 && !scope.staff) throw new AppError('FORBIDDEN', 'You moderate no space');
  const rows = await repo.moderationQueue(ctx.db, spaces);
  const flags = await repo.flagsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const items = [];
  // Queued posts cluster in a few threads: each thread is read once.
  const threads = new Map<string, repo.ThreadRow | undefined>();
  for (const r of rows) {
    if (!threads.has(r.thread_id))
      threads.set(r.thread_id, await repo.findThread(ctx.db, r.thread_id, me.userId));
    const t = threads.get(r.thread_id);
    if (!t) continue;
    const [post] = await toPosts(ctx.db, scope, t, [r]);
    if (!post) continue;
    items.push({
      post,
      thread: {
        id: r.thread_id,
        title: r.thread_title,
        space: { slug: r.space_slug, name: r.space_name ?? {} },
      },
      reason: r.reason,
      flags: flags
        .filter((f) => f.post_id === r.id)
        .map(
          (f): Flag => ({
            id: f.id,
            postId: f.post_id,
            reason: f.reason as Flag['reason'],
            note: f.note,
            by: person(f.user_id, f.user_name),
            status: f.status as Flag['status'],
            createdAt: new Date(f.created_at).toISOString(),
          }),
        ),
    });
  }
  return { items };
}

export async function postAudit(ctx: AppContext, actor: Actor | null, id: string) {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  const { p, t, moderator } = await mustSeePost(ctx.db, scope, id);
  if (!moderator) throw new AppError('FORBIDDEN', 'Only moderators of this space');
  const entries = [{ entityType: 'forum_post', entityId: p.id }];
  if (p.seq === 1) entries.push({ entityType: 'forum_thread', entityId: t.id });
  return { items: await auditEntries(ctx.db, entries) };
}

// --- attachments -----------------------------------------------------------------------------------------

export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor | null,
  data: Buffer,
  filename: string,
): Promise<Attachment> {
  const me = mustLogIn(actor);
  const scope = await forumScope(ctx.db, me);
  if (![...scope.visible].length) throw new AppError('FORBIDDEN', 'You cannot write in the forum');
  const stored = await storeDocument(ctx, me, data, FILE_PURPOSE, ATTACHMENT_MAX_BYTES);
  const name = safeFilename(filename || 'file', stored.ext);
  const row = await repo.insertAttachment(ctx.db, {
    fileId: stored.fileId,
    filename: name,
    contentType: stored.contentType,
    size: stored.size,
    uploadedBy: me.userId,
  });
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    url: attachmentUrl(row.id),
  };
}

export async function readAttachment(ctx: AppContext, actor: Actor | null, id: string) {
  const scope = await forumScope(ctx.db, actor);
  const a = await repo.findAttachment(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', 'No such attachment');
  if (a.post_id === null) {
    if (!scope.userId || a.uploaded_by !== scope.userId)
      throw new AppError('NOT_FOUND', 'No such attachment');
  } else {
    const { p, moderator } = await mustSeePost(ctx.db, scope, a.post_id);
    if (p.status === 'hidden' && !moderator) throw new AppError('NOT_FOUND', 'No such attachment');
  }
  const f = await readStoredFile(ctx, a.file_id, FILE_PURPOSE);
  return { ...f, filename: a.filename };
}

// --- notifications ---------------------------------------------------------------------------------------

const EMAIL_OF: Record<string, 'immediate' | 'daily' | 'off'> = {
  immediate: 'immediate',
  daily: 'daily',
  app: 'off',
};

async function tellModeratorsHeld(tx: DbOrTx, spaceId: string, author: string, title: string) {
  await notify(tx, {
    userIds: await moderatorsOf(tx, spaceId),
    kind: 'forum.held',
    link: FORUM_WEB_PATHS.moderation,
    text: forumTexts.held(author, title),
  });
}

async function tellMentioned(
  tx: DbOrTx,
  spaceId: string,
  author: { userId: string; name: string },
  title: string,
  link: string,
  markdown: string,
  already: ReadonlySet<string>,
) {
  const mentioned = mentionedUserIds(markdown).filter((u) => u !== author.userId && !already.has(u));
  const allowed = await repo.usersWhoSee(tx, spaceId, mentioned);
  if (allowed.length > 0)
    await notify(tx, {
      userIds: allowed,
      kind: 'forum.mention',
      link,
      text: forumTexts.mention(author.name, title),
    });
  return new Set(allowed);
}

/**
 * Something new became visible (a thread, or a reply): the people it mentions who may see the space, then
 * the watchers of the thread and of its space who still may, each by the email mode of their watch.
 */
async function announce(
  tx: DbOrTx,
  t: { id: string; title: string; spaceId: string },
  author: { userId: string; name: string },
  markdown: string,
  what: { kind: 'forum.post' | 'forum.thread'; link: string; text: (l: Locale) => NotificationText },
) {
  const mentioned = await tellMentioned(tx, t.spaceId, author, t.title, what.link, markdown, new Set());
  const watchers = (await repo.watchersOf(tx, t.id, t.spaceId)).filter(
    (w) => w.user_id !== author.userId && !mentioned.has(w.user_id),
  );
  const allowed = new Set(
    await repo.usersWhoSee(
      tx,
      t.spaceId,
      watchers.map((w) => w.user_id),
    ),
  );
  const recipients = watchers.filter((w) => allowed.has(w.user_id));
  if (recipients.length === 0) return;
  await notify(tx, {
    userIds: recipients.map((w) => w.user_id),
    kind: what.kind,
    link: what.link,
    text: what.text,
    emailModes: new Map(recipients.map((w) => [w.user_id, EMAIL_OF[w.mode] ?? 'daily'])),
  });
}

function announcePost(
  tx: DbOrTx,
  t: { id: string; title: string; spaceId: string },
  author: { userId: string; name: string },
  seq: number,
  markdown: string,
) {
  return announce(tx, t, author, markdown, {
    kind: 'forum.post',
    link: FORUM_WEB_PATHS.post(t.id, seq),
    text: forumTexts.newPost(author.name, t.title, plainText(markdown)),
  });
}

function announceThread(
  tx: DbOrTx,
  t: { id: string; title: string; spaceId: string; space: repo.SpaceRow },
  author: { userId: string; name: string },
  markdown: string,
) {
  const spaceName = (l: string) => t.space.name[l] || t.space.name.it || t.space.slug;
  return announce(tx, t, author, markdown, {
    kind: 'forum.thread',
    link: FORUM_WEB_PATHS.thread(t.id),
    text: (l) => forumTexts.newThread(author.name, t.title, spaceName(l))(l),
  });
}

// --- search ----------------------------------------------------------------------------------------------

/** One scope per request for the two search providers (the actor object lives as long as its request). */
const searchScopes = new WeakMap<Actor, Promise<ForumScope>>();
function scopeForSearch(db: DbOrTx, actor: Actor | null): Promise<ForumScope> {
  if (!actor) return forumScope(db, null);
  let scope = searchScopes.get(actor);
  if (!scope) {
    scope = forumScope(db, actor);
    searchScopes.set(actor, scope);
  }
  return scope;
}

export async function searchThreadsForUnifiedSearch(
  db: DbOrTx,
  actor: Actor | null,
  q: string,
  limit: number,
): Promise<UnifiedSlice> {
  const scope = await scopeForSearch(db, actor);
  const rows = await repo.searchThreads(db, [...scope.visible], q, limit + 1);
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      ref: r.id,
      title: { it: r.title },
      text: { it: lessonsText(r.lessons as Lessons | null) },
      meta: r.answered ? 'answered' : r.kind,
    })),
  };
}

export async function searchPostsForUnifiedSearch(
  db: DbOrTx,
  actor: Actor | null,
  q: string,
  limit: number,
): Promise<UnifiedSlice> {
  const scope = await scopeForSearch(db, actor);
  const rows = await repo.searchPosts(db, [...scope.visible], q, limit + 1);
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      id: r.id,
      ref: `${r.thread_id}?post=${r.seq}`,
      title: { it: r.title },
      text: { it: plainText(r.body) },
      meta: r.answered ? 'answered' : null,
    })),
  };
}
