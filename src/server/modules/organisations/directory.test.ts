import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';

let t: TestContext;

/** A made-up word no other test uses, so a search isolates this file's organisations. */
const word = () => `zq${Array.from({ length: 9 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;

async function giveFields(organisationId: string, slugs: string[]) {
  const fields = await t.db
    .selectFrom('fields_of_activity')
    .select(['id'])
    .where('slug', 'in', slugs)
    .execute();
  await t.db
    .insertInto('organisation_fields')
    .values(fields.map((f) => ({ organisation_id: organisationId, field_id: f.id })))
    .execute();
}

const search = async (query: string) => {
  const res = await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    items: Array<{
      slug: string;
      name: string;
      fields: string[];
      regionName: string | null;
      summary: string;
    }>;
    total: number;
    facets: Record<string, Array<{ value: string; label: string; count: number }>>;
  };
};
const facet = (r: Awaited<ReturnType<typeof search>>, name: string) =>
  Object.fromEntries(r.facets[name]?.map((f) => [f.value, f.count]) ?? []);

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('public directory', () => {
  const tag = word();
  let a: { slug: string; id: string };
  let b: { slug: string; id: string };
  let c: { slug: string; id: string };
  const hidden: string[] = [];
  const programmeSlug = `prog-${tag}`;

  beforeAll(async () => {
    const description = {
      it: `Organizzazione ${tag} che lavora con le persone rifugiate.`,
      en: `Works with refugees ${tag}.`,
    };
    a = await t.newOrganisation({
      name: `Alfa ${tag}`,
      regionCode: '12',
      provinceCode: 'RM',
      kind: 'refugee_led_association',
      legalForm: 'aps',
      languages: ['it', 'ar'],
      modules: ['training_package'],
      description,
    });
    b = await t.newOrganisation({
      name: `Beta ${tag}`,
      regionCode: '03',
      provinceCode: 'MI',
      kind: 'local_association',
      legalForm: 'odv',
      languages: ['it'],
      modules: ['supervision'],
      municipality: 'Milano',
      description,
    });
    c = await t.newOrganisation({
      name: `Gamma ${tag}`,
      regionCode: '03',
      provinceCode: 'MI',
      kind: 'refugee_led_association',
      legalForm: 'aps',
      languages: ['fr'],
      modules: [],
      municipality: 'Milano',
      description,
    });
    await giveFields(a.id, ['reception']);
    await giveFields(b.id, ['reception', 'housing']);
    await giveFields(c.id, ['health']);
    const prog = await t.db
      .insertInto('programmes')
      .values({
        slug: programmeSlug,
        name: `Programma ${tag}`,
        year: 2026,
        parent_id: null,
        starts_on: null,
        ends_on: null,
        description: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('programme_organisations')
      .values({ programme_id: prog.id, organisation_id: a.id })
      .execute();
    for (const opts of [
      { status: 'suspended' as const, visible: true },
      { status: 'departed' as const, visible: true },
      { status: 'applicant' as const, visible: true },
      { status: 'member' as const, visible: false },
    ]) {
      const o = await t.newOrganisation({
        ...opts,
        name: `Nascosta ${opts.status} ${tag}`,
        description,
        regionCode: '12',
      });
      await giveFields(o.id, ['reception']);
      hidden.push(o.slug);
    }
  });

  it('should list only visible members, never suspended, departed, applicant or invisible ones', async () => {
    const r = await search(`q=${tag}&pageSize=100`);
    expect(r.items.map((i) => i.slug).sort()).toEqual([a.slug, b.slug, c.slug].sort());
    expect(r.total).toBe(3);
    const all = await search(`region=12&pageSize=100&sort=newest`);
    for (const s of hidden) expect(all.items.some((i) => i.slug === s)).toBe(false);
    for (const s of hidden) {
      expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${s}` })).statusCode).toBe(
        404,
      );
    }
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${a.slug}` })).statusCode,
    ).toBe(200);
  });

  it('should give cards with region name, fields and a summary in the requested language', async () => {
    const r = await search(`q=${tag}&sort=name&lang=en`);
    expect(r.items.map((i) => i.slug)).toEqual([a.slug, b.slug, c.slug]);
    expect(r.items[1]).toMatchObject({ regionName: 'Lombardia', fields: ['reception', 'housing'] });
    expect(r.items[0]?.summary).toContain('Works with refugees');
  });

  it('should combine repeatable filters with OR inside a filter and AND across filters', async () => {
    expect((await search(`q=${tag}&region=03`)).total).toBe(2);
    expect((await search(`q=${tag}&region=03&region=12`)).total).toBe(3);
    const rc = await search(`q=${tag}&region=03&kind=refugee_led_association`);
    expect(rc.items.map((i) => i.slug)).toEqual([c.slug]);
    expect((await search(`q=${tag}&province=mi&legalForm=odv`)).items.map((i) => i.slug)).toEqual([b.slug]);
    expect((await search(`q=${tag}&field=reception`)).total).toBe(2);
    expect((await search(`q=${tag}&field=health&field=housing`)).total).toBe(2);
    expect((await search(`q=${tag}&programme=${programmeSlug}`)).items.map((i) => i.slug)).toEqual([a.slug]);
    expect((await search(`q=${tag}&language=ar`)).items.map((i) => i.slug)).toEqual([a.slug]);
    expect((await search(`q=${tag}&module=supervision`)).items.map((i) => i.slug)).toEqual([b.slug]);
    expect((await search(`programme=${programmeSlug}&language=fr`)).total).toBe(0);
  });

  it('should count each facet over the set filtered by all the other filters', async () => {
    const r = await search(`q=${tag}&region=03&kind=refugee_led_association&lang=en`);
    // Region counts ignore the region filter but apply the kind filter: A (12) and C (03).
    expect(facet(r, 'region')).toEqual({ '12': 1, '03': 1 });
    expect(r.facets.region?.find((f) => f.value === '03')?.label).toBe('Lombardia');
    // Kind counts ignore the kind filter but apply the region filter: B and C.
    expect(facet(r, 'kind')).toEqual({ local_association: 1, refugee_led_association: 1 });
    // Other facets apply both filters: only C.
    expect(facet(r, 'field')).toEqual({ health: 1 });
    expect(r.facets.field?.[0]?.label).toBe('Health');
    expect(facet(r, 'language')).toEqual({ fr: 1 });
    expect(facet(r, 'province')).toEqual({ MI: 1 });
    expect(facet(r, 'legalForm')).toEqual({ aps: 1 });

    const all = await search(`q=${tag}&lang=it`);
    expect(facet(all, 'field')).toEqual({ reception: 2, housing: 1, health: 1 });
    expect(all.facets.field?.find((f) => f.value === 'reception')?.label).toBe('Accoglienza');
    expect(facet(all, 'programme')).toEqual({ [programmeSlug]: 1 });
    expect(facet(all, 'module')).toEqual({ training_package: 1, supervision: 1 });
    expect(facet(all, 'language')).toEqual({ it: 2, ar: 1, fr: 1 });
  });

  it('should page and sort', async () => {
    const p2 = await search(`q=${tag}&sort=name&page=2&pageSize=2`);
    expect(p2.items.map((i) => i.slug)).toEqual([c.slug]);
    expect(p2.total).toBe(3);
    expect(
      (await t.injectAs(null, { method: 'GET', url: '/api/v1/organizations?pageSize=101' })).statusCode,
    ).toBe(400);
    expect(
      (await t.injectAs(null, { method: 'GET', url: '/api/v1/organizations?kind=nonsense' })).statusCode,
    ).toBe(400);
  });

  /** Puts the organisation alone in a new programme, so a search can be narrowed to it in a shared database. */
  async function isolate(organisationId: string): Promise<string> {
    const slug = `iso-${word()}`;
    const p = await t.db
      .insertInto('programmes')
      .values({
        slug,
        name: slug,
        year: null,
        parent_id: null,
        starts_on: null,
        ends_on: null,
        description: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('programme_organisations')
      .values({ programme_id: p.id, organisation_id: organisationId })
      .execute();
    return slug;
  }

  it('should find words by their Italian stem', async () => {
    // The word is only in the description, so the name's trigrams cannot be what finds it.
    const o = await t.newOrganisation({
      name: `Rete ${word()}`,
      description: { it: 'Siamo una associazione di volontari che insegna la lingua.' },
    });
    const p = await isolate(o.id);
    expect((await search(`q=associazioni&programme=${p}`)).items.map((i) => i.slug)).toEqual([o.slug]);
    expect((await search(`q=volontario&programme=${p}`)).items.map((i) => i.slug)).toEqual([o.slug]);
    expect((await search(`q=ospedale&programme=${p}`)).total).toBe(0);
  });

  it('should ignore accents', async () => {
    const o = await t.newOrganisation({ name: `Casa della Città ${word()}`, municipality: 'Forlì' });
    const p = await isolate(o.id);
    expect((await search(`q=citta&programme=${p}`)).items.map((i) => i.slug)).toEqual([o.slug]);
    expect(
      (await search(`q=${encodeURIComponent('CITTÀ')}&programme=${p}`)).items.map((i) => i.slug),
    ).toEqual([o.slug]);
    expect((await search(`q=forli&programme=${p}`)).items.map((i) => i.slug)).toEqual([o.slug]);
  });

  it('should tolerate typos in names', async () => {
    const o = await t.newOrganisation({ name: 'Caritas Diocesana di Velletri', regionCode: '12' });
    const r = await search(`q=Caritsa&pageSize=100`);
    expect(r.items.some((i) => i.slug === o.slug)).toBe(true);
    expect(r.items.some((i) => i.slug === a.slug)).toBe(false);
  });

  it('should show an organisation page with its programmes', async () => {
    const res = await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${a.slug}?lang=en` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      slug: a.slug,
      status: 'member',
      programmes: [{ slug: programmeSlug, name: `Programma ${tag}`, year: 2026 }],
      myRole: null,
      canEdit: false,
    });
    expect(res.json().taxCode).toBeUndefined();
  });

  it('should serve reference data with regions, provinces and field names in three languages', async () => {
    const res = await t.injectAs(null, { method: 'GET', url: '/api/v1/reference' });
    expect(res.statusCode).toBe(200);
    const ref = res.json();
    expect(ref.regions).toHaveLength(20);
    expect(ref.provinces.find((p: { code: string }) => p.code === 'RM')).toMatchObject({ regionCode: '12' });
    expect(ref.fields.find((f: { slug: string }) => f.slug === 'reception').names).toMatchObject({
      it: 'Accoglienza',
      en: 'Reception',
      ar: 'الاستقبال',
    });
    expect(ref.kinds).toContain('refugee_led_association');
    expect(ref.modules).toContain('directory_visibility');
  });
});

describe('directory facet counts after changes', () => {
  it('should count a new member, a field given and a member suspended at once, for every reader', async () => {
    const before = await search('region=17');
    const basilicata = facet(before, 'kind').local_association ?? 0;
    const org = await t.newOrganisation({ name: `Nuova ${word()}`, regionCode: '17' });
    const afterAdd = await search('region=17');
    expect(afterAdd.total).toBe(before.total + 1);
    expect(facet(afterAdd, 'kind').local_association).toBe(basilicata + 1);

    await giveFields(org.id, ['housing']);
    const withField = await search('region=17&field=housing');
    expect(withField.items.map((i) => i.slug)).toContain(org.slug);

    await t.db.updateTable('organisations').set({ status: 'suspended' }).where('id', '=', org.id).execute();
    const afterSuspend = await search('region=17');
    expect(afterSuspend.total).toBe(before.total);
    expect(facet(afterSuspend, 'kind').local_association ?? 0).toBe(basilicata);
  });
});

describe('staff member list by status', () => {
  it('should let staff list suspended and hidden members, and refuse the status filter to others', async () => {
    const tag = word();
    const suspended = await t.newOrganisation({ name: `Sospesa ${tag}`, status: 'suspended' });
    const hiddenMember = await t.newOrganisation({ name: `Nascosta ${tag}`, visible: false });
    const staff = await t.newUser({ networkRole: 'staff' });
    const res = await t.injectAs(staff, {
      method: 'GET',
      url: `/api/v1/organizations?q=${tag}&status=member&status=suspended`,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ slug: string; status: string; visible: boolean }>;
    expect(items.map((i) => i.slug).sort()).toEqual([suspended.slug, hiddenMember.slug].sort());
    expect(items.find((i) => i.slug === suspended.slug)?.status).toBe('suspended');
    expect(items.find((i) => i.slug === hiddenMember.slug)?.visible).toBe(false);

    const publicRes = await search(`q=${tag}`);
    expect(publicRes.total).toBe(0);
    const member = await t.newUser();
    for (const who of [null, member]) {
      const denied = await t.injectAs(who, { method: 'GET', url: `/api/v1/organizations?status=suspended` });
      expect(denied.statusCode).toBe(403);
    }
  });
});

describe('directory cache', () => {
  it('should show a renamed organisation and a new field on the very next identical request', async () => {
    const tag = word();
    const o = await t.newOrganisation({ name: `Prima ${tag}` });
    const first = await search(`q=${tag}&lang=it`);
    expect(first.items.map((i) => i.name)).toEqual([`Prima ${tag}`]);
    expect(await search(`q=${tag}&lang=it`)).toEqual(first);

    await t.db
      .updateTable('organisations')
      .set({ name: `Seconda ${tag}` })
      .where('id', '=', o.id)
      .execute();
    await giveFields(o.id, ['health']);
    const after = await search(`q=${tag}&lang=it`);
    expect(after.items.map((i) => i.name)).toEqual([`Seconda ${tag}`]);
    expect(after.items[0]?.fields).toEqual(['health']);
    expect(facet(after, 'field')).toEqual({ health: 1 });
  });
});
