// Walks every endpoint of the forum with every role against a restricted space (and, where the answer
// differs, a members and a public space), and checks that none is left out. Anything in a space someone
// may not see answers 404, never 403: 403 is only for people who see the space but may not do the thing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
  unwalkedRoutes,
} from '../../../../test/app.js';

const ROLES = [
  'anonymous',
  'loner',
  'outsider',
  'insider',
  'author',
  'expert',
  'spaceModerator',
  'staff',
  'admin',
] as const;
type Role = (typeof ROLES)[number];
type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: string | object | Buffer;
  headers?: Record<string, string>;
};
type Space = { id: string; slug: string };
type World = {
  pub: Space;
  mem: Space;
  res: Space;
  /** A discussion in the restricted space, by the author. */
  thread: string;
  /** The author's reply in `thread`, with `attachment`. */
  post: string;
  attachment: string;
  /** Uploaded by the author, not attached to any post yet. */
  loose: string;
  /** The author's reply in `thread` hidden by a moderator, with `hiddenAttachment`. */
  hiddenPost: string;
  hiddenAttachment: string;
  /** A discussion in the restricted space by the author, locked by a moderator. */
  locked: string;
  /** The author's question in the restricted space and the insider's answer. */
  question: string;
  answer: string;
  /** The author's question in the members space and the insider's answer. */
  memQuestion: string;
  memAnswer: string;
  /** A discussion in the public space by the author. */
  pubThread: string;
};

let t: TestContext;
const as = {} as Record<Role, TestUser | null>;
let orgIn: { id: string };

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const STAFF: Role[] = ['staff', 'admin'];
const LOGGED_IN: Role[] = ROLES.filter((r) => r !== 'anonymous');
/** Who sees the restricted space: its listed organisation, its moderator, staff. */
const SEES_RES: Role[] = ['insider', 'author', 'spaceModerator', 'staff', 'admin'];
const MODERATES_RES: Role[] = ['spaceModerator', ...STAFF];
/** Who sees the members space: people of member organisations, experts, staff. */
const SEES_MEM: Role[] = ['outsider', 'insider', 'author', 'expert', ...STAFF];
/** Who writes in the public space (everyone reads it): members, experts, its moderators, staff. */
const POSTS_PUB: Role[] = SEES_MEM;

/**
 * `ok` for the allowed roles; for the others: 401 when the endpoint needs a login and the caller has none,
 * 403 when they see the space, 404 when they do not.
 */
const by =
  (sees: readonly Role[], allowed: readonly Role[], ok: number, { login = true } = {}) =>
  (role: Role) =>
    allowed.includes(role) ? ok : role === 'anonymous' && login ? 401 : sees.includes(role) ? 403 : 404;
/** Reading something in the restricted space: who sees it, no login needed. */
const readRes = by(SEES_RES, SEES_RES, 200, { login: false });

async function makeOld(user: TestUser) {
  // Accounts older than two weeks are not "new": their first post is not held for approval.
  await sql`update users set created_at = now() - interval '60 days' where id = ${user.id}`.execute(t.db);
}

async function ok(who: TestUser, req: Req, status: number) {
  const res = await t.injectAs(who, req);
  expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBe(status);
  return res.json();
}

async function space(access: 'public' | 'members' | 'restricted', extra: Record<string, unknown> = {}) {
  const slug = unique('space');
  const body = await ok(
    as.staff as TestUser,
    {
      method: 'POST',
      url: '/api/v1/forum/spaces',
      payload: { slug, name: { it: `Spazio ${slug}` }, access, holdFirstPosts: false, ...extra },
    },
    201,
  );
  return { id: body.id as string, slug };
}

async function thread(user: TestUser, spaceSlug: string, kind = 'discussion') {
  const body = await ok(
    user,
    {
      method: 'POST',
      url: '/api/v1/forum/threads',
      payload: { space: spaceSlug, kind, title: `Discussione ${unique()}`, body: 'Testo di apertura' },
    },
    201,
  );
  return body.id as string;
}

async function reply(user: TestUser, threadId: string, attachmentIds: string[] = []) {
  const body = await ok(
    user,
    {
      method: 'POST',
      url: `/api/v1/forum/threads/${threadId}/posts`,
      payload: { body: `Risposta ${unique()}`, attachmentIds },
    },
    201,
  );
  return body.id as string;
}

async function upload(user: TestUser) {
  const body = await ok(
    user,
    {
      method: 'POST',
      url: '/api/v1/forum/attachments',
      ...multipartFile('verbale.pdf', PDF, 'application/pdf'),
    },
    201,
  );
  return body.id as string;
}

async function world(): Promise<World> {
  const author = as.author as TestUser;
  const insider = as.insider as TestUser;
  const staff = as.staff as TestUser;
  const pub = await space('public');
  const mem = await space('members');
  const res = await space('restricted', {
    memberOrganisationIds: [orgIn.id],
    moderatorIds: [as.spaceModerator?.id],
  });
  const attachment = await upload(author);
  const hiddenAttachment = await upload(author);
  const loose = await upload(author);
  const th = await thread(author, res.slug);
  const post = await reply(author, th, [attachment]);
  const hiddenPost = await reply(author, th, [hiddenAttachment]);
  await ok(
    staff,
    { method: 'POST', url: `/api/v1/forum/posts/${hiddenPost}/moderate`, payload: { action: 'hide' } },
    200,
  );
  const locked = await thread(author, res.slug);
  await ok(
    staff,
    { method: 'PATCH', url: `/api/v1/forum/threads/${locked}`, payload: { locked: true } },
    200,
  );
  const question = await thread(author, res.slug, 'question');
  const answer = await reply(insider, question);
  const memQuestion = await thread(author, mem.slug, 'question');
  const memAnswer = await reply(insider, memQuestion);
  const pubThread = await thread(author, pub.slug);
  return {
    pub,
    mem,
    res,
    thread: th,
    post,
    attachment,
    loose,
    hiddenPost,
    hiddenAttachment,
    locked,
    question,
    answer,
    memQuestion,
    memAnswer,
    pubThread,
  };
}

/** Which of the world's three spaces a role sees (lists must agree with the 404s). */
const SPACES_SEEN: Record<Role, string> = {
  anonymous: 'pub',
  loner: 'pub',
  outsider: 'pub,mem',
  insider: 'pub,mem,res',
  author: 'pub,mem,res',
  expert: 'pub,mem',
  spaceModerator: 'pub,res',
  staff: 'pub,mem,res',
  admin: 'pub,mem,res',
};

type Row = {
  route: string;
  /** What is asked, when a route has more than one row. */
  on?: string;
  request: (w: World) => Req;
  expect: (role: Role) => number;
  /** Something about the answer's body that must depend on the role too (what a list shows). */
  shows?: { of: (body: unknown, w: World) => string; want: (role: Role) => string };
  /** The request changes state a later role's answer depends on: the next role gets a fresh world. */
  mutates?: boolean;
};

type Items<T> = { items?: T[] };
const ids = (body: unknown) => ((body as Items<{ id: string }>).items ?? []).map((i) => i.id);

const ROWS: Row[] = [
  {
    route: 'GET /api/v1/forum/spaces',
    request: () => ({ method: 'GET', url: '/api/v1/forum/spaces' }),
    expect: () => 200,
    shows: {
      of: (body, w) => {
        const seen = ids(body);
        return (['pub', 'mem', 'res'] as const).filter((k) => seen.includes(w[k].id)).join(',');
      },
      want: (r) => SPACES_SEEN[r],
    },
  },
  {
    route: 'POST /api/v1/forum/spaces',
    request: () => ({
      method: 'POST',
      url: '/api/v1/forum/spaces',
      payload: { slug: unique('space'), name: { it: 'Nuovo spazio' }, access: 'members' },
    }),
    expect: by(LOGGED_IN, STAFF, 201),
  },
  {
    route: 'GET /api/v1/forum/spaces/{id}',
    on: 'restricted space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/spaces/${w.res.id}` }),
    expect: readRes,
    // Who may enter a restricted space is for its moderators and staff only.
    shows: {
      of: (body) =>
        ((body as { members?: { organisations: unknown[] } }).members?.organisations.length ?? 0) > 0
          ? 'members listed'
          : '',
      want: (r) => (MODERATES_RES.includes(r) ? 'members listed' : ''),
    },
  },
  {
    route: 'GET /api/v1/forum/spaces/{id}',
    on: 'members space, by slug',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/spaces/${w.mem.slug}` }),
    expect: by(SEES_MEM, SEES_MEM, 200, { login: false }),
  },
  {
    route: 'GET /api/v1/forum/spaces/{id}',
    on: 'public space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/spaces/${w.pub.slug}` }),
    expect: () => 200,
  },
  {
    route: 'PATCH /api/v1/forum/spaces/{id}',
    on: 'restricted space',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/forum/spaces/${w.res.id}`,
      payload: { description: { it: 'Descrizione aggiornata' } },
    }),
    expect: by(SEES_RES, STAFF, 200),
  },
  {
    route: 'PATCH /api/v1/forum/spaces/{id}',
    on: 'members space',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/forum/spaces/${w.mem.slug}`,
      payload: { description: { it: 'Descrizione aggiornata' } },
    }),
    expect: by(SEES_MEM, STAFF, 200),
  },
  {
    route: 'GET /api/v1/forum/spaces/{id}/people',
    on: 'restricted space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/spaces/${w.res.slug}/people?q=a` }),
    expect: by(SEES_RES, SEES_RES, 200),
  },
  {
    route: 'GET /api/v1/forum/spaces/{id}/people',
    on: 'public space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/spaces/${w.pub.slug}/people?q=a` }),
    // Everyone reads a public space; only those who may write there look people up to mention them.
    expect: by(LOGGED_IN, POSTS_PUB, 200),
  },
  {
    route: 'PUT /api/v1/forum/spaces/{id}/watch',
    request: (w) => ({
      method: 'PUT',
      url: `/api/v1/forum/spaces/${w.res.id}/watch`,
      payload: { mode: 'daily' },
    }),
    expect: by(SEES_RES, SEES_RES, 200),
  },
  {
    route: 'GET /api/v1/forum/threads',
    on: 'all visible spaces',
    request: () => ({ method: 'GET', url: '/api/v1/forum/threads?limit=100' }),
    expect: () => 200,
    shows: {
      of: (body, w) => {
        const seen = ids(body);
        const of = { pub: w.pubThread, mem: w.memQuestion, res: w.thread };
        return (['pub', 'mem', 'res'] as const).filter((k) => seen.includes(of[k])).join(',');
      },
      want: (r) => SPACES_SEEN[r],
    },
  },
  {
    route: 'GET /api/v1/forum/threads',
    on: 'restricted space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/threads?space=${w.res.slug}` }),
    expect: readRes,
  },
  {
    route: 'GET /api/v1/forum/threads',
    on: 'members space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/threads?space=${w.mem.id}&kind=question` }),
    expect: by(SEES_MEM, SEES_MEM, 200, { login: false }),
  },
  {
    route: 'POST /api/v1/forum/threads',
    on: 'restricted space',
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/forum/threads',
      payload: { space: w.res.slug, kind: 'discussion', title: 'Nuova discussione', body: 'Testo' },
    }),
    // The space is a field of the body: one someone may not see is "no such space", the same 400 as a
    // space that does not exist, never a 403 that would tell it is there.
    expect: (r) => (SEES_RES.includes(r) ? 201 : r === 'anonymous' ? 401 : 400),
  },
  {
    route: 'POST /api/v1/forum/threads',
    on: 'members space',
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/forum/threads',
      payload: { space: w.mem.id, kind: 'question', title: 'Una domanda', body: 'Testo' },
    }),
    expect: (r) => (SEES_MEM.includes(r) ? 201 : r === 'anonymous' ? 401 : 400),
  },
  {
    route: 'POST /api/v1/forum/threads',
    on: 'public space',
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/forum/threads',
      payload: { space: w.pub.slug, kind: 'discussion', title: 'In pubblico', body: 'Testo' },
    }),
    expect: by(LOGGED_IN, POSTS_PUB, 201),
  },
  {
    route: 'GET /api/v1/forum/threads/{id}',
    on: 'restricted space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/threads/${w.thread}` }),
    expect: readRes,
  },
  {
    route: 'GET /api/v1/forum/threads/{id}',
    on: 'public space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/threads/${w.pubThread}` }),
    expect: () => 200,
  },
  {
    route: 'PATCH /api/v1/forum/threads/{id}',
    on: 'title',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/forum/threads/${w.thread}`,
      payload: { title: 'Nuovo titolo' },
    }),
    expect: by(SEES_RES, ['author', ...MODERATES_RES], 200),
  },
  {
    route: 'PATCH /api/v1/forum/threads/{id}',
    on: 'pin',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/forum/threads/${w.thread}`,
      payload: { pinned: true },
    }),
    expect: by(SEES_RES, MODERATES_RES, 200),
  },
  {
    route: 'PATCH /api/v1/forum/threads/{id}',
    on: 'title of a locked thread',
    // A locked thread: its author no longer edits it.
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/forum/threads/${w.locked}`,
      payload: { title: 'Nuovo titolo' },
    }),
    expect: by(SEES_RES, MODERATES_RES, 200),
  },
  {
    route: 'GET /api/v1/forum/threads/{id}/posts',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/threads/${w.thread}/posts` }),
    expect: readRes,
    // A hidden post keeps its place, but only moderators still read it.
    shows: {
      of: (body, w) =>
        (body as Items<{ id: string; html: string }>).items?.find((p) => p.id === w.hiddenPost)?.html
          ? 'hidden text'
          : '',
      want: (r) => (MODERATES_RES.includes(r) ? 'hidden text' : ''),
    },
  },
  {
    route: 'POST /api/v1/forum/threads/{id}/posts',
    on: 'restricted space',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${w.thread}/posts`,
      payload: { body: 'Ciao' },
    }),
    expect: by(SEES_RES, SEES_RES, 201),
  },
  {
    route: 'POST /api/v1/forum/threads/{id}/posts',
    on: 'locked thread',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${w.locked}/posts`,
      payload: { body: 'Ciao' },
    }),
    // A locked thread takes replies from moderators only; the others who see it get 409.
    expect: (r) => (r === 'insider' || r === 'author' ? 409 : by(SEES_RES, MODERATES_RES, 201)(r)),
  },
  {
    route: 'POST /api/v1/forum/threads/{id}/posts',
    on: 'public space',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${w.pubThread}/posts`,
      payload: { body: 'Ciao' },
    }),
    expect: by(LOGGED_IN, POSTS_PUB, 201),
  },
  {
    route: 'POST /api/v1/forum/threads/{id}/read',
    request: (w) => ({ method: 'POST', url: `/api/v1/forum/threads/${w.thread}/read`, payload: { seq: 2 } }),
    expect: by(SEES_RES, SEES_RES, 200),
  },
  {
    route: 'POST /api/v1/forum/threads/{id}/accept',
    on: 'restricted space',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${w.question}/accept`,
      payload: { postId: w.answer },
    }),
    // Experts accept answers too, but only where they may read: this one is not listed here.
    expect: by(SEES_RES, ['author', ...MODERATES_RES], 200),
  },
  {
    route: 'POST /api/v1/forum/threads/{id}/accept',
    on: 'members space',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/threads/${w.memQuestion}/accept`,
      payload: { postId: w.memAnswer },
    }),
    expect: by(SEES_MEM, ['author', 'expert', ...STAFF], 200),
  },
  {
    route: 'PUT /api/v1/forum/threads/{id}/watch',
    request: (w) => ({
      method: 'PUT',
      url: `/api/v1/forum/threads/${w.thread}/watch`,
      payload: { mode: 'muted' },
    }),
    expect: by(SEES_RES, SEES_RES, 200),
  },
  {
    route: 'GET /api/v1/forum/posts/{id}',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/posts/${w.post}` }),
    expect: readRes,
  },
  {
    route: 'PATCH /api/v1/forum/posts/{id}',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/forum/posts/${w.post}`,
      payload: { body: 'Testo corretto' },
    }),
    expect: by(SEES_RES, ['author', ...MODERATES_RES], 200),
  },
  {
    route: 'GET /api/v1/forum/posts/{id}/revisions',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/posts/${w.post}/revisions` }),
    expect: readRes,
  },
  {
    route: 'PUT /api/v1/forum/posts/{id}/reactions/{reaction}',
    request: (w) => ({ method: 'PUT', url: `/api/v1/forum/posts/${w.post}/reactions/thanks` }),
    expect: by(SEES_RES, SEES_RES, 200),
  },
  {
    route: 'DELETE /api/v1/forum/posts/{id}/reactions/{reaction}',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/forum/posts/${w.post}/reactions/thanks` }),
    expect: by(SEES_RES, SEES_RES, 200),
  },
  {
    route: 'POST /api/v1/forum/posts/{id}/flags',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/posts/${w.post}/flags`,
      payload: { reason: 'spam' },
    }),
    // Its author cannot flag their own post.
    expect: (r) => (r === 'author' ? 409 : by(SEES_RES, SEES_RES, 201)(r)),
  },
  {
    route: 'POST /api/v1/forum/posts/{id}/moderate',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/forum/posts/${w.post}/moderate`,
      payload: { action: 'hide', note: 'fuori tema' },
    }),
    expect: by(SEES_RES, MODERATES_RES, 200),
    mutates: true,
  },
  {
    route: 'GET /api/v1/forum/posts/{id}/audit',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/posts/${w.hiddenPost}/audit` }),
    expect: by(SEES_RES, MODERATES_RES, 200),
  },
  {
    route: 'GET /api/v1/forum/moderation',
    on: 'all the spaces I moderate',
    request: () => ({ method: 'GET', url: '/api/v1/forum/moderation' }),
    expect: by(LOGGED_IN, MODERATES_RES, 200),
  },
  {
    route: 'GET /api/v1/forum/moderation',
    on: 'the restricted space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/moderation?space=${w.res.slug}` }),
    expect: by(SEES_RES, MODERATES_RES, 200),
  },
  {
    route: 'POST /api/v1/forum/attachments',
    request: () => ({
      method: 'POST',
      url: '/api/v1/forum/attachments',
      ...multipartFile('scheda.pdf', PDF, 'application/pdf'),
    }),
    expect: by(LOGGED_IN, LOGGED_IN, 201),
  },
  {
    route: 'GET /api/v1/forum/attachments/{id}',
    on: 'file of a post in the restricted space',
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/attachments/${w.attachment}` }),
    expect: readRes,
  },
  {
    route: 'GET /api/v1/forum/attachments/{id}',
    on: 'an upload not yet attached',
    // Not yet attached to a post: only its uploader reads it.
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/attachments/${w.loose}` }),
    expect: (r) => (r === 'author' ? 200 : 404),
  },
  {
    route: 'GET /api/v1/forum/attachments/{id}',
    on: 'file of a hidden post',
    // The file of a hidden post: moderators only, not even its author.
    request: (w) => ({ method: 'GET', url: `/api/v1/forum/attachments/${w.hiddenAttachment}` }),
    expect: (r) => (MODERATES_RES.includes(r) ? 200 : 404),
  },
];

beforeAll(async () => {
  t = await createTestContext();
  orgIn = await t.newOrganisation();
  const orgOut = await t.newOrganisation();
  const users = {
    loner: await t.newUser(),
    outsider: await t.newUser(),
    insider: await t.newUser(),
    author: await t.newUser(),
    expert: await t.newUser({ networkRole: 'expert' }),
    spaceModerator: await t.newUser(),
    staff: await t.newUser({ networkRole: 'staff' }),
    admin: await t.newUser({ networkRole: 'admin' }),
  };
  await t.addMember(orgIn.id, users.insider, 'operator');
  await t.addMember(orgIn.id, users.author, 'operator');
  await t.addMember(orgOut.id, users.outsider, 'org_admin');
  as.anonymous = null;
  for (const [role, user] of Object.entries(users)) {
    await makeOld(user);
    as[role as Role] = await t.login(user);
  }
});
afterAll(() => t.close());

describe('authorisation of the forum endpoints', () => {
  for (const row of ROWS) {
    it(`should answer ${row.route} by role${row.on ? ` (${row.on})` : ''}`, async () => {
      let w = await world();
      const got: Record<string, number | string> = {};
      const want: Record<string, number | string> = {};
      for (const role of ROLES) {
        const req = row.request(w);
        const res = await t.injectAs(as[role], req);
        got[role] = res.statusCode;
        want[role] = row.expect(role);
        if (row.shows) {
          const body = String(res.headers['content-type']).includes('json') ? res.json() : {};
          got[role] = `${res.statusCode} ${row.shows.of(body, w)}`;
          want[role] = `${want[role]} ${row.shows.want(role)}`;
        }
        if (row.mutates && res.statusCode < 300) w = await world();
      }
      expect(got).toEqual(want);
    });
  }

  it('should leave no forum endpoint unwalked', async () => {
    const { unwalked, unknown } = await unwalkedRoutes(
      t.app,
      /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/forum\//,
      ROWS.map((r) => r.route),
    );
    expect(unwalked).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
