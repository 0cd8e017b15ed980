// Resource library: files checked by content, versions, visibility of downloads, counts, text extraction
// and search, collections.
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
} from '../../../../test/app.js';
import { runDueJobs } from '../../jobs/jobs.js';
import { localFileStore } from '../files/file-store.js';
import { resourcesJobHandlers } from './resources.jobs.js';

let t: TestContext;
let staff: TestUser;

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

/** The smallest DOCX that Word and mammoth accept: content types, relationships and the document. */
function docxWith(text: string): Buffer {
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  };
  return Buffer.from(zipSync(files));
}

async function runJobs() {
  const ctx = {
    config: t.config,
    db: t.db,
    files: localFileStore(path.join(t.config.dataDir, 'files')),
    dbKind: 'pglite' as const,
  };
  // Other test files share the database and may have left extraction jobs: run until none is due.
  const total = { done: 0, failed: 0 };
  for (;;) {
    const r = await runDueJobs(t.db, resourcesJobHandlers(ctx));
    if (r.done + r.failed === 0) return total;
    total.done += r.done;
    total.failed += r.failed;
  }
}

async function newResource(body: Record<string, unknown> = {}, who: TestUser = staff) {
  const res = await t.injectAs(who, {
    method: 'POST',
    url: '/api/v1/resources',
    payload: { kind: 'toolkit', title: { it: `Toolkit ${unique()}` }, status: 'published', ...body },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; status: string };
}

async function upload(id: string, name: string, data: Buffer, who: TestUser = staff, note?: string) {
  const mp = multipartFile(name, data);
  let payload = mp.payload;
  if (note !== undefined) {
    const boundary = mp.headers['content-type'].split('boundary=')[1];
    payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${note}\r\n`),
      mp.payload,
    ]);
  }
  return t.injectAs(who, { method: 'POST', url: `/api/v1/resources/${id}/versions`, ...mp, payload });
}

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());

describe('resource files', () => {
  it('should recognise a PDF renamed .docx as a PDF and keep its checksum', async () => {
    const r = await newResource();
    const pdf = await pdfWith('Guida pratica');
    const res = await upload(r.id, 'guida.docx', pdf);
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v.contentType).toBe('application/pdf');
    expect(v.filename).toBe('guida.pdf');
    expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dl = await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}/download` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
  });

  it('should refuse an executable, an HTML page and an SVG image', async () => {
    const r = await newResource();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const [name, data] of [
      ['setup.pdf', exe],
      ['page.pdf', html],
      ['image.png', svg],
    ] as const) {
      const res = await upload(r.id, name, data);
      expect([400, 415]).toContain(res.statusCode);
    }
    const detail = await t.injectAs(staff, { method: 'GET', url: `/api/v1/resources/${r.id}` });
    expect(detail.json().versions).toEqual([]);
  });

  it('should refuse a file over 50 MB with 413', async () => {
    const r = await newResource();
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x20);
    Buffer.from('%PDF-1.4\n').copy(big);
    const res = await upload(r.id, 'big.pdf', big);
    expect(res.statusCode).toBe(413);
  });

  it('should refuse a file for a recording, which is a link', async () => {
    const r = await newResource({ kind: 'recording', linkUrl: 'https://video.example.org/1' });
    const res = await upload(r.id, 'a.pdf', await pdfWith('x'));
    expect(res.statusCode).toBe(409);
  });

  it('should keep every version, show the newest as current and serve old ones on request', async () => {
    const r = await newResource();
    const v1 = await pdfWith('Prima edizione');
    const v2 = await pdfWith('Seconda edizione');
    expect((await upload(r.id, 'a.pdf', v1)).statusCode).toBe(201);
    const second = await upload(r.id, 'a.pdf', v2, staff, 'Aggiornati i contatti');
    expect(second.json()).toMatchObject({ number: 2, note: 'Aggiornati i contatti' });
    const detail = (await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}` })).json();
    expect(detail.current.number).toBe(2);
    expect(detail.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const cur = await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}/download` });
    expect(cur.rawPayload.equals(v2)).toBe(true);
    const old = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/resources/${r.id}/download?version=1`,
    });
    expect(old.rawPayload.equals(v1)).toBe(true);
    const none = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/resources/${r.id}/download?version=9`,
    });
    expect(none.statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', r.id).execute();
    expect(audit.map((a) => a.action)).toContain('version_uploaded');
  });

  it('should count each download of the item', async () => {
    const r = await newResource();
    await upload(r.id, 'a.pdf', await pdfWith('contatore'));
    for (let i = 0; i < 3; i++)
      await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}/download` });
    await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}/download?version=1` });
    const detail = (await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}` })).json();
    expect(detail.downloadCount).toBe(4);
  });
});

describe('who may see and download', () => {
  it('should hide members-only files from anonymous visitors, old versions included', async () => {
    const org = await t.newOrganisation();
    const member = await t.newUser();
    await t.addMember(org.id, member, 'operator');
    const m = await t.login(member);
    const r = await newResource({ visibility: 'members' });
    await upload(r.id, 'a.pdf', await pdfWith('uno'));
    await upload(r.id, 'a.pdf', await pdfWith('due'));
    for (const url of [
      `/api/v1/resources/${r.id}`,
      `/api/v1/resources/${r.id}/download`,
      `/api/v1/resources/${r.id}/download?version=1`,
      `/api/v1/resources/${r.id}/versions`,
    ]) {
      expect((await t.injectAs(null, { method: 'GET', url })).statusCode).toBe(404);
      expect((await t.injectAs(m, { method: 'GET', url })).statusCode).toBe(200);
    }
    const list = (await t.injectAs(null, { method: 'GET', url: '/api/v1/resources?limit=100' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(r.id);
  });

  it('should let only participants of the programme download a programme item', async () => {
    const prog = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { name: `Programma ${unique()}`, description: { it: 'Prova.' } },
    });
    const slug = prog.json().slug as string;
    const inside = await t.newOrganisation();
    const outside = await t.newOrganisation();
    await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/programmes/${slug}/organisations`,
      payload: { organisationSlug: inside.slug },
    });
    const a = await t.newUser();
    const b = await t.newUser();
    await t.addMember(inside.id, a, 'operator');
    await t.addMember(outside.id, b, 'operator');
    const participant = await t.login(a);
    const otherMember = await t.login(b);
    const r = await newResource({ visibility: 'programme', programmeSlug: slug });
    await upload(r.id, 'a.pdf', await pdfWith('programma'));
    const url = `/api/v1/resources/${r.id}/download`;
    expect((await t.injectAs(participant, { method: 'GET', url })).statusCode).toBe(200);
    expect((await t.injectAs(otherMember, { method: 'GET', url })).statusCode).toBe(404);
    expect((await t.injectAs(null, { method: 'GET', url })).statusCode).toBe(404);
  });

  it('should keep drafts to staff and the author organisation', async () => {
    const org = await t.newOrganisation();
    const admin = await t.newUser();
    await t.addMember(org.id, admin, 'org_admin');
    const oa = await t.login(admin);
    const r = await newResource({ status: 'draft', organisationSlug: org.slug }, oa);
    expect((await t.injectAs(oa, { method: 'GET', url: `/api/v1/resources/${r.id}` })).statusCode).toBe(200);
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}` })).statusCode).toBe(
      404,
    );
    const pub = await t.injectAs(oa, {
      method: 'PATCH',
      url: `/api/v1/resources/${r.id}`,
      payload: { status: 'published' },
    });
    expect(pub.json().status).toBe('published');
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}` })).statusCode).toBe(
      200,
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'to_status'])
      .where('entity_id', '=', r.id)
      .execute();
    expect(audit).toContainEqual({ action: 'published', to_status: 'published' });
  });

  it('should refuse an organisation operator adding an item for another organisation', async () => {
    const mine = await t.newOrganisation();
    const theirs = await t.newOrganisation();
    const u = await t.newUser();
    await t.addMember(mine.id, u, 'operator');
    const op = await t.login(u);
    const res = await t.injectAs(op, {
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'report', title: { it: 'Rapporto' }, organisationSlug: theirs.slug },
    });
    expect(res.statusCode).toBe(403);
  });

  it('should explain a missing Italian title and a recording without link with 400', async () => {
    const res = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'recording', title: { en: 'Only English' } },
    });
    expect(res.statusCode).toBe(400);
    const paths = JSON.stringify(res.json().error.details);
    expect(paths).toContain('it');
    expect(paths).toContain('linkUrl');
  });
});

describe('text extraction and search', () => {
  it('should find an item by a word that appears only inside its PDF', async () => {
    const word = `zibaldone${unique('')
      .slice(1, 7)
      .replace(/[^a-z]/g, 'q')}`;
    const r = await newResource({ title: { it: 'Manuale di accoglienza' } });
    await upload(
      r.id,
      'manuale.pdf',
      await pdfWith(`Questo manuale descrive il metodo ${word} per le comunità.`),
    );
    const before = (await t.injectAs(null, { method: 'GET', url: `/api/v1/resources?q=${word}` })).json();
    expect(before.items).toEqual([]);
    await runJobs();
    const after = (await t.injectAs(null, { method: 'GET', url: `/api/v1/resources?q=${word}` })).json();
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    const versions = (
      await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}/versions` })
    ).json();
    expect(versions.items[0].extraction).toBe('done');
  });

  it('should find an item by an Italian word inside its DOCX, stemmed', async () => {
    const r = await newResource({ title: { it: 'Modello di convenzione' } });
    await upload(
      r.id,
      'modello.docx',
      docxWith('Le associazioni firmatarie si impegnano alla mentorizzazione reciproca.'),
    );
    await runJobs();
    const found = (
      await t.injectAs(null, { method: 'GET', url: '/api/v1/resources?q=mentorizzazioni' })
    ).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(r.id);
  });

  it('should leave the text empty with the error recorded when a file is corrupt', async () => {
    const r = await newResource();
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x41)]);
    const up = await upload(r.id, 'rotto.pdf', broken);
    expect(up.statusCode).toBe(201);
    const res = await runJobs();
    expect(res.failed).toBe(0);
    const v = (await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}/versions` })).json();
    expect(v.items[0].extraction).toBe('failed');
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${r.id}` })).statusCode).toBe(
      200,
    );
  });

  it('should filter by kind and page through results without repeats', async () => {
    const tag = unique('tag').replace(/[^a-z]/g, '');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await newResource({ kind: 'factsheet', tags: [tag] })).id);
    await newResource({ kind: 'report', tags: [tag] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/resources?q=${tag}&kind=factsheet&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.injectAs(null, { method: 'GET', url })).json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.sort());
    const bad = await t.injectAs(null, { method: 'GET', url: '/api/v1/resources?cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('collections', () => {
  it('should keep the order staff give and show only items the reader may see', async () => {
    const a = await newResource();
    const b = await newResource();
    const hidden = await newResource({ visibility: 'members' });
    const res = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/resource-collections',
      payload: { title: { it: 'Community Matching Toolkit' }, resourceIds: [b.id, hidden.id, a.id] },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const pub = (await t.injectAs(null, { method: 'GET', url: `/api/v1/resource-collections/${id}` })).json();
    expect(pub.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id]);
    await t.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/resource-collections/${id}`,
      payload: { resourceIds: [a.id, b.id] },
    });
    const again = (
      await t.injectAs(staff, { method: 'GET', url: `/api/v1/resource-collections/${id}` })
    ).json();
    expect(again.items.map((i: { id: string }) => i.id)).toEqual([a.id, b.id]);
    const filtered = (
      await t.injectAs(null, { method: 'GET', url: `/api/v1/resources?collection=${id}` })
    ).json();
    expect(filtered.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
  });
});
