import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import { snippetOf } from './search.service.js';

let t: TestContext;
let staff: TestUser;

const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function newEvent(body: Record<string, unknown>, as: TestUser = staff): Promise<string> {
  const res = await t.injectAs(as, {
    method: 'POST',
    url: '/api/v1/events',
    payload: {
      kind: 'national_event',
      format: 'online',
      onlineUrl: 'https://meet.example.org/x',
      startsAt: at(10),
      endsAt: at(10.1),
      status: 'published',
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`event: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function newResource(body: Record<string, unknown>): Promise<string> {
  const res = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/resources',
    payload: { kind: 'toolkit', status: 'published', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`resource: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

type Group = {
  kind: string;
  items: { id: string; title: string; snippet: string; path: string }[];
  more: boolean;
};

async function search(who: TestUser | null, query: string) {
  const res = await t.injectAs(who, { method: 'GET', url: `/api/v1/search?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as { q: string; groups: Group[] };
}

const idsOf = (body: { groups: Group[] }, kind: string) =>
  body.groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());

describe('search across Trama', () => {
  it('should find an Italian word by another form of it (stemming)', async () => {
    const tag = unique('st').replace('-', '');
    const id = await newEvent({ title: { it: `Giornata dell'accoglienza ${tag}` } });
    const body = await search(null, `q=${encodeURIComponent(`accoglienze ${tag}`)}&kinds=events`);
    expect(idsOf(body, 'events')).toEqual([id]);
    expect(body.groups[0]?.items[0]?.path).toBe(`/events/${id}`);
  });

  it('should ignore accents in both directions', async () => {
    const tag = unique('ac').replace('-', '');
    const course = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/courses',
      payload: {
        title: { it: `Economia della solidarietà ${tag}` },
        description: { it: 'Un percorso sulle reti di mutuo aiuto.' },
        audiences: ['operators'],
        format: 'online',
      },
    });
    expect(course.statusCode).toBe(201);
    // A draft course is for staff only.
    expect(idsOf(await search(null, `q=solidarieta+${tag}`), 'courses')).toEqual([]);
    expect(idsOf(await search(staff, `q=solidarieta+${tag}`), 'courses')).toEqual([course.json().id]);
  });

  it('should tolerate a typo in the name of an organisation', async () => {
    const org = await t.newOrganisation({ name: 'Associazione Mosaico Interculturale' });
    const body = await search(null, 'q=Mosaicco+Intercultrale&kinds=organisations');
    expect(idsOf(body, 'organisations')).toContain(org.id);
    expect(body.groups[0]?.items.find((i) => i.id === org.id)?.path).toBe(`/organisations/${org.slug}`);
  });

  it('should find an English word in an English-only description, and show the title in the reader language', async () => {
    const tag = unique('en').replace('-', '');
    const id = await newEvent({
      title: { it: `Laboratorio ${tag}`, en: `Workshop ${tag}` },
      description: { en: 'How to come together when newcomers arrive in town and need housing.' },
    });
    // "come" is an Italian stop word: only the `simple` configuration keeps it.
    const body = await search(null, `q=come+together+${tag}&lang=en&kinds=events`);
    expect(idsOf(body, 'events')).toEqual([id]);
    expect(body.groups[0]?.items[0]?.title).toBe(`Workshop ${tag}`);
    expect(body.groups[0]?.items[0]?.snippet).toContain('come together');
    const ar = await search(null, `q=${tag}&lang=ar&kinds=events`);
    expect(ar.groups[0]?.items[0]?.title).toBe(`Laboratorio ${tag}`);
  });

  it('should find Arabic words as written', async () => {
    const tag = unique('ar').replace('-', '');
    const id = await newEvent({ title: { it: `Incontro ${tag}`, ar: 'لقاء حول الإدماج' } });
    const body = await search(null, `q=${encodeURIComponent('الإدماج')}&lang=ar&kinds=events`);
    expect(idsOf(body, 'events')).toContain(id);
    expect(body.groups[0]?.items.find((i) => i.id === id)?.title).toBe('لقاء حول الإدماج');
  });

  it('should show each person only what they may see', async () => {
    const tag = unique('vis').replace('-', '');
    const prog = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { name: `Programma ${unique()}`, description: { it: 'Prova.' } },
    });
    const programmeSlug = prog.json().slug as string;
    const inside = await t.newOrganisation();
    const outside = await t.newOrganisation();
    await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/programmes/${programmeSlug}/organisations`,
      payload: { organisationSlug: inside.slug },
    });
    const a = await t.newUser();
    const b = await t.newUser();
    await t.addMember(inside.id, a, 'operator');
    await t.addMember(outside.id, b, 'delegate');
    const participant = await t.login(a);
    const member = await t.login(b);

    const title = (w: string) => ({ it: `Mediazione ${w} ${tag}` });
    const open = await newEvent({ title: title('aperta') });
    const members = await newEvent({ title: title('soci'), audience: 'members' });
    const programme = await newEvent({ title: title('programma'), audience: 'programme', programmeSlug });
    const draft = await newEvent({ title: title('bozza'), status: 'draft' });
    const resOpen = await newResource({ title: { it: `Guida mediazione ${tag}` } });
    const resMembers = await newResource({ title: { it: `Kit mediazione ${tag}` }, visibility: 'members' });
    const resProgramme = await newResource({
      title: { it: `Modello mediazione ${tag}` },
      visibility: 'programme',
      programmeSlug,
    });
    const hidden = await t.newOrganisation({ name: `Mediazione nascosta ${tag}`, visible: false });
    const applicant = await t.newOrganisation({ name: `Mediazione candidata ${tag}`, status: 'applicant' });

    const q = `q=mediazione+${tag}&limit=20`;
    const anon = await search(null, q);
    expect(new Set(idsOf(anon, 'events'))).toEqual(new Set([open]));
    expect(new Set(idsOf(anon, 'resources'))).toEqual(new Set([resOpen]));
    expect(idsOf(anon, 'organisations')).not.toContain(hidden.id);
    expect(idsOf(anon, 'organisations')).not.toContain(applicant.id);

    const m = await search(member, q);
    expect(new Set(idsOf(m, 'events'))).toEqual(new Set([open, members]));
    expect(new Set(idsOf(m, 'resources'))).toEqual(new Set([resOpen, resMembers]));

    const p = await search(participant, q);
    expect(new Set(idsOf(p, 'events'))).toEqual(new Set([open, members, programme]));
    expect(new Set(idsOf(p, 'resources'))).toEqual(new Set([resOpen, resMembers, resProgramme]));

    const s = await search(staff, q);
    expect(new Set(idsOf(s, 'events'))).toEqual(new Set([open, members, programme, draft]));
  });

  it('should show a proposed event to its organiser organisation and staff only', async () => {
    const tag = unique('pr').replace('-', '');
    const org = await t.newOrganisation();
    const u = await t.newUser();
    await t.addMember(org.id, u, 'org_admin');
    const manager = await t.login(u);
    const other = await t.newUser();
    const otherOrg = await t.newOrganisation();
    await t.addMember(otherOrg.id, other, 'org_admin');
    const outsider = await t.login(other);
    const id = await newEvent(
      {
        kind: 'local_event',
        organiserSlug: org.slug,
        title: { it: `Cena proposta ${tag}` },
        status: undefined,
      },
      manager,
    );
    expect(idsOf(await search(manager, `q=${tag}&kinds=events`), 'events')).toEqual([id]);
    expect(idsOf(await search(staff, `q=${tag}&kinds=events`), 'events')).toEqual([id]);
    expect(idsOf(await search(outsider, `q=${tag}&kinds=events`), 'events')).toEqual([]);
    expect(idsOf(await search(null, `q=${tag}&kinds=events`), 'events')).toEqual([]);
  });

  it('should group results by kind, in order, limited, saying when there are more', async () => {
    const tag = unique('gr').replace('-', '');
    for (let i = 0; i < 4; i++) await newEvent({ title: { it: `Festa ${i} ${tag}` } });
    await newResource({ title: { it: `Manuale ${tag}` } });
    const body = await search(null, `q=${tag}&limit=3`);
    expect(body.groups.map((g) => g.kind)).toEqual([
      'organisations',
      'events',
      'courses',
      'resources',
      'threads',
      'posts',
    ]);
    const events = body.groups.find((g) => g.kind === 'events');
    expect(events?.items).toHaveLength(3);
    expect(events?.more).toBe(true);
    expect(body.groups.find((g) => g.kind === 'resources')?.more).toBe(false);
    expect(body.groups.find((g) => g.kind === 'resources')?.items).toHaveLength(1);
    const only = await search(null, `q=${tag}&kinds=resources,events`);
    expect(only.groups.map((g) => g.kind)).toEqual(['events', 'resources']);
    expect(only.groups[0]).toMatchObject({ seeAllPath: `/events?q=${tag}` });
  });

  it('should refuse an empty, too long or malformed query with 400, never 500', async () => {
    const get = (url: string) => t.injectAs(null, { method: 'GET', url });
    const empty = await get('/api/v1/search?q=%20%20');
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('q');
    expect((await get('/api/v1/search')).statusCode).toBe(400);
    expect((await get(`/api/v1/search?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
    expect((await get(`/api/v1/search?q=${'a'.repeat(200)}`)).statusCode).toBe(200);
    expect((await get('/api/v1/search?q=x&kinds=forum')).statusCode).toBe(400);
    expect((await get('/api/v1/search?q=x&limit=0')).statusCode).toBe(400);
    expect((await get('/api/v1/search?q=x&limit=21')).statusCode).toBe(400);
    for (const q of ['"', "'", '!!', '& | !', '(((', '-', '%_\\', 'or or', ':*', '<->', '中文 😀']) {
      const res = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });
});

describe('snippets', () => {
  it('should centre the snippet on the word searched, ignoring accents', () => {
    const text = `${'Introduzione generale al tema. '.repeat(12)}Qui si parla di solidarietà tra vicini. ${'Fine. '.repeat(30)}`;
    const s = snippetOf(text, 'solidarieta');
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('solidarietà');
    expect(s.length).toBeLessThan(200);
  });
});
