// Tolerance of typos: a word found in no text is replaced by the nearest word that exists, in the one
// search and in the library's list, without ever showing what the person may not see.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type TestContext, type TestUser } from '../../../../test/app.js';
import { runDueJobs } from '../../jobs/jobs.js';
import { localFileStore } from '../files/file-store.js';
import { resourcesJobHandlers } from '../resources/resources.jobs.js';
import { addSearchWords, correctQuery } from './search.words.js';

let t: TestContext;
let staff: TestUser;

/** A made-up word of letters only, so it is a word of the vocabulary and of the full-text search. */
const tag = () => `tg${Array.from({ length: 7 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

async function runJobs() {
  const ctx = {
    config: t.config,
    db: t.db,
    files: localFileStore(path.join(t.config.dataDir, 'files')),
    dbKind: 'pglite' as const,
  };
  // Other test files share the database and may have left jobs: run until none is due.
  for (;;) {
    const r = await runDueJobs(t.db, resourcesJobHandlers(ctx));
    if (r.done + r.failed === 0) return;
  }
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

async function withPdf(id: string, text: string): Promise<void> {
  const mp = multipartFile('guida.pdf', await pdfWith(text));
  const res = await t.injectAs(staff, { method: 'POST', url: `/api/v1/resources/${id}/versions`, ...mp });
  expect(res.statusCode).toBe(201);
  await runJobs();
}

async function newEvent(body: Record<string, unknown>): Promise<string> {
  const res = await t.injectAs(staff, {
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

type Body = { q: string; correctedQuery: string | null; groups: { kind: string; items: { id: string }[] }[] };

async function search(who: TestUser | null, q: string, extra = ''): Promise<Body> {
  const res = await t.injectAs(who, {
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=20${extra}`,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as Body;
}

const ids = (body: Body) => body.groups.flatMap((g) => g.items.map((i) => i.id));

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());

describe('typos in the search', () => {
  it('should find a resource by a misspelled word that occurs only inside its PDF', async () => {
    const k = tag();
    const id = await newResource({ title: { it: `Guida ${k}` } });
    await withPdf(id, 'Un percorso di integrazione per le famiglie appena arrivate.');

    const body = await search(null, `integrazoine ${k}`);
    expect(body.q).toBe(`integrazoine ${k}`);
    expect(body.correctedQuery).toBe(`integrazione ${k}`);
    expect(ids(body)).toEqual([id]);
    const resources = body.groups.find((g) => g.kind === 'resources');
    expect(resources?.items.map((i) => i.id)).toEqual([id]);

    const list = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/resources?q=${encodeURIComponent(`Integrazoine ${k}`)}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().correctedQuery).toBe(`integrazione ${k}`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('should leave a query alone when its words occur in some text', async () => {
    const k = tag();
    const id = await newResource({
      title: { it: `Scheda ${k}` },
      summary: { it: 'Sulla mediazione culturale.' },
    });
    const body = await search(null, `Mediazione ${k}`);
    expect(body.correctedQuery).toBeNull();
    expect(ids(body)).toEqual([id]);
    expect((await correctQuery(t.db, `mediazione culturale ${k}`)).corrected).toBeNull();
    const list = await t.injectAs(null, { method: 'GET', url: `/api/v1/resources?q=mediazione+${k}` });
    expect(list.json()).not.toHaveProperty('correctedQuery');
  });

  it('should find an organisation by its name typed with a mistake', async () => {
    const k = tag();
    const org = await t.newOrganisation();
    // Saved through the profile, as an organisation admin or staff does, so its words reach the vocabulary.
    const saved = await t.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}`,
      payload: { name: `Cooperativa Melograno ${k}` },
    });
    expect(saved.statusCode).toBe(200);
    expect((await correctQuery(t.db, `Melogrnao ${k}`)).corrected).toBe(`melograno ${k}`);
    const body = await search(null, `Melogrnao ${k}`, '&kinds=organisations');
    expect(ids(body)).toEqual([org.id]);
  });

  it('should correct a mistyped English word', async () => {
    const k = tag();
    const id = await newEvent({
      title: { it: `Laboratorio ${k}`, en: `Workshop ${k}` },
      description: { en: 'Tenants and landlords talk about affordable housing in town.' },
    });
    const body = await search(null, `affordalbe housnig ${k}`, '&lang=en');
    expect(body.correctedQuery).toBe(`affordable housing ${k}`);
    expect(ids(body)).toEqual([id]);
  });

  it('should correct an Arabic word typed with one wrong letter', async () => {
    const k = tag();
    const id = await newEvent({
      title: { it: `Incontro ${k}` },
      description: { ar: 'لقاء مفتوح مع المهاجرين الجدد في المدينة' },
    });
    // ي typed as ب: one letter off.
    const body = await search(null, `المهاجربن ${k}`, '&lang=ar');
    expect(body.correctedQuery).toBe(`المهاجرين ${k}`);
    expect(ids(body)).toEqual([id]);
  });

  it('should not show an item hidden from the visitor through a corrected word', async () => {
    const k = tag();
    const id = await newResource({
      title: { it: `Protocollo ${k}` },
      summary: { it: 'Procedura di ricongiungimento familiare per i soci.' },
      visibility: 'members',
    });
    const typo = `ricongiungimneto ${k}`;
    const anonymous = await search(null, typo);
    expect(ids(anonymous)).toEqual([]);
    // Not even the corrected words: they would tell what the hidden item says.
    expect(anonymous.correctedQuery).toBeNull();
    const list = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/resources?q=${encodeURIComponent(typo)}`,
    });
    expect(list.json()).toEqual({ items: [], nextCursor: null });

    const org = await t.newOrganisation();
    const user = await t.newUser();
    await t.addMember(org.id, user, 'operator');
    const member = await t.login(user);
    const found = await search(member, typo);
    expect(found.correctedQuery).toBe(`ricongiungimento ${k}`);
    expect(ids(found)).toEqual([id]);
  });

  it('should give no results and no correction for a word like nothing in any text', async () => {
    const body = await search(null, 'xqzvbkwj');
    expect(body.correctedQuery).toBeNull();
    expect(ids(body)).toEqual([]);
    expect((await correctQuery(t.db, 'xqzvbkwj wpfqhzx')).corrected).toBeNull();
  });

  it('should leave short words, numbers and punctuation as they were typed', async () => {
    const k = tag();
    await addSearchWords(t.db, `Calendario ${k} 2026`);
    expect((await correctQuery(t.db, `"calendaroi" ${k} 2026 - sua`)).corrected).toBe(
      `"calendario" ${k} 2026 - sua`,
    );
    expect((await correctQuery(t.db, '2026 !! <->')).corrected).toBeNull();
  });
});
