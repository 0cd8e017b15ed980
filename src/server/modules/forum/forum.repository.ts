// Forum queries. Visibility is decided in the service from a ForumScope; the queries here take the ids of
// the spaces a person may see and never widen them.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';

export type SpaceRow = {
  id: string;
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
  access: string;
  programme_id: string | null;
  programme_slug: string | null;
  programme_name: string | null;
  hold_first_posts: boolean;
};

const spaceColumns = sql`s.id, s.slug, s.name, s.description, s.access, s.programme_id,
  p.slug as programme_slug, p.name as programme_name, s.hold_first_posts`;

/** Ids of the spaces a person sees: staff all; public ones; members' ones for members and experts;
 * restricted ones they, or one of their organisations, are listed in; any they moderate. */
export async function visibleSpaceIds(
  db: DbOrTx,
  s: { staff: boolean; memberish: boolean; userId: string | null; memberOrgIds: readonly string[] },
): Promise<string[]> {
  if (s.staff) {
    const rows = await db.selectFrom('forum_spaces').select('id').execute();
    return rows.map((r) => r.id);
  }
  const orgs = s.memberOrgIds.length > 0 ? s.memberOrgIds : ['00000000-0000-0000-0000-000000000000'];
  const rows = await sql<{ id: string }>`
    select s.id from forum_spaces s
    where s.access = 'public'
      or (s.access = 'members' and ${s.memberish})
      or (${s.userId}::uuid is not null and exists (
            select 1 from forum_space_moderators m where m.space_id = s.id and m.user_id = ${s.userId}::uuid))
      or (s.access = 'restricted' and exists (
            select 1 from forum_space_members fm where fm.space_id = s.id
              and (fm.user_id = ${s.userId}::uuid or fm.organisation_id = any(${orgs}::uuid[]))))`.execute(
    db,
  );
  return rows.rows.map((r) => r.id);
}

export async function moderatedSpaceIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('forum_space_moderators')
    .select('space_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.space_id);
}

/** Of these people, those who may see the space (the recipients of its notifications). */
export async function usersWhoSee(
  db: DbOrTx,
  spaceId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await sql<{ id: string }>`
    select u.id from users u, forum_spaces s
    where s.id = ${spaceId} and u.id = any(${[...userIds]}::uuid[]) and u.disabled_at is null and (
      u.network_role in ('admin','staff')
      or s.access = 'public'
      or exists (select 1 from forum_space_moderators m where m.space_id = s.id and m.user_id = u.id)
      or (s.access = 'members' and (u.network_role = 'expert' or exists (
            select 1 from organisation_members om join organisations o on o.id = om.organisation_id
            where om.user_id = u.id and o.status = 'member')))
      or (s.access = 'restricted' and exists (
            select 1 from forum_space_members fm where fm.space_id = s.id and (fm.user_id = u.id or exists (
              select 1 from organisation_members om join organisations o on o.id = om.organisation_id
              where om.user_id = u.id and o.status = 'member' and om.organisation_id = fm.organisation_id)))))`.execute(
    db,
  );
  return rows.rows.map((r) => r.id);
}

export async function findSpace(db: DbOrTx, idOrSlug: string): Promise<SpaceRow | undefined> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const rows = await sql<SpaceRow>`select ${spaceColumns} from forum_spaces s
    left join programmes p on p.id = s.programme_id
    where ${isId ? sql`s.id = ${idOrSlug}::uuid` : sql`s.slug = ${idOrSlug}`}`.execute(db);
  return rows.rows[0];
}

export type SpaceStatsRow = SpaceRow & {
  thread_count: number;
  post_count: number;
  last_post_at: Date | null;
  new_threads: number;
  watch: string | null;
};

export async function listSpaces(
  db: DbOrTx,
  ids: readonly string[],
  userId: string | null,
): Promise<SpaceStatsRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<SpaceStatsRow>`
    select ${spaceColumns},
      coalesce(st.thread_count, 0)::int as thread_count,
      coalesce(st.post_count, 0)::int as post_count,
      st.last_post_at,
      coalesce((select count(*) from forum_threads t
        where t.space_id = s.id and t.status = 'visible' and v.previous_visit_at is not null
          and t.last_post_at > v.previous_visit_at), 0)::int as new_threads,
      w.mode as watch
    from forum_spaces s
    left join programmes p on p.id = s.programme_id
    left join lateral (
      select count(*) as thread_count, sum(t.reply_count + 1) as post_count, max(t.last_post_at) as last_post_at
      from forum_threads t where t.space_id = s.id and t.status = 'visible') st on true
    left join forum_space_visits v on v.space_id = s.id and v.user_id = ${userId}::uuid
    left join forum_watches w on w.space_id = s.id and w.user_id = ${userId}::uuid
    where s.id = any(${[...ids]}::uuid[])
    order by p.slug nulls last, s.slug`.execute(db);
  return rows.rows;
}

export async function spaceStats(db: DbOrTx, spaceId: string, userId: string | null): Promise<SpaceStatsRow> {
  const [row] = await listSpaces(db, [spaceId], userId);
  if (!row) throw new Error('space vanished');
  return row;
}

export async function spaceModerators(db: DbOrTx, spaceId: string) {
  return db
    .selectFrom('forum_space_moderators as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.space_id', '=', spaceId)
    .orderBy('u.name')
    .execute();
}

export async function spaceMembers(db: DbOrTx, spaceId: string) {
  const organisations = await db
    .selectFrom('forum_space_members as fm')
    .innerJoin('organisations as o', 'o.id', 'fm.organisation_id')
    .select(['o.id', 'o.slug', 'o.name'])
    .where('fm.space_id', '=', spaceId)
    .orderBy('o.name')
    .execute();
  const people = await db
    .selectFrom('forum_space_members as fm')
    .innerJoin('users as u', 'u.id', 'fm.user_id')
    .select(['u.id', 'u.name'])
    .where('fm.space_id', '=', spaceId)
    .orderBy('u.name')
    .execute();
  return { organisations, people };
}

export async function replaceSpaceLists(
  tx: DbOrTx,
  spaceId: string,
  lists: {
    moderatorIds?: readonly string[];
    organisationIds?: readonly string[];
    userIds?: readonly string[];
  },
): Promise<void> {
  if (lists.moderatorIds) {
    await tx.deleteFrom('forum_space_moderators').where('space_id', '=', spaceId).execute();
    if (lists.moderatorIds.length > 0)
      await tx
        .insertInto('forum_space_moderators')
        .values([...new Set(lists.moderatorIds)].map((user_id) => ({ space_id: spaceId, user_id })))
        .execute();
  }
  if (lists.organisationIds) {
    await tx
      .deleteFrom('forum_space_members')
      .where('space_id', '=', spaceId)
      .where('organisation_id', 'is not', null)
      .execute();
    if (lists.organisationIds.length > 0)
      await tx
        .insertInto('forum_space_members')
        .values(
          [...new Set(lists.organisationIds)].map((organisation_id) => ({
            space_id: spaceId,
            organisation_id,
          })),
        )
        .execute();
  }
  if (lists.userIds) {
    await tx
      .deleteFrom('forum_space_members')
      .where('space_id', '=', spaceId)
      .where('user_id', 'is not', null)
      .execute();
    if (lists.userIds.length > 0)
      await tx
        .insertInto('forum_space_members')
        .values([...new Set(lists.userIds)].map((user_id) => ({ space_id: spaceId, user_id })))
        .execute();
  }
}

/** Records a visit; the previous one moves only when the last was more than 30 minutes ago. */
export async function touchVisit(db: DbOrTx, userId: string, spaceId: string): Promise<Date | null> {
  const r = await sql<{ previous_visit_at: Date | null }>`
    insert into forum_space_visits (user_id, space_id, previous_visit_at, last_visit_at)
    values (${userId}, ${spaceId}, null, now())
    on conflict (user_id, space_id) do update set
      previous_visit_at = case when forum_space_visits.last_visit_at < now() - interval '30 minutes'
        then forum_space_visits.last_visit_at else forum_space_visits.previous_visit_at end,
      last_visit_at = now(), updated_at = now()
    returning previous_visit_at`.execute(db);
  return r.rows[0]?.previous_visit_at ?? null;
}

// --- threads ---------------------------------------------------------------------------------------------

export type ThreadRow = {
  id: string;
  space_id: string;
  space_slug: string;
  space_name: Record<string, string>;
  kind: string;
  title: string;
  lessons: Record<string, string> | null;
  author_id: string | null;
  author_name: string | null;
  status: string;
  pinned: boolean;
  locked: boolean;
  accepted_post_id: string | null;
  accepted_seq: number | null;
  last_seq: number;
  visible_seq: number;
  reply_count: number;
  last_post_at: Date;
  created_at: Date;
  last_read_seq: number | null;
  previous_visit_at: Date | null;
  watch: string | null;
};

const threadColumns = (
  userId: string | null,
) => sql`t.id, t.space_id, s.slug as space_slug, s.name as space_name,
  t.kind, t.title, t.lessons, t.author_id, u.name as author_name, t.status, t.pinned, t.locked,
  t.accepted_post_id, ap.seq as accepted_seq, t.last_seq, t.visible_seq, t.reply_count, t.last_post_at, t.created_at,
  r.last_read_seq, v.previous_visit_at, w.mode as watch
  from forum_threads t
  join forum_spaces s on s.id = t.space_id
  left join users u on u.id = t.author_id
  left join forum_posts ap on ap.id = t.accepted_post_id
  left join forum_reads r on r.thread_id = t.id and r.user_id = ${userId}::uuid
  left join forum_space_visits v on v.space_id = t.space_id and v.user_id = ${userId}::uuid
  left join forum_watches w on w.thread_id = t.id and w.user_id = ${userId}::uuid`;

export async function findThread(
  db: DbOrTx,
  id: string,
  userId: string | null,
): Promise<ThreadRow | undefined> {
  const r = await sql<ThreadRow>`select ${threadColumns(userId)} where t.id = ${id}`.execute(db);
  return r.rows[0];
}

export type ThreadFilter = {
  spaceIds: readonly string[];
  /** Spaces whose held and hidden threads this person sees (moderated, or all for staff). */
  moderated: readonly string[];
  userId: string | null;
  kind?: string;
  unanswered?: boolean;
  unread?: boolean;
  /** One space: pinned threads first. */
  pinnedFirst: boolean;
  after?: { pinned: boolean; lastPostAt: Date; id: string };
  limit: number;
};

export async function listThreads(db: DbOrTx, f: ThreadFilter): Promise<ThreadRow[]> {
  if (f.spaceIds.length === 0) return [];
  const conds = [sql`t.space_id = any(${[...f.spaceIds]}::uuid[])`];
  conds.push(
    sql`(t.status = 'visible' or t.space_id = any(${[...f.moderated, '00000000-0000-0000-0000-000000000000']}::uuid[])
      or (t.status = 'held' and t.author_id = ${f.userId}::uuid))`,
  );
  if (f.kind) conds.push(sql`t.kind = ${f.kind}`);
  if (f.unanswered) conds.push(sql`t.kind = 'question' and t.accepted_post_id is null`);
  if (f.unread) conds.push(sql`(r.last_read_seq is null or r.last_read_seq < t.visible_seq)`);
  if (f.after) {
    conds.push(
      f.pinnedFirst
        ? sql`(t.pinned, t.last_post_at, t.id) < (${f.after.pinned}, ${f.after.lastPostAt}, ${f.after.id}::uuid)`
        : sql`(t.last_post_at, t.id) < (${f.after.lastPostAt}, ${f.after.id}::uuid)`,
    );
  }
  const order = f.pinnedFirst
    ? sql`t.pinned desc, t.last_post_at desc, t.id desc`
    : sql`t.last_post_at desc, t.id desc`;
  const r = await sql<ThreadRow>`select ${threadColumns(f.userId)}
    where ${sql.join(conds, sql` and `)} order by ${order} limit ${f.limit}`.execute(db);
  return r.rows;
}

export async function insertThread(
  tx: DbOrTx,
  t: {
    spaceId: string;
    kind: string;
    title: string;
    lessons: Record<string, string> | null;
    authorId: string;
    status: string;
  },
): Promise<string> {
  const row = await tx
    .insertInto('forum_threads')
    .values({
      space_id: t.spaceId,
      kind: t.kind,
      title: t.title,
      lessons: t.lessons ? JSON.stringify(t.lessons) : null,
      author_id: t.authorId,
      status: t.status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Takes the next post number of a thread (and locks the thread's row until the transaction ends). A visible
 * post moves the thread's activity time and its highest readable number; a visible reply counts as a reply. */
export async function nextSeq(
  tx: DbOrTx,
  threadId: string,
  post: { visible: boolean; reply: boolean },
): Promise<number> {
  const r = await sql<{ last_seq: number }>`
    update forum_threads set last_seq = last_seq + 1,
      visible_seq = case when ${post.visible} then last_seq + 1 else visible_seq end,
      reply_count = reply_count + ${post.visible && post.reply ? 1 : 0},
      last_post_at = case when ${post.visible} then date_trunc('milliseconds', now()) else last_post_at end,
      updated_at = now()
    where id = ${threadId} returning last_seq`.execute(tx);
  const seq = r.rows[0]?.last_seq;
  if (seq === undefined) throw new Error('thread vanished');
  return seq;
}

/** A post became visible (approved) or stopped being (hidden): reply count, activity, readable number. */
export async function postVisibilityChanged(
  tx: DbOrTx,
  threadId: string,
  p: { seq: number; nowVisible: boolean; approved: boolean },
): Promise<void> {
  const delta = p.seq > 1 ? (p.nowVisible ? 1 : -1) : 0;
  await sql`update forum_threads set reply_count = greatest(0, reply_count + ${delta}),
    visible_seq = case when ${p.approved} then greatest(visible_seq, ${p.seq}) else visible_seq end,
    last_post_at = case when ${p.approved} then greatest(last_post_at, date_trunc('milliseconds', now())) else last_post_at end,
    updated_at = now() where id = ${threadId}`.execute(tx);
}

export async function updateThread(
  tx: DbOrTx,
  id: string,
  patch: Partial<{
    title: string;
    lessons: string | null;
    pinned: boolean;
    locked: boolean;
    space_id: string;
    status: string;
    accepted_post_id: string | null;
  }>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await tx
    .updateTable('forum_threads')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function refreshThreadSearch(tx: DbOrTx, id: string): Promise<void> {
  await sql`update forum_threads t set search_vector =
      setweight(to_tsvector('italian', f_unaccent(t.title)), 'A') ||
      setweight(to_tsvector('italian', f_unaccent(coalesce(
        (select string_agg(value, ' ') from jsonb_each_text(coalesce(t.lessons, '{}'::jsonb))), ''))), 'B')
    where t.id = ${id}`.execute(tx);
}

// --- posts -----------------------------------------------------------------------------------------------

export type PostRow = {
  id: string;
  thread_id: string;
  seq: number;
  author_id: string | null;
  author_name: string | null;
  status: string;
  body: string;
  html: string;
  edit_count: number;
  edited_at: Date | null;
  created_at: Date;
};

const postColumns = sql`p.id, p.thread_id, p.seq, p.author_id, u.name as author_name, p.status, p.body, p.html,
  p.edit_count, p.edited_at, p.created_at from forum_posts p left join users u on u.id = p.author_id`;

export async function insertPost(
  tx: DbOrTx,
  p: {
    threadId: string;
    seq: number;
    authorId: string;
    status: string;
    body: string;
    html: string;
    plain: string;
  },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into forum_posts (thread_id, seq, author_id, status, body, html, search_vector)
    values (${p.threadId}, ${p.seq}, ${p.authorId}, ${p.status}, ${p.body}, ${p.html},
      to_tsvector('italian', f_unaccent(left(${p.plain}, 200000))))
    returning id`.execute(tx);
  const id = r.rows[0]?.id;
  if (!id) throw new Error('insert failed');
  return id;
}

export async function findPost(db: DbOrTx, id: string): Promise<PostRow | undefined> {
  const r = await sql<PostRow>`select ${postColumns} where p.id = ${id}`.execute(db);
  return r.rows[0];
}

export async function postsInRange(
  db: DbOrTx,
  threadId: string,
  from: number,
  to: number,
): Promise<PostRow[]> {
  const r = await sql<PostRow>`select ${postColumns}
    where p.thread_id = ${threadId} and p.seq between ${from} and ${to} order by p.seq`.execute(db);
  return r.rows;
}

export async function updatePostBody(
  tx: DbOrTx,
  post: PostRow,
  next: { body: string; html: string; plain: string },
  editorId: string,
): Promise<void> {
  await tx
    .insertInto('forum_post_revisions')
    .values({ post_id: post.id, body: post.body, html: post.html, edited_by: editorId })
    .execute();
  await sql`update forum_posts set body = ${next.body}, html = ${next.html},
    search_vector = to_tsvector('italian', f_unaccent(left(${next.plain}, 200000))),
    edit_count = edit_count + 1, edited_at = now(), updated_at = now() where id = ${post.id}`.execute(tx);
}

export async function setPostStatus(tx: DbOrTx, id: string, status: string): Promise<void> {
  await tx.updateTable('forum_posts').set({ status, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export function revisionsOf(db: DbOrTx, postId: string) {
  return db
    .selectFrom('forum_post_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.edited_by')
    .select(['r.id', 'r.body', 'r.html', 'r.edited_by', 'u.name as editor_name', 'r.created_at'])
    .where('r.post_id', '=', postId)
    .orderBy('r.created_at', 'desc')
    .limit(200)
    .execute();
}

/** Has this person a visible post anywhere in the forum? (First posts of new accounts may be held.) */
export async function hasVisiblePost(db: DbOrTx, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('forum_posts')
    .select('id')
    .where('author_id', '=', userId)
    .where('status', '=', 'visible')
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function accountCreatedAt(db: DbOrTx, userId: string): Promise<Date | null> {
  const r = await db.selectFrom('users').select('created_at').where('id', '=', userId).executeTakeFirst();
  return r?.created_at ?? null;
}

export async function reactionsOf(db: DbOrTx, postIds: readonly string[], userId: string | null) {
  if (postIds.length === 0) return [];
  const r = await sql<{ post_id: string; reaction: string; count: number; mine: boolean }>`
    select post_id, reaction, count(*)::int as count, bool_or(user_id = ${userId}::uuid) as mine
    from forum_reactions where post_id = any(${[...postIds]}::uuid[])
    group by post_id, reaction`.execute(db);
  return r.rows;
}

export async function setReaction(db: DbOrTx, postId: string, userId: string, reaction: string, on: boolean) {
  if (on) {
    await sql`insert into forum_reactions (post_id, user_id, reaction) values (${postId}, ${userId}, ${reaction})
      on conflict do nothing`.execute(db);
  } else {
    await db
      .deleteFrom('forum_reactions')
      .where('post_id', '=', postId)
      .where('user_id', '=', userId)
      .where('reaction', '=', reaction)
      .execute();
  }
}

export async function attachmentsOf(db: DbOrTx, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('forum_attachments')
    .select(['id', 'post_id', 'filename', 'content_type', 'size_bytes'])
    .where('post_id', 'in', [...postIds])
    .orderBy('created_at')
    .execute();
}

export function findAttachment(db: DbOrTx, id: string) {
  return db
    .selectFrom('forum_attachments')
    .select(['id', 'file_id', 'post_id', 'filename', 'content_type', 'size_bytes', 'uploaded_by'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAttachment(
  db: DbOrTx,
  a: { fileId: string; filename: string; contentType: string; size: number; uploadedBy: string },
) {
  return db
    .insertInto('forum_attachments')
    .values({
      file_id: a.fileId,
      filename: a.filename,
      content_type: a.contentType,
      size_bytes: a.size,
      uploaded_by: a.uploadedBy,
    })
    .returning(['id', 'post_id', 'filename', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow();
}

/** Attaches the uploader's own loose uploads to a post; returns how many were attached. */
export async function attachToPost(tx: DbOrTx, postId: string, ids: readonly string[], uploaderId: string) {
  if (ids.length === 0) return 0;
  const r = await tx
    .updateTable('forum_attachments')
    .set({ post_id: postId, updated_at: sql`now()` })
    .where('id', 'in', [...ids])
    .where('uploaded_by', '=', uploaderId)
    .where((eb) => eb.or([eb('post_id', 'is', null), eb('post_id', '=', postId)]))
    .returning('id')
    .execute();
  return r.length;
}

export async function detachOthers(tx: DbOrTx, postId: string, keep: readonly string[]) {
  let q = tx.deleteFrom('forum_attachments').where('post_id', '=', postId);
  if (keep.length > 0) q = q.where('id', 'not in', [...keep]);
  await q.execute();
}

// --- flags -----------------------------------------------------------------------------------------------

export async function insertFlag(
  db: DbOrTx,
  f: { postId: string; userId: string; reason: string; note: string },
): Promise<{ id: string; created_at: Date } | undefined> {
  const r = await sql<{ id: string; created_at: Date }>`
    insert into forum_flags (post_id, user_id, reason, note) values (${f.postId}, ${f.userId}, ${f.reason}, ${f.note})
    on conflict (post_id, user_id) where status = 'open' do nothing
    returning id, created_at`.execute(db);
  return r.rows[0];
}

export async function openFlagCounts(db: DbOrTx, postIds: readonly string[]) {
  if (postIds.length === 0) return new Map<string, number>();
  const r = await sql<{ post_id: string; n: number }>`select post_id, count(*)::int as n from forum_flags
    where status = 'open' and post_id = any(${[...postIds]}::uuid[]) group by post_id`.execute(db);
  return new Map(r.rows.map((x) => [x.post_id, x.n]));
}

export async function flagsOf(db: DbOrTx, postIds: readonly string[]) {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('forum_flags as f')
    .leftJoin('users as u', 'u.id', 'f.user_id')
    .select([
      'f.id',
      'f.post_id',
      'f.reason',
      'f.note',
      'f.status',
      'f.created_at',
      'f.user_id',
      'u.name as user_name',
    ])
    .where('f.post_id', 'in', [...postIds])
    .where('f.status', '=', 'open')
    .orderBy('f.created_at')
    .execute();
}

export async function resolveFlags(tx: DbOrTx, postId: string, status: 'upheld' | 'dismissed', by: string) {
  const r = await tx
    .updateTable('forum_flags')
    .set({ status, resolved_by: by, resolved_at: sql`now()`, updated_at: sql`now()` })
    .where('post_id', '=', postId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return r.length;
}

/** Posts waiting for a moderator in these spaces: held ones and ones with open flags, oldest first. */
export async function moderationQueue(db: DbOrTx, spaceIds: readonly string[]) {
  if (spaceIds.length === 0) return [];
  const r = await sql<
    PostRow & {
      reason: 'flagged' | 'held';
      thread_title: string;
      space_slug: string;
      space_name: Record<string, string>;
    }
  >`
    select ${sql`p.id, p.thread_id, p.seq, p.author_id, u.name as author_name, p.status, p.body, p.html,
      p.edit_count, p.edited_at, p.created_at`},
      case when p.status = 'held' then 'held' else 'flagged' end as reason,
      t.title as thread_title, s.slug as space_slug, s.name as space_name
    from forum_posts p
    join forum_threads t on t.id = p.thread_id
    join forum_spaces s on s.id = t.space_id
    left join users u on u.id = p.author_id
    where t.space_id = any(${[...spaceIds]}::uuid[])
      and (p.status = 'held' or exists (select 1 from forum_flags f where f.post_id = p.id and f.status = 'open'))
    order by p.created_at
    limit 200`.execute(db);
  return r.rows;
}

// --- reading and watching --------------------------------------------------------------------------------

export async function markRead(db: DbOrTx, userId: string, threadId: string, seq: number): Promise<number> {
  const r = await sql<{ last_read_seq: number }>`
    insert into forum_reads (user_id, thread_id, last_read_seq) values (${userId}, ${threadId}, ${seq})
    on conflict (user_id, thread_id) do update
      set last_read_seq = greatest(forum_reads.last_read_seq, excluded.last_read_seq), updated_at = now()
    returning last_read_seq`.execute(db);
  return r.rows[0]?.last_read_seq ?? seq;
}

export async function setWatch(
  db: DbOrTx,
  userId: string,
  target: { spaceId: string } | { threadId: string },
  mode: string | null,
): Promise<void> {
  const col = 'spaceId' in target ? 'space_id' : 'thread_id';
  const id = 'spaceId' in target ? target.spaceId : target.threadId;
  if (mode === null) {
    await db.deleteFrom('forum_watches').where('user_id', '=', userId).where(col, '=', id).execute();
    return;
  }
  await sql`insert into forum_watches (user_id, ${sql.ref(col)}, mode) values (${userId}, ${id}, ${mode})
    on conflict (user_id, ${sql.ref(col)}) where ${sql.ref(col)} is not null
    do update set mode = excluded.mode, updated_at = now()`.execute(db);
}

/** Watch a thread one writes in, unless one already chose something for it. */
export async function watchIfUnset(
  db: DbOrTx,
  userId: string,
  threadId: string,
  mode: string,
): Promise<void> {
  await sql`insert into forum_watches (user_id, thread_id, mode) values (${userId}, ${threadId}, ${mode})
    on conflict (user_id, thread_id) where thread_id is not null do nothing`.execute(db);
}

/** Who hears of a new post: thread watchers, and space watchers who have not muted the thread. */
export async function watchersOf(db: DbOrTx, threadId: string, spaceId: string) {
  const r = await sql<{ user_id: string; mode: string }>`
    select user_id, mode from forum_watches where thread_id = ${threadId} and mode <> 'muted'
    union all
    select w.user_id, w.mode from forum_watches w
    where w.space_id = ${spaceId} and w.mode <> 'muted'
      and not exists (select 1 from forum_watches x where x.thread_id = ${threadId} and x.user_id = w.user_id)`.execute(
    db,
  );
  return r.rows;
}

export async function peopleOfSpace(db: DbOrTx, spaceId: string, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await sql<{ id: string; name: string }>`
    select u.id, u.name from users u, forum_spaces s
    where s.id = ${spaceId} and u.disabled_at is null and u.name ilike ${like} and (
      u.network_role in ('admin','staff')
      or exists (select 1 from forum_space_moderators m where m.space_id = s.id and m.user_id = u.id)
      or (s.access in ('public','members') and (u.network_role = 'expert' or exists (
            select 1 from organisation_members om join organisations o on o.id = om.organisation_id
            where om.user_id = u.id and o.status = 'member')))
      or (s.access = 'restricted' and exists (
            select 1 from forum_space_members fm where fm.space_id = s.id and (fm.user_id = u.id or exists (
              select 1 from organisation_members om join organisations o on o.id = om.organisation_id
              where om.user_id = u.id and o.status = 'member' and om.organisation_id = fm.organisation_id)))))
    order by u.name limit ${limit}`.execute(db);
  return r.rows;
}

// --- search ----------------------------------------------------------------------------------------------

export type ThreadHit = {
  id: string;
  title: string;
  lessons: Record<string, string> | null;
  kind: string;
  answered: boolean;
};

export async function searchThreads(
  db: DbOrTx,
  spaceIds: readonly string[],
  q: string,
  limit: number,
): Promise<ThreadHit[]> {
  if (spaceIds.length === 0) return [];
  const tsq = sql`websearch_to_tsquery('italian', f_unaccent(${q}))`;
  const r = await sql<ThreadHit>`
    select t.id, t.title, t.lessons, t.kind, (t.accepted_post_id is not null) as answered
    from forum_threads t
    where t.space_id = any(${[...spaceIds]}::uuid[]) and t.status = 'visible' and t.search_vector @@ ${tsq}
    order by ts_rank(t.search_vector, ${tsq}) * (case when t.accepted_post_id is not null then 1.5 else 1 end) desc,
      t.last_post_at desc
    limit ${limit}`.execute(db);
  return r.rows;
}

/** How many matching posts, the most recent, a search ranks. */
const RANKED_POSTS = 1000;

export type PostHit = {
  id: string;
  thread_id: string;
  seq: number;
  title: string;
  body: string;
  answered: boolean;
};

export async function searchPosts(
  db: DbOrTx,
  spaceIds: readonly string[],
  q: string,
  limit: number,
): Promise<PostHit[]> {
  if (spaceIds.length === 0) return [];
  const tsq = sql`websearch_to_tsquery('italian', f_unaccent(${q}))`;
  // Match (GIN index, or a scan when the words are common), keep the posts in spaces the person sees, and
  // rank at most RANKED_POSTS of them, the most recent: ts_rank reads each post's whole vector, so ranking
  // every one of 30,000 posts that contain a common word costs most of a second (docs/benchmarks.md).
  // Answered questions and their accepted answers rank higher.
  const r = await sql<PostHit>`
    with hits as (
      select p.id, p.thread_id, p.seq, p.created_at, t.title, t.accepted_post_id
      from forum_posts p
      join forum_threads t on t.id = p.thread_id
      where p.search_vector @@ ${tsq} and p.status = 'visible' and t.status = 'visible'
        and t.space_id = any(${[...spaceIds]}::uuid[])
      order by p.created_at desc
      limit ${RANKED_POSTS}
    )
    select h.id, h.thread_id, h.seq, h.title, p.body, (h.accepted_post_id is not null) as answered
    from hits h join forum_posts p on p.id = h.id
    order by ts_rank(p.search_vector, ${tsq})
      * (case when h.accepted_post_id = h.id then 2 when h.accepted_post_id is not null then 1.5 else 1 end) desc,
      h.created_at desc
    limit ${limit}`.execute(db);
  return r.rows;
}
