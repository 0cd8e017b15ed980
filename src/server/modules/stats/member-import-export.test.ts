import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
} from '../../../../test/app.js';

let ctx: TestContext;
let staff: TestUser;
let member: TestUser;

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await ctx.newUser({ networkRole: 'staff' });
  const org = await ctx.newOrganisation();
  member = await ctx.newUser();
  await ctx.addMember(org.id, member, 'org_admin');
  member = await ctx.login(member);
});
afterAll(() => ctx.close());

const multipart = multipartFile;

type ImportBody = {
  dryRun: boolean;
  summary: { create: number; skip: number; error: number };
  rows: Array<{
    row: number;
    name: string;
    action: string;
    errors: Array<{ field: string; message: string }>;
  }>;
};

async function importFile(filename: string, data: Buffer, dryRun: boolean, user: TestUser | null = staff) {
  return ctx.injectAs(user, {
    method: 'POST',
    url: `/api/v1/imports/members?dryRun=${dryRun}`,
    ...multipart(filename, data),
  });
}

const countOrganisations = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('organisations')
        .select((e) => e.fn.countAll<number>().as('c'))
        .executeTakeFirstOrThrow()
    ).c,
  );

// Valid Italian tax codes: 11 digits with check digit, and a 16-character personal code.
const TAX_A = '80012000826';
const TAX_B = '00743110157';
const TAX_PERSON = 'RSSMRA85T10A562S';

describe('member export', () => {
  it('should export members and suspended members as CSV with Italian headers and a BOM', async () => {
    const name = `Export Uno ${unique()}`;
    await ctx.newOrganisation({ name, status: 'suspended' });
    const departed = await ctx.newOrganisation({ status: 'departed' });
    const res = await ctx.injectAs(staff, { method: 'GET', url: '/api/v1/exports/members.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="aderenti-.*\.csv"/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(
      /^nome;sigla;tipo;forma_giuridica;codice_fiscale;runts;indirizzo;cap;comune;provincia/,
    );
    expect(text).toContain(name);
    expect(text).toContain('sospesa');
    expect(text).not.toContain(departed.name);
  });

  it('should export XLSX readable by Excel tools', async () => {
    const name = `Export Due ${unique()}`;
    await ctx.newOrganisation({ name, kind: 'foundation', legalForm: 'foundation' });
    const res = await ctx.injectAs(staff, { method: 'GET', url: '/api/v1/exports/members.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(1).getCell(1).value).toBe('nome');
    let found: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === name) found = r;
    });
    expect(found?.getCell(3).value).toBe('Fondazione');
  });

  it('should be for staff only', async () => {
    for (const url of ['/api/v1/exports/members.csv', '/api/v1/exports/members.xlsx']) {
      expect((await ctx.injectAs(null, { method: 'GET', url })).statusCode).toBe(401);
      expect((await ctx.injectAs(member, { method: 'GET', url })).statusCode).toBe(403);
    }
  });

  it('should report every row of a re-imported export as skip, in CSV and XLSX, writing nothing', async () => {
    for (const format of ['csv', 'xlsx']) {
      const exported = await ctx.injectAs(staff, { method: 'GET', url: `/api/v1/exports/members.${format}` });
      const before = await countOrganisations();
      const res = await importFile(`aderenti.${format}`, exported.rawPayload, true);
      expect(res.statusCode).toBe(200);
      const body = res.json() as ImportBody;
      expect(body.dryRun).toBe(true);
      expect(body.rows.length).toBeGreaterThan(0);
      expect(body.rows.filter((r) => r.action !== 'skip')).toEqual([]);
      expect(body.summary).toEqual({ create: 0, skip: body.rows.length, error: 0 });
      expect(await countOrganisations()).toBe(before);
    }
  });
});

describe('member import', () => {
  const header =
    'nome,sigla,tipo,forma_giuridica,codice_fiscale,cap,comune,provincia,ambiti,lingue,visibile,email';

  it('should report errors row by row in a dry run and write nothing', async () => {
    const u = unique();
    const csv = [
      header,
      `Valida ${u},,local_association,aps,,00184,Roma,RM,Accoglienza;legal_aid,it;ar,sì,info@example.org`,
      `Codice Sbagliato ${u},,local_association,aps,80012000827,20100,Milano,MI,,,no,`,
      `Provincia Ignota ${u},,local_association,aps,,,Roma,XX,,,no,`,
      `,,local_association,aps,,,Roma,RM,,,no,`,
      `Tipo Strano ${u},,astronave,xyz,,,Roma,RM,ambito inventato,qq,forse,non-una-mail`,
    ].join('\n');
    const before = await countOrganisations();
    const auditBefore = await ctx.db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow();
    const res = await importFile('soci.csv', Buffer.from(csv), true);
    expect(res.statusCode).toBe(200);
    const body = res.json() as ImportBody;
    expect(body.summary).toEqual({ create: 1, skip: 0, error: 4 });
    const [ok, tax, prov, noName, many] = body.rows;
    expect(ok).toEqual({ row: 2, name: `Valida ${u}`, action: 'create', errors: [] });
    expect(tax?.action).toBe('error');
    expect(tax?.errors.map((e) => e.field)).toEqual(['tax_code']);
    expect(prov?.errors).toEqual([{ field: 'province', message: "unknown code 'XX'" }]);
    expect(noName).toMatchObject({
      row: 5,
      action: 'error',
      errors: [{ field: 'name', message: 'required' }],
    });
    expect(many?.errors.map((e) => e.field).sort()).toEqual(
      ['email', 'fields', 'kind', 'languages', 'legal_form', 'visible'].sort(),
    );
    expect(await countOrganisations()).toBe(before);
    const auditAfter = await ctx.db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.c)).toBe(Number(auditBefore.c));
  });

  it('should create valid rows as members like approved ones, skip duplicates, and audit each creation', async () => {
    const u = unique();
    const existing = await ctx.newOrganisation({ name: `Omonima ${u}`, municipality: 'Roma' });
    const csv = [
      header,
      `Nuova Uno ${u},NU,Associazione guidata da rifugiati,ODV,${TAX_A},00184,Roma,rm,Accoglienza;legal_aid,it;ar,sì,uno@example.org`,
      `Nuova Due ${u},,cooperative,Cooperativa sociale,${TAX_PERSON},20121,Milano,Milano,,en,no,`,
      `Omonima ${u},,local_association,aps,,,Roma,RM,,,,`,
      `Omonima ${u},,local_association,aps,,,Torino,TO,,,,`,
      `Doppione ${u},,local_association,aps,${TAX_A},,Napoli,NA,,,,`,
      `Rotta ${u},,local_association,aps,,,Roma,XX,,,,`,
    ].join('\n');
    const before = await countOrganisations();
    const res = await importFile('soci.csv', Buffer.from(csv), false);
    expect(res.statusCode).toBe(200);
    const body = res.json() as ImportBody;
    expect(body.dryRun).toBe(false);
    expect(body.rows.map((r) => r.action)).toEqual(['create', 'create', 'skip', 'create', 'skip', 'error']);
    expect(body.rows[2]?.errors[0]?.message).toContain(existing.slug);
    expect(body.rows[4]?.errors[0]).toEqual({ field: 'tax_code', message: 'same tax code as row 2' });
    expect(await countOrganisations()).toBe(before + 3);

    const one = await ctx.db
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', `Nuova Uno ${u}`)
      .executeTakeFirstOrThrow();
    expect(one).toMatchObject({
      status: 'member',
      kind: 'refugee_led_association',
      legal_form: 'odv',
      tax_code: TAX_A,
      province_code: 'RM',
      region_code: '12',
      postal_code: '00184',
      visible: true,
      languages: ['it', 'ar'],
      email: 'uno@example.org',
    });
    expect(one.slug).toBe(`nuova-uno-${u.toLowerCase()}`);
    expect(one.joined_at).toBeInstanceOf(Date);
    const fields = await ctx.db
      .selectFrom('organisation_fields as of')
      .innerJoin('fields_of_activity as f', 'f.id', 'of.field_id')
      .where('of.organisation_id', '=', one.id)
      .select('f.slug')
      .orderBy('f.slug')
      .execute();
    expect(fields.map((f) => f.slug)).toEqual(['legal_aid', 'reception']);
    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('entity_id', '=', one.id).execute();
    expect(audit).toMatchObject([
      { entity_type: 'organisation', action: 'imported', to_status: 'member', actor_user_id: staff.id },
    ]);

    const two = await ctx.db
      .selectFrom('organisations')
      .select(['region_code', 'province_code', 'legal_form', 'visible'])
      .where('name', '=', `Nuova Due ${u}`)
      .executeTakeFirstOrThrow();
    expect(two).toEqual({
      region_code: '03',
      province_code: 'MI',
      legal_form: 'social_cooperative',
      visible: false,
    });

    const homonym = await ctx.db
      .selectFrom('organisations')
      .select('slug')
      .where('name', '=', `Omonima ${u}`)
      .where('municipality', '=', 'Torino')
      .executeTakeFirstOrThrow();
    expect(homonym.slug).toBe(`omonima-${u.toLowerCase()}`);

    // Importing the same file again creates nothing more.
    const again = (await importFile('soci.csv', Buffer.from(csv), false)).json() as ImportBody;
    expect(again.summary).toEqual({ create: 0, skip: 5, error: 1 });
    expect(await countOrganisations()).toBe(before + 3);
  });

  it('should give an imported organisation a suffixed slug when the name is taken', async () => {
    const u = unique();
    const name = `Stesso Nome ${u}`;
    const csv = [
      header,
      `${name},,local_association,aps,,,Bari,BA,,,,`,
      `${name},,local_association,aps,,,Lecce,LE,,,,`,
    ].join('\n');
    const body = (await importFile('soci.csv', Buffer.from(csv), false)).json() as ImportBody;
    expect(body.summary.create).toBe(2);
    const slugs = await ctx.db
      .selectFrom('organisations')
      .select('slug')
      .where('name', '=', name)
      .orderBy('slug')
      .execute();
    const base = `stesso-nome-${u.toLowerCase()}`;
    expect(slugs.map((s) => s.slug)).toEqual([base, `${base}-2`]);
  });

  it('should read a semicolon CSV with a BOM, Italian labels and English headers alike', async () => {
    const u = unique();
    const csv = [
      'Nome;Tipo;Forma giuridica;Codice fiscale;Comune;Provincia;Descrizione;Data adesione',
      `Città Aperta ${u};Associazione locale;APS;${TAX_B};Firenze;FI;"Accoglienza; corsi di italiano";15/03/2024`,
    ].join('\r\n');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    const body = (await importFile('soci.csv', bom, false)).json() as ImportBody;
    expect(body.rows).toEqual([{ row: 2, name: `Città Aperta ${u}`, action: 'create', errors: [] }]);
    const row = await ctx.db
      .selectFrom('organisations')
      .select(['slug', 'kind', 'legal_form', 'region_code', 'description', 'joined_at'])
      .where('tax_code', '=', TAX_B)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'local_association', legal_form: 'aps', region_code: '09' });
    expect(row.slug).toBe(`citta-aperta-${u.toLowerCase()}`);
    expect(row.description).toEqual({ it: 'Accoglienza; corsi di italiano' });
    expect(row.joined_at?.toISOString().slice(0, 10)).toBe('2024-03-15');

    const english = [
      'name,kind,legal_form,municipality,province,languages',
      `English ${u},company,company,Genova,GE,en fr`,
    ].join('\n');
    const eb = (await importFile('members.csv', Buffer.from(english), true)).json() as ImportBody;
    expect(eb.rows[0]?.action).toBe('create');
  });

  it('should import an XLSX file, keeping leading zeros that Excel dropped from numbers', async () => {
    const u = unique();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Soci');
    ws.addRow([
      'nome',
      'tipo',
      'forma_giuridica',
      'cap',
      'comune',
      'provincia',
      'sito',
      'visibile',
      'data_adesione',
    ]);
    ws.addRow([
      `Foglio ${u}`,
      'foundation',
      'foundation',
      184,
      'Roma',
      'RM',
      'www.example.org',
      true,
      new Date('2023-05-10'),
    ]);
    ws.addRow([
      { richText: [{ text: `Ricco ${u}` }] },
      'other',
      'none',
      '10121',
      'Torino',
      'TO',
      '',
      'no',
      '',
    ]);
    ws.addRow([`Sbagliata ${u}`, 'other', 'none', '1', 'Torino', 'TO', '', 'no', '']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    const before = await countOrganisations();
    const dry = (await importFile('soci.xlsx', data, true)).json() as ImportBody;
    expect(dry.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'error'],
    ]);
    expect(dry.rows[2]?.errors).toEqual([{ field: 'postal_code', message: 'must be 5 digits' }]);
    expect(await countOrganisations()).toBe(before);

    const real = (await importFile('soci.xlsx', data, false)).json() as ImportBody;
    expect(real.summary).toEqual({ create: 2, skip: 0, error: 1 });
    const org = await ctx.db
      .selectFrom('organisations')
      .select(['postal_code', 'website', 'visible', 'joined_at'])
      .where('name', '=', `Foglio ${u}`)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({ postal_code: '00184', website: 'https://www.example.org', visible: true });
    expect(org.joined_at?.toISOString().slice(0, 10)).toBe('2023-05-10');
  });

  it('should refuse files that are not spreadsheets, too big, too long or without a name column', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const tooBig = await importFile('big.csv', big, true);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const rows = ['nome,tipo', ...Array.from({ length: 5001 }, (_, i) => `Org ${i},other`)].join('\n');
    const tooLong = await importFile('long.csv', Buffer.from(rows), true);
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json().error.message).toContain('5000');

    const noName = await importFile('x.csv', Buffer.from('tipo,comune\nother,Roma'), true);
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details.fields[0].path).toBe('file');

    const binary = await importFile('x.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), true);
    expect(binary.statusCode).toBe(415);

    const brokenZip = await importFile('x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), true);
    expect(brokenZip.statusCode).toBe(400);

    const json = await ctx.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/imports/members',
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(415);

    const badQuery = await ctx.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/imports/members?dryRun=maybe',
      ...multipart('x.csv', Buffer.from('nome\nX')),
    });
    expect(badQuery.statusCode).toBe(400);
  });

  it('should be for staff only', async () => {
    const csv = Buffer.from(`nome,tipo,forma_giuridica,comune,provincia\nX ${unique()},other,none,Roma,RM`);
    expect((await importFile('x.csv', csv, true, null)).statusCode).toBe(401);
    expect((await importFile('x.csv', csv, false, member)).statusCode).toBe(403);
  });
});
