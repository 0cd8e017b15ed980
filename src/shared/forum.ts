// Schemas of the forum (community of practice), shared by server routes and web forms.
//
// | method | path | who | request | response |
// | GET    | /api/v1/forum/spaces | anyone (spaces they may see) | – | SpaceList |
// | POST   | /api/v1/forum/spaces | staff | SpaceBody | SpaceDetail (201) |
// | GET    | /api/v1/forum/spaces/{id} | who may see it (id or slug) | – | SpaceDetail |
// | PATCH  | /api/v1/forum/spaces/{id} | staff | UpdateSpaceBody | SpaceDetail |
// | GET    | /api/v1/forum/spaces/{id}/people | who may post there | PeopleQuery | PersonList (for @mentions) |
// | PUT    | /api/v1/forum/spaces/{id}/watch | who may see it | WatchBody | Watch |
// | GET    | /api/v1/forum/threads | anyone (visible spaces) | ThreadListQuery | ThreadList |
// | POST   | /api/v1/forum/threads | who may post in the space | CreateThreadBody | ThreadDetail (201) |
// | GET    | /api/v1/forum/threads/{id} | who may see it | – | ThreadDetail |
// | PATCH  | /api/v1/forum/threads/{id} | author (title, lessons), moderators (also pin, lock, move) | UpdateThreadBody | ThreadDetail |
// | GET    | /api/v1/forum/threads/{id}/posts | who may see it | PostPageQuery | PostPage |
// | POST   | /api/v1/forum/threads/{id}/posts | who may post (not when locked, except moderators) | CreatePostBody | Post (201) |
// | POST   | /api/v1/forum/threads/{id}/read | logged in, who may see it | ReadBody | ReadState |
// | POST   | /api/v1/forum/threads/{id}/accept | question author, experts, moderators | AcceptBody | ThreadDetail |
// | PUT    | /api/v1/forum/threads/{id}/watch | who may see it | WatchBody | Watch |
// | GET    | /api/v1/forum/posts/{id} | who may see it | – | Post |
// | PATCH  | /api/v1/forum/posts/{id} | author (not in a locked thread), moderators | UpdatePostBody | Post |
// | GET    | /api/v1/forum/posts/{id}/revisions | who may see the post | – | RevisionList |
// | PUT    | /api/v1/forum/posts/{id}/reactions/{reaction} | who may see it, logged in | – | Post |
// | DELETE | /api/v1/forum/posts/{id}/reactions/{reaction} | same | – | Post |
// | POST   | /api/v1/forum/posts/{id}/flags | logged in, who may see it | FlagBody | Flag (201) |
// | POST   | /api/v1/forum/posts/{id}/moderate | moderators of the space, staff | ModerateBody | Post |
// | GET    | /api/v1/forum/moderation | moderators (their spaces), staff | ModerationQuery | ModerationQueue |
// | POST   | /api/v1/forum/attachments | logged in (multipart "file") | – | Attachment (201) |
// | GET    | /api/v1/forum/attachments/{id} | who may see the post (or the uploader, before posting) | – | the file |
// | GET    | /api/v1/forum/posts/{id}/audit | moderators, staff | – | AuditList |
//
// Decisions worth knowing:
// - Who sees a space: `public` spaces everyone; `members` spaces anyone in a member organisation, experts
//   and staff; `restricted` spaces only the organisations and people listed, the moderators and staff.
//   Anything in a space someone may not see answers 404 (never 403), in lists, search and by id.
// - Posts of a thread are numbered 1, 2, 3… (`seq`); page N holds seq (N-1)·size+1 … N·size, so reading
//   any page of a 10,000-post thread is one index range. Hidden posts keep their number (shown as hidden),
//   posts held for approval are seen only by their author and the moderators.
// - The first post of a thread is its opening text; a question's accepted answer is one of its replies.
// - Markdown is rendered once, at write time, by the server (no raw HTML, only http(s)/mailto/relative
//   links, no images), then filtered through a tag whitelist; the web shows `html` as it comes.
// - Mentions are written `@[Name](user-id)` (the editor inserts them); the mentioned person is told if
//   they may see the space.
import { z } from 'zod';

export const SPACE_ACCESS = ['public', 'members', 'restricted'] as const;
export const SpaceAccessSchema = z.enum(SPACE_ACCESS);
export type SpaceAccess = z.infer<typeof SpaceAccessSchema>;

export const THREAD_KINDS = ['discussion', 'question', 'deposit'] as const;
export const ThreadKindSchema = z.enum(THREAD_KINDS);
export type ThreadKind = z.infer<typeof ThreadKindSchema>;

export const POST_STATUSES = ['visible', 'held', 'hidden'] as const;
export const PostStatusSchema = z.enum(POST_STATUSES);
export type PostStatus = z.infer<typeof PostStatusSchema>;

export const REACTIONS = ['like', 'thanks', 'insightful', 'agree'] as const;
export const ReactionSchema = z.enum(REACTIONS);
export type Reaction = z.infer<typeof ReactionSchema>;

export const FLAG_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'] as const;
export const FlagReasonSchema = z.enum(FLAG_REASONS);
export type FlagReason = z.infer<typeof FlagReasonSchema>;

/** How a watcher hears of new posts: by email at once, in the daily digest, only in the app, or not at all. */
export const WATCH_MODES = ['immediate', 'daily', 'app', 'muted'] as const;
export const WatchModeSchema = z.enum(WATCH_MODES);
export type WatchMode = z.infer<typeof WatchModeSchema>;

export const POSTS_PAGE_SIZE = 20;
export const POST_MAX_CHARS = 50_000;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_POST = 10;

export const FORUM_WEB_PATHS = {
  home: '/forum',
  space: (slug: string) => `/forum/${slug}`,
  thread: (id: string) => `/forum/threads/${id}`,
  post: (threadId: string, seq: number) => `/forum/threads/${threadId}?post=${seq}`,
  moderation: '/forum/moderation',
} as const;

const Uuid = z.uuid();
const code = z.string().regex(/^[a-z]{2}$/);
const Text = z.record(code, z.string());
const requiredText = (max: number) =>
  z
    .record(code, z.string().trim().max(max))
    .refine((d) => (d.it ?? '').trim().length > 0, { message: 'Italian text required', path: ['it'] });
const optionalText = (max: number) => z.record(code, z.string().trim().max(max));
const RESERVED_SLUGS = ['moderation', 'threads', 'new', 'spaces'];
const Slug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes')
  // Words the forum's own web addresses use (/forum/moderation, /forum/threads/…).
  .refine((s) => !RESERVED_SLUGS.includes(s), { message: 'reserved word, choose another' });
const Markdown = z.string().trim().min(1, 'write something').max(POST_MAX_CHARS);

const Person = z.object({ id: Uuid, name: z.string() });
export type Person = z.infer<typeof Person>;
export const PersonList = z.object({ items: z.array(Person) });
export type PersonList = z.infer<typeof PersonList>;
export const PeopleQuery = z.object({ q: z.string().trim().max(100).default('') });

export const Watch = z.object({ mode: WatchModeSchema.nullable() });
export type Watch = z.infer<typeof Watch>;
/** `null` stops watching (back to the default: threads you write in are watched in the app and daily). */
export const WatchBody = z.object({ mode: WatchModeSchema.nullable() });
export type WatchBody = z.infer<typeof WatchBody>;

export const SpaceSummary = z.object({
  id: Uuid,
  slug: z.string(),
  name: Text,
  description: Text,
  access: SpaceAccessSchema,
  programme: z.object({ slug: z.string(), name: z.string() }).nullable(),
  holdFirstPosts: z.boolean(),
  threadCount: z.number().int(),
  postCount: z.number().int(),
  lastPostAt: z.string().nullable(),
  /** Threads with posts since the viewer's previous visit (0 for visitors). */
  newThreads: z.number().int(),
  canPost: z.boolean(),
  canModerate: z.boolean(),
  watch: WatchModeSchema.nullable(),
});
export type SpaceSummary = z.infer<typeof SpaceSummary>;
export const SpaceList = z.object({ items: z.array(SpaceSummary) });
export type SpaceList = z.infer<typeof SpaceList>;

export const SpaceDetail = SpaceSummary.extend({
  moderators: z.array(Person),
  /** Who may enter a restricted space (staff and moderators see it; empty otherwise). */
  members: z.object({
    organisations: z.array(z.object({ id: Uuid, slug: z.string(), name: z.string() })),
    people: z.array(Person),
  }),
  /** When the viewer was last here before this visit (threads newer than this are "new"). */
  previousVisitAt: z.string().nullable(),
});
export type SpaceDetail = z.infer<typeof SpaceDetail>;

export const SpaceBody = z.object({
  slug: Slug,
  name: requiredText(120),
  description: optionalText(2000).default({}),
  access: SpaceAccessSchema,
  programmeSlug: z.string().max(80).nullable().default(null),
  holdFirstPosts: z.boolean().default(true),
  moderatorIds: z.array(Uuid).max(50).default([]),
  memberOrganisationIds: z.array(Uuid).max(2000).default([]),
  memberUserIds: z.array(Uuid).max(2000).default([]),
});
export type SpaceBody = z.input<typeof SpaceBody>;
export const UpdateSpaceBody = SpaceBody.partial().omit({ slug: true });
export type UpdateSpaceBody = z.input<typeof UpdateSpaceBody>;

/** The "lessons learned" template of a work deposit. */
export const Lessons = z.object({
  context: z.string().trim().max(10_000),
  whatWeDid: z.string().trim().max(10_000),
  whatWorked: z.string().trim().max(10_000),
  whatDidNot: z.string().trim().max(10_000),
});
export type Lessons = z.infer<typeof Lessons>;

export const Attachment = z.object({
  id: Uuid,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const ReactionCount = z.object({
  reaction: ReactionSchema,
  count: z.number().int(),
  mine: z.boolean(),
});

export const Post = z.object({
  id: Uuid,
  threadId: Uuid,
  seq: z.number().int(),
  author: Person.nullable(),
  status: PostStatusSchema,
  /** Sanitised HTML of the Markdown; empty when hidden and the viewer is not a moderator. */
  html: z.string(),
  /** The Markdown itself, for its author and moderators (editing); null for others. */
  markdown: z.string().nullable(),
  attachments: z.array(Attachment),
  reactions: z.array(ReactionCount),
  accepted: z.boolean(),
  editedAt: z.string().nullable(),
  editCount: z.number().int(),
  createdAt: z.string(),
  /** Newer than the viewer's last read position. */
  unread: z.boolean(),
  canEdit: z.boolean(),
  canModerate: z.boolean(),
  /** Open flags (moderators only; 0 otherwise). */
  openFlags: z.number().int(),
});
export type Post = z.infer<typeof Post>;

export const ThreadSummary = z.object({
  id: Uuid,
  space: z.object({ id: Uuid, slug: z.string(), name: Text }),
  kind: ThreadKindSchema,
  title: z.string(),
  author: Person.nullable(),
  status: PostStatusSchema,
  pinned: z.boolean(),
  locked: z.boolean(),
  answered: z.boolean(),
  /** Visible replies (the opening post not counted). */
  replyCount: z.number().int(),
  lastPostAt: z.string(),
  createdAt: z.string(),
  /** Posts after the viewer's last read one; null when never opened (all new) or for visitors. */
  unreadCount: z.number().int().nullable(),
  /** Activity since the viewer's previous visit to the space. */
  isNew: z.boolean(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const ThreadList = z.object({ items: z.array(ThreadSummary), nextCursor: z.string().nullable() });
export type ThreadList = z.infer<typeof ThreadList>;

const boolParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
export const ThreadListQuery = z.object({
  /** Space id or slug; all visible spaces when absent. */
  space: z.string().trim().max(80).optional(),
  kind: ThreadKindSchema.optional(),
  /** Questions without an accepted answer. */
  unanswered: boolParam,
  /** Threads with posts I have not read. */
  unread: boolParam,
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ThreadListQuery = z.output<typeof ThreadListQuery>;

export const ThreadDetail = ThreadSummary.extend({
  lessons: Lessons.nullable(),
  acceptedPostSeq: z.number().int().nullable(),
  /** Highest post number (pages: ceil(lastSeq / pageSize)). */
  lastSeq: z.number().int(),
  pageSize: z.number().int(),
  lastReadSeq: z.number().int().nullable(),
  /** The first post after the viewer's last read one, or null when all read. */
  firstUnreadSeq: z.number().int().nullable(),
  canReply: z.boolean(),
  canEdit: z.boolean(),
  canModerate: z.boolean(),
  canAccept: z.boolean(),
  watch: WatchModeSchema.nullable(),
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

export const CreateThreadBody = z
  .object({
    space: z.string().trim().min(1).max(80),
    kind: ThreadKindSchema,
    title: z.string().trim().min(3, 'at least 3 characters').max(200),
    body: z.string().trim().max(POST_MAX_CHARS).default(''),
    lessons: Lessons.nullable().default(null),
    attachmentIds: z.array(Uuid).max(MAX_ATTACHMENTS_PER_POST).default([]),
  })
  .superRefine((b, c) => {
    if (b.kind === 'deposit') {
      if (!b.lessons)
        c.addIssue({ code: 'custom', path: ['lessons'], message: 'a work deposit needs its lessons' });
      else if (!b.lessons.context || !b.lessons.whatWeDid)
        c.addIssue({
          code: 'custom',
          path: ['lessons', b.lessons.context ? 'whatWeDid' : 'context'],
          message: 'required in a work deposit',
        });
    } else {
      if (b.lessons)
        c.addIssue({ code: 'custom', path: ['lessons'], message: 'only work deposits have lessons' });
      if (!b.body) c.addIssue({ code: 'custom', path: ['body'], message: 'write something' });
    }
  });
export type CreateThreadBody = z.input<typeof CreateThreadBody>;

export const UpdateThreadBody = z
  .object({
    title: z.string().trim().min(3).max(200).optional(),
    lessons: Lessons.optional(),
    pinned: z.boolean().optional(),
    locked: z.boolean().optional(),
    /** Move to another space (id or slug); moderators of both, or staff. */
    space: z.string().trim().min(1).max(80).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'change at least one thing',
    path: ['title'],
  });
export type UpdateThreadBody = z.input<typeof UpdateThreadBody>;

export const PostPageQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).optional(),
    /** The page holding this post number. */
    post: z.coerce.number().int().min(1).optional(),
    /** The page holding my first unread post. */
    unread: boolParam,
  })
  .refine((q) => [q.page, q.post, q.unread].filter((v) => v !== undefined && v !== false).length <= 1, {
    message: 'give one of page, post or unread',
    path: ['page'],
  });
export type PostPageQuery = z.input<typeof PostPageQuery>;

export const PostPage = z.object({
  items: z.array(Post),
  page: z.number().int(),
  pageCount: z.number().int(),
  pageSize: z.number().int(),
});
export type PostPage = z.infer<typeof PostPage>;

export const CreatePostBody = z.object({
  body: Markdown,
  attachmentIds: z.array(Uuid).max(MAX_ATTACHMENTS_PER_POST).default([]),
});
export type CreatePostBody = z.input<typeof CreatePostBody>;

export const UpdatePostBody = z.object({
  body: Markdown,
  attachmentIds: z.array(Uuid).max(MAX_ATTACHMENTS_PER_POST).optional(),
});
export type UpdatePostBody = z.input<typeof UpdatePostBody>;

export const ReadBody = z.object({ seq: z.number().int().min(0).max(100_000_000) });
export const ReadState = z.object({ lastReadSeq: z.number().int() });
export type ReadState = z.infer<typeof ReadState>;

export const AcceptBody = z.object({ postId: Uuid.nullable() });
export type AcceptBody = z.infer<typeof AcceptBody>;

export const Revision = z.object({
  id: Uuid,
  markdown: z.string(),
  html: z.string(),
  editedBy: Person.nullable(),
  /** When this text was replaced by the next one. */
  replacedAt: z.string(),
});
export const RevisionList = z.object({ items: z.array(Revision) });
export type RevisionList = z.infer<typeof RevisionList>;

export const FlagBody = z.object({ reason: FlagReasonSchema, note: z.string().trim().max(1000).default('') });
export type FlagBody = z.input<typeof FlagBody>;
export const Flag = z.object({
  id: Uuid,
  postId: Uuid,
  reason: FlagReasonSchema,
  note: z.string(),
  by: Person.nullable(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  createdAt: z.string(),
});
export type Flag = z.infer<typeof Flag>;

export const MODERATE_ACTIONS = ['hide', 'restore', 'approve', 'dismiss_flags'] as const;
export const ModerateBody = z.object({
  action: z.enum(MODERATE_ACTIONS),
  note: z.string().trim().max(1000).default(''),
});
export type ModerateBody = z.input<typeof ModerateBody>;

export const ModerationQuery = z.object({ space: z.string().trim().max(80).optional() });
export const ModerationItem = z.object({
  post: Post,
  thread: z.object({ id: Uuid, title: z.string(), space: z.object({ slug: z.string(), name: Text }) }),
  /** Why it is in the queue. */
  reason: z.enum(['flagged', 'held']),
  flags: z.array(Flag),
});
export type ModerationItem = z.infer<typeof ModerationItem>;
export const ModerationQueue = z.object({ items: z.array(ModerationItem) });
export type ModerationQueue = z.infer<typeof ModerationQueue>;
