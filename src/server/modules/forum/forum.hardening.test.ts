// Bad input to the forum: every malformed request is a 400 naming the field (or the 404/415 its case
// calls for), never a 500; and the counts a moderator's decisions change stay right.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
} from '../../../../test/app.js';

let t: TestContext;
let staff: TestUser;
let moderator: TestUser;
let member: TestUser;
let colleague: TestUser;
let org: { id: string };
let open: { id: string; slug: string };

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const NOT_A_UUID = 'not-a-uuid';
/** Hex digits in the right places, but not an RFC 4122 id. */
const ALMOST_A_UUID = '12345678-1234-1234-1234-123456789012';
const MISSING = '7d1c3a3e-6b55-4f4e-9d0c-2f3f5e1a9b10';

async function makeOld(user: TestUser) {
  // Accounts older than two weeks are not "new": their first post is not held for approval.
  await sql`update users set created_at = now() - interval '60 days' where id = ${user.id}`.execute(t.db);
}

async function space(access: 'public' | 'members' | 'restricted', extra: Record<string, unknown> = {}) {
  const slug = unique('space');
  const res = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/forum/spaces',
    payload: { slug, name: { it: `Spazio ${slug}` }, access, holdFirstPosts: false, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; slug: string };
}

async function thread(user: TestUser, spaceSlug: string, kind = 'discussion', title = 'Una discussione') {
  const res = await t.injectAs(user, {
    method: 'POST',
    url: '/api/v1/forum/threads',
    payload: { space: spaceSlug, kind, title, body: 'Testo' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; replyCount: number };
}

async function reply(user: TestUser, threadId: string, body = 'Una risposta') {
  const res = await t.injectAs(user, {
    method: 'POST',
    url: `/api/v1/forum/threads/${threadId}/posts`,
    payload: { body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; seq: number; status: string };
}

async function firstPost(user: TestUser, threadId: string) {
  const res = await t.injectAs(user, { method: 'GET', url: `/api/v1/forum/threads/${threadId}/posts` });
  return res.json().items[0] as { id: string };
}

async function upload(user: TestUser) {
  const res = await t.injectAs(user, {
    method: 'POST',
    url: '/api/v1/forum/attachments',
    ...multipartFile('verbale.pdf', PDF, 'application/pdf'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A 400 whose details name this field (`body.title` from the schemas, `space` from the service). */
function expectField(res: LightMyRequestResponse, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const fields = (res.json().error.details?.fields ?? []) as Array<{ path: string }>;
  // The field itself, or one element of it (`body.attachmentIds.0`).
  const named = fields.map((f) => f.path).filter((p) => new RegExp(`(^|\\.)${field}(\\.\\d+)?$`).test(p));
  expect(named, `${field} in ${res.body}`).not.toEqual([]);
}

const cursor = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
  moderator = await t.newUser({ name: 'Mara Moderatrice' });
  org = await t.newOrganisation();
  member = await t.newUser({ name: 'Maria Membro' });
  colleague = await t.newUser({ name: 'Carla Collega' });
  await t.addMember(org.id, member, 'org_admin');
  await t.addMember(org.id, colleague, 'operator');
  for (const u of [member, colleague, moderator]) await makeOld(u);
  member = await t.login(member);
  colleague = await t.login(colleague);
  open = await space('members', { moderatorIds: [moderator.id] });
});
afterAll(() => t.close());

describe('forum ids in paths', () => {
  it('should answer a malformed id in any thread, post or attachment path with 400 on the id', async () => {
    const routes: Array<['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, unknown?]> = [
      ['GET', '/api/v1/forum/threads/{id}'],
      ['PATCH', '/api/v1/forum/threads/{id}', { title: 'Nuovo titolo' }],
      ['GET', '/api/v1/forum/threads/{id}/posts'],
      ['POST', '/api/v1/forum/threads/{id}/posts', { body: 'Ciao' }],
      ['POST', '/api/v1/forum/threads/{id}/read', { seq: 1 }],
      ['POST', '/api/v1/forum/threads/{id}/accept', { postId: null }],
      ['PUT', '/api/v1/forum/threads/{id}/watch', { mode: 'daily' }],
      ['GET', '/api/v1/forum/posts/{id}'],
      ['PATCH', '/api/v1/forum/posts/{id}', { body: 'Ciao' }],
      ['GET', '/api/v1/forum/posts/{id}/revisions'],
      ['PUT', '/api/v1/forum/posts/{id}/reactions/like'],
      ['DELETE', '/api/v1/forum/posts/{id}/reactions/like'],
      ['POST', '/api/v1/forum/posts/{id}/flags', { reason: 'spam' }],
      ['POST', '/api/v1/forum/posts/{id}/moderate', { action: 'hide' }],
      ['GET', '/api/v1/forum/posts/{id}/audit'],
      ['GET', '/api/v1/forum/attachments/{id}'],
    ];
    for (const [method, path, payload] of routes) {
      for (const id of [NOT_A_UUID, ALMOST_A_UUID, "1' or '1'='1"]) {
        const url = path.replace('{id}', encodeURIComponent(id));
        const res = await t.injectAs(staff, {
          method,
          url,
          ...(payload ? { payload: payload as object } : {}),
        });
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 400 });
        expectField(res, 'id');
      }
    }
  });

  it('should answer an id that names nothing with 404, not 400 or 500', async () => {
    for (const url of [
      `/api/v1/forum/threads/${MISSING}`,
      `/api/v1/forum/threads/${MISSING}/posts`,
      `/api/v1/forum/posts/${MISSING}`,
      `/api/v1/forum/posts/${MISSING}/revisions`,
      `/api/v1/forum/attachments/${MISSING}`,
      `/api/v1/forum/spaces/${MISSING}`,
      '/api/v1/forum/spaces/no-such-space',
      `/api/v1/forum/threads?space=${MISSING}`,
      '/api/v1/forum/moderation?space=no-such-space',
    ])
      expect({ url, status: (await t.injectAs(staff, { method: 'GET', url })).statusCode }).toEqual({
        url,
        status: 404,
      });
  });

  it('should answer a space id longer than any slug with 400 on the id', async () => {
    const res = await t.injectAs(staff, { method: 'GET', url: `/api/v1/forum/spaces/${'a'.repeat(81)}` });
    expectField(res, 'id');
  });

  it('should refuse an unknown reaction with 400 on the reaction', async () => {
    const th = await thread(member, open.slug);
    const p = await reply(colleague, th.id);
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await t.injectAs(member, { method, url: `/api/v1/forum/posts/${p.id}/reactions/love` });
      expectField(res, 'reaction');
    }
  });

  it('should refuse the NUL character anywhere with 400 on that field', async () => {
    const th = await thread(member, open.slug);
    expectField(
      await t.injectAs(member, {
        method: 'POST',
        url: `/api/v1/forum/threads/${th.id}/posts`,
        payload: { body: 'prima\u0000dopo' },
      }),
      'body',
    );
    expectField(
      await t.injectAs(member, {
        method: 'POST',
        url: '/api/v1/forum/threads',
        payload: { space: open.slug, kind: 'discussion', title: 'Tito\u0000lo', body: 'Testo' },
      }),
      'title',
    );
    expectField(await t.injectAs(member, { method: 'GET', url: '/api/v1/forum/spaces/ab%00cd' }), 'id');
    expectField(
      await t.injectAs(member, { method: 'GET', url: `/api/v1/forum/spaces/${open.slug}/people?q=a%00` }),
      'q',
    );
    expectField(
      await t.injectAs(member, { method: 'GET', url: '/api/v1/forum/threads?space=a%00b' }),
      'space',
    );
  });
});

describe('forum bodies', () => {
  it('should refuse a post longer than 50,000 characters, empty or blank, with 400 on the body', async () => {
    const th = await thread(member, open.slug);
    const mine = await reply(member, th.id);
    for (const body of ['x'.repeat(50_001), '', '   \n\t ']) {
      expectField(
        await t.injectAs(member, {
          method: 'POST',
          url: `/api/v1/forum/threads/${th.id}/posts`,
          payload: { body },
        }),
        'body',
      );
      expectField(
        await t.injectAs(member, {
          method: 'PATCH',
          url: `/api/v1/forum/posts/${mine.id}`,
          payload: { body },
        }),
        'body',
      );
      expectField(
        await t.injectAs(member, {
          method: 'POST',
          url: '/api/v1/forum/threads',
          payload: { space: open.slug, kind: 'discussion', title: 'Titolo', body },
        }),
        'body',
      );
    }
    const exactly = await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: { body: 'x'.repeat(50_000) },
    });
    expect(exactly.statusCode).toBe(201);
    const missing = await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: {},
    });
    expectField(missing, 'body');
  });

  it('should refuse a too short title, an unknown kind and lessons on a discussion, naming each field', async () => {
    const create = (payload: Record<string, unknown>) =>
      t.injectAs(member, {
        method: 'POST',
        url: '/api/v1/forum/threads',
        payload: { space: open.slug, kind: 'discussion', title: 'Un titolo', body: 'Testo', ...payload },
      });
    expectField(await create({ title: 'ab' }), 'title');
    expectField(await create({ title: '   ab   ' }), 'title');
    expectField(await create({ kind: 'poll' }), 'kind');
    const lessons = {
      context: 'Quartiere',
      whatWeDid: 'Sportello',
      whatWorked: 'Sera',
      whatDidNot: 'Mattina',
    };
    expectField(await create({ lessons }), 'lessons');
    expectField(await create({ kind: 'deposit', body: '', lessons: { ...lessons, context: '' } }), 'context');

    const th = await thread(member, open.slug);
    const patch = await t.injectAs(member, {
      method: 'PATCH',
      url: `/api/v1/forum/threads/${th.id}`,
      payload: { lessons },
    });
    expectField(patch, 'lessons');
    const short = await t.injectAs(member, {
      method: 'PATCH',
      url: `/api/v1/forum/threads/${th.id}`,
      payload: { title: 'x' },
    });
    expectField(short, 'title');
  });

  it('should answer a space that is not there, or not visible, with 400 on the space when starting a thread', async () => {
    const hidden = await space('restricted');
    for (const s of ['no-such-space', MISSING, hidden.slug, hidden.id]) {
      const res = await t.injectAs(member, {
        method: 'POST',
        url: '/api/v1/forum/threads',
        payload: { space: s, kind: 'discussion', title: 'Un titolo', body: 'Testo' },
      });
      expectField(res, 'space');
      // The same words whether the space exists or not: nothing tells the restricted one is there.
      expect(res.json().error.message).toBe('space: no such space');
    }
    const th = await thread(member, open.slug);
    const move = await t.injectAs(moderator, {
      method: 'PATCH',
      url: `/api/v1/forum/threads/${th.id}`,
      payload: { space: 'no-such-space' },
    });
    expectField(move, 'space');
  });

  it('should refuse to attach an upload that is someone else’s, or already on another post, with 400 on attachmentIds', async () => {
    const theirs = await upload(colleague);
    const th = await thread(member, open.slug);
    const onThread = await t.injectAs(member, {
      method: 'POST',
      url: '/api/v1/forum/threads',
      payload: {
        space: open.slug,
        kind: 'discussion',
        title: 'Con allegato',
        body: 'Testo',
        attachmentIds: [theirs],
      },
    });
    expectField(onThread, 'attachmentIds');
    const onPost = await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: { body: 'Ecco il file', attachmentIds: [theirs] },
    });
    expectField(onPost, 'attachmentIds');
    const unknownId = await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: { body: 'Ecco il file', attachmentIds: [MISSING] },
    });
    expectField(unknownId, 'attachmentIds');
    const malformed = await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: { body: 'Ecco il file', attachmentIds: ['x'] },
    });
    expectField(malformed, 'attachmentIds');

    const mine = await upload(member);
    const first = await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: { body: 'Primo', attachmentIds: [mine] },
    });
    expect(first.statusCode).toBe(201);
    const second = await reply(member, th.id, 'Secondo');
    const moved = await t.injectAs(member, {
      method: 'PATCH',
      url: `/api/v1/forum/posts/${second.id}`,
      payload: { body: 'Secondo, con file', attachmentIds: [mine] },
    });
    expectField(moved, 'attachmentIds');
    // Nothing of the refused requests was kept: the colleague's file is still theirs alone, and loose.
    const count = await t.db
      .selectFrom('forum_attachments')
      .select('post_id')
      .where('id', '=', theirs)
      .executeTakeFirstOrThrow();
    expect(count.post_id).toBeNull();
    const still = await t.injectAs(member, { method: 'GET', url: `/api/v1/forum/posts/${first.json().id}` });
    expect(still.json().attachments.map((a: { id: string }) => a.id)).toEqual([mine]);
  });

  it('should refuse malformed reading positions, answers, flags, moderation and watch modes, naming the field', async () => {
    const q = await thread(member, open.slug, 'question', 'Una domanda');
    const answer = await reply(colleague, q.id, 'Una risposta');
    const other = await thread(member, open.slug);
    const elsewhere = await reply(colleague, other.id, 'Altrove');
    const opening = await firstPost(member, q.id);
    const post = (path: string, payload: unknown) =>
      t.injectAs(member, { method: 'POST', url: `/api/v1/forum/${path}`, payload: payload as object });
    expectField(await post(`threads/${q.id}/read`, { seq: -1 }), 'seq');
    expectField(await post(`threads/${q.id}/read`, { seq: 'ultimo' }), 'seq');
    expectField(await post(`threads/${q.id}/read`, {}), 'seq');
    expectField(await post(`threads/${q.id}/accept`, { postId: 'x' }), 'postId');
    expectField(await post(`threads/${q.id}/accept`, { postId: elsewhere.id }), 'postId');
    expectField(await post(`threads/${q.id}/accept`, { postId: opening.id }), 'postId');
    expectField(await post(`threads/${q.id}/accept`, { postId: MISSING }), 'postId');
    expect((await post(`threads/${other.id}/accept`, { postId: elsewhere.id })).statusCode).toBe(409);
    expectField(await post(`posts/${answer.id}/flags`, { reason: 'boring' }), 'reason');
    expectField(await post(`posts/${answer.id}/flags`, { reason: 'other', note: 'x'.repeat(1001) }), 'note');
    const mod = (payload: unknown) =>
      t.injectAs(moderator, {
        method: 'POST',
        url: `/api/v1/forum/posts/${answer.id}/moderate`,
        payload: payload as object,
      });
    expectField(await mod({ action: 'delete' }), 'action');
    expectField(await mod({}), 'action');
    expectField(
      await t.injectAs(member, {
        method: 'PUT',
        url: `/api/v1/forum/threads/${q.id}/watch`,
        payload: { mode: 'loud' },
      }),
      'mode',
    );
    expectField(
      await t.injectAs(member, {
        method: 'PUT',
        url: `/api/v1/forum/spaces/${open.slug}/watch`,
        payload: {},
      }),
      'mode',
    );
  });
});

describe('forum spaces', () => {
  it('should refuse a space change naming an unknown moderator, organisation, person or programme, on that field', async () => {
    const s = await space('restricted');
    const patch = (payload: Record<string, unknown>) =>
      t.injectAs(staff, { method: 'PATCH', url: `/api/v1/forum/spaces/${s.id}`, payload });
    expectField(await patch({ moderatorIds: [MISSING] }), 'moderatorIds');
    expectField(await patch({ moderatorIds: [moderator.id, MISSING] }), 'moderatorIds');
    expectField(await patch({ moderatorIds: ['x'] }), 'moderatorIds');
    expectField(await patch({ memberOrganisationIds: [MISSING] }), 'memberOrganisationIds');
    expectField(await patch({ memberUserIds: [MISSING] }), 'memberUserIds');
    expectField(await patch({ programmeSlug: 'no-such-programme' }), 'programmeSlug');
    expectField(await patch({ access: 'secret' }), 'access');
    expectField(await patch({ name: { it: '' } }), 'it');
    // Nothing of it was kept.
    const now = (await t.injectAs(staff, { method: 'GET', url: `/api/v1/forum/spaces/${s.id}` })).json();
    expect(now.moderators).toEqual([]);
    expect(now.access).toBe('restricted');
  });

  it('should refuse a bad or taken slug when creating a space', async () => {
    const create = (slug: string) =>
      t.injectAs(staff, {
        method: 'POST',
        url: '/api/v1/forum/spaces',
        payload: { slug, name: { it: 'Spazio' }, access: 'members' },
      });
    for (const slug of ['Con Spazi', 'a', '-trattino', 'doppio--trattino', 'x'.repeat(61)])
      expectField(await create(slug), 'slug');
    const taken = await create(open.slug);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.fields[0].path).toBe('slug');
    const noName = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/forum/spaces',
      payload: { slug: unique('space'), name: { en: 'Only English' }, access: 'members' },
    });
    expectField(noName, 'it');
  });
});

describe('forum lists and pages', () => {
  it('should refuse page=0, page=abc, post=-1, page with post, and a page beyond the last, naming the field', async () => {
    const th = await thread(member, open.slug);
    const get = (q: string) =>
      t.injectAs(member, { method: 'GET', url: `/api/v1/forum/threads/${th.id}/posts?${q}` });
    expectField(await get('page=0'), 'page');
    expectField(await get('page=abc'), 'page');
    expectField(await get('page=1.5'), 'page');
    expectField(await get('page='), 'page');
    expectField(await get('post=-1'), 'post');
    expectField(await get('post=0'), 'post');
    expectField(await get('post=99999999999999999999'), 'post');
    expectField(await get('page=1&post=1'), 'page');
    expectField(await get('page=1&unread=true'), 'page');
    expectField(await get('unread=yes'), 'unread');
    expectField(await get('page=2'), 'page');
    expect((await get('page=1')).statusCode).toBe(200);
    expect((await get('post=500')).statusCode).toBe(200);
  });

  it('should refuse a cursor that is garbage, forged or of the wrong shape with 400 on the cursor', async () => {
    const good = { p: false, t: '2024-01-01T00:00:00.000Z', id: MISSING };
    const bad = [
      'garbage',
      '!!!',
      'bnVsbA', // "null"
      cursor([1, 2, 3]),
      cursor({ ...good, p: 'no' }),
      cursor({ ...good, t: 'yesterday' }),
      cursor({ ...good, t: '2024-13-45T99:99:99.000Z' }),
      cursor({ ...good, t: '0000-01-01T00:00:00.000Z' }),
      cursor({ ...good, id: 42 }),
      cursor({ ...good, id: 'x'.repeat(36) }),
      cursor({ ...good, id: '-'.repeat(36) }),
      cursor({ ...good, id: `${'0'.repeat(32)}----` }),
      'a'.repeat(301),
    ];
    for (const c of bad) {
      for (const space of ['', `&space=${open.slug}`]) {
        const res = await t.injectAs(member, {
          method: 'GET',
          url: `/api/v1/forum/threads?cursor=${c}${space}`,
        });
        expect({ c, status: res.statusCode }).toEqual({ c, status: 400 });
        expectField(res, 'cursor');
      }
    }
    // A well-formed cursor of a thread that does not exist is just a position: the page after it.
    const ok = await t.injectAs(member, {
      method: 'GET',
      url: `/api/v1/forum/threads?cursor=${cursor(good)}`,
    });
    expect(ok.statusCode).toBe(200);
  });

  it('should refuse malformed list filters naming the field', async () => {
    const get = (q: string) => t.injectAs(member, { method: 'GET', url: `/api/v1/forum/threads?${q}` });
    expectField(await get('limit=0'), 'limit');
    expectField(await get('limit=101'), 'limit');
    expectField(await get('limit=abc'), 'limit');
    expectField(await get('kind=poll'), 'kind');
    expectField(await get('unanswered=maybe'), 'unanswered');
    expectField(await get(`space=${'a'.repeat(81)}`), 'space');
    const anonymous = await t.injectAs(null, { method: 'GET', url: '/api/v1/forum/threads?unread=true' });
    expect(anonymous.statusCode).toBe(401);
    expectField(
      await t.injectAs(member, {
        method: 'GET',
        url: `/api/v1/forum/spaces/${open.slug}/people?q=${'a'.repeat(101)}`,
      }),
      'q',
    );
    const odd = await t.injectAs(member, {
      method: 'GET',
      url: `/api/v1/forum/spaces/${open.slug}/people?q=${encodeURIComponent("%_\\'")}`,
    });
    expect(odd.statusCode).toBe(200);
  });
});

describe('forum attachments', () => {
  it('should answer an upload that is not multipart, or not a document, with 415', async () => {
    const json = await t.injectAs(member, {
      method: 'POST',
      url: '/api/v1/forum/attachments',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const none = await t.injectAs(member, { method: 'POST', url: '/api/v1/forum/attachments' });
    expect(none.statusCode).toBe(415);
    const text = await t.injectAs(member, {
      method: 'POST',
      url: '/api/v1/forum/attachments',
      ...multipartFile('note.txt', Buffer.from('Solo testo, niente PDF.\n'), 'text/plain'),
    });
    expect(text.statusCode).toBe(415);
    // Calling a script a PDF does not make it one.
    const script = await t.injectAs(member, {
      method: 'POST',
      url: '/api/v1/forum/attachments',
      ...multipartFile('innocuo.pdf', Buffer.from('<script>alert(1)</script>'), 'application/pdf'),
    });
    expect(script.statusCode).toBe(415);
    const empty = await t.injectAs(member, {
      method: 'POST',
      url: '/api/v1/forum/attachments',
      ...multipartFile('vuoto.pdf', Buffer.alloc(0), 'application/pdf'),
    });
    expect(empty.statusCode).toBe(415);
  });

  it('should answer a multipart upload without the field "file" with 400', async () => {
    const m = multipartFile('verbale.pdf', PDF, 'application/pdf');
    const payload = Buffer.from(
      m.payload.toString('latin1').replace('name="file"', 'name="documento"'),
      'latin1',
    );
    const res = await t.injectAs(member, {
      method: 'POST',
      url: '/api/v1/forum/attachments',
      payload,
      headers: m.headers,
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('held threads', () => {
  it('should answer a held thread by its id with 404 to everyone but its author and the moderators', async () => {
    const holding = await space('members', { holdFirstPosts: true, moderatorIds: [moderator.id] });
    const fresh = await t.newUser({ name: 'Nina Nuova' });
    await t.addMember(org.id, fresh, 'operator');
    const newcomer = await t.login(fresh);
    const held = await thread(newcomer, holding.slug, 'discussion', 'Il mio primo thread');
    expect(held.status).toBe('held');
    const opening = await firstPost(newcomer, held.id);
    for (const url of [
      `/api/v1/forum/threads/${held.id}`,
      `/api/v1/forum/threads/${held.id}/posts`,
      `/api/v1/forum/posts/${opening.id}`,
      `/api/v1/forum/posts/${opening.id}/revisions`,
    ]) {
      for (const [who, status] of [
        [colleague, 404],
        [null, 404],
        [newcomer, 200],
        [moderator, 200],
        [staff, 200],
      ] as const)
        expect({
          url,
          who: who?.name ?? 'anonymous',
          status: (await t.injectAs(who, { method: 'GET', url })).statusCode,
        }).toEqual({
          url,
          who: who?.name ?? 'anonymous',
          status,
        });
    }
    for (const [method, url, payload] of [
      ['POST', `/api/v1/forum/threads/${held.id}/posts`, { body: 'Ciao' }],
      ['POST', `/api/v1/forum/threads/${held.id}/read`, { seq: 1 }],
      ['PUT', `/api/v1/forum/threads/${held.id}/watch`, { mode: 'daily' }],
      ['PUT', `/api/v1/forum/posts/${opening.id}/reactions/like`, undefined],
      ['POST', `/api/v1/forum/posts/${opening.id}/flags`, { reason: 'spam' }],
    ] as const) {
      const res = await t.injectAs(colleague, { method, url, ...(payload ? { payload } : {}) });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
    }
    const list = (
      await t.injectAs(colleague, { method: 'GET', url: `/api/v1/forum/threads?space=${holding.slug}` })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(held.id);
  });
  it('should keep a held post hidden from visitors once its author account is gone', async () => {
    const holding = await space('public', { holdFirstPosts: true, moderatorIds: [moderator.id] });
    const th = await thread(member, holding.slug, 'discussion', 'Aperto a tutti');
    const fresh = await t.newUser({ name: 'Nico Nuovo' });
    await t.addMember(org.id, fresh, 'operator');
    const newcomer = await t.login(fresh);
    const file = await upload(newcomer);
    const res = await t.injectAs(newcomer, {
      method: 'POST',
      url: `/api/v1/forum/threads/${th.id}/posts`,
      payload: { body: 'In attesa', attachmentIds: [file] },
    });
    expect(res.json().status).toBe('held');
    // What deleting the account does to its posts (author_id references users on delete set null).
    await sql`update forum_posts set author_id = null where id = ${res.json().id}`.execute(t.db);
    for (const url of [
      `/api/v1/forum/posts/${res.json().id}`,
      `/api/v1/forum/posts/${res.json().id}/revisions`,
      `/api/v1/forum/attachments/${file}`,
    ])
      expect({ url, status: (await t.injectAs(null, { method: 'GET', url })).statusCode }).toEqual({
        url,
        status: 404,
      });
    expect(
      (await t.injectAs(moderator, { method: 'GET', url: `/api/v1/forum/attachments/${file}` })).statusCode,
    ).toBe(200);
  });
});

describe('moderation counts', () => {
  it('should keep replyCount right through hide and restore, and take a new flag after a restore', async () => {
    const th = await thread(member, open.slug, 'discussion', 'Conteggi');
    const a = await reply(colleague, th.id, 'Prima risposta');
    await reply(colleague, th.id, 'Seconda risposta');
    const count = async () => {
      const detail = (
        await t.injectAs(member, { method: 'GET', url: `/api/v1/forum/threads/${th.id}` })
      ).json();
      const list = (
        await t.injectAs(member, { method: 'GET', url: `/api/v1/forum/threads?space=${open.slug}&limit=100` })
      ).json();
      const inList = list.items.find((i: { id: string }) => i.id === th.id)?.replyCount;
      expect(inList).toBe(detail.replyCount);
      return detail.replyCount as number;
    };
    const moderate = (action: string) =>
      t.injectAs(moderator, {
        method: 'POST',
        url: `/api/v1/forum/posts/${a.id}/moderate`,
        payload: { action },
      });
    const flag = () =>
      t.injectAs(member, {
        method: 'POST',
        url: `/api/v1/forum/posts/${a.id}/flags`,
        payload: { reason: 'offensive' },
      });
    expect(await count()).toBe(2);

    expect((await flag()).statusCode).toBe(201);
    expect((await moderate('hide')).json().status).toBe('hidden');
    expect(await count()).toBe(1);
    // Hiding twice is refused and changes nothing.
    expect((await moderate('hide')).statusCode).toBe(409);
    expect(await count()).toBe(1);
    // A hidden post takes no flags.
    expect((await flag()).statusCode).toBe(409);

    expect((await moderate('restore')).json().status).toBe('visible');
    expect(await count()).toBe(2);
    expect((await moderate('restore')).statusCode).toBe(409);
    expect((await moderate('approve')).statusCode).toBe(409);
    expect(await count()).toBe(2);

    // The earlier flag was decided: the same person may flag the post again.
    expect((await flag()).statusCode).toBe(201);
    const queue = (await t.injectAs(moderator, { method: 'GET', url: '/api/v1/forum/moderation' })).json();
    const item = queue.items.find((i: { post: { id: string } }) => i.post.id === a.id);
    expect(item?.flags.length).toBe(1);
    expect((await flag()).statusCode).toBe(409);
    expect((await moderate('dismiss_flags')).statusCode).toBe(200);
    expect(await count()).toBe(2);
  });
});
