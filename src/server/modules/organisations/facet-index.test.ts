import { randomInt } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { FACET_NAMES } from '../../../shared/organisations.js';
import { type DirectoryFilters, directoryFacetsSql, directoryVersion } from './directory.repository.js';
import { directoryFacets, facetIndexFor } from './facet-index.js';

let t: TestContext;

const word = () => `zq${Array.from({ length: 9 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
const pick = <T>(xs: readonly T[]): T => xs[randomInt(xs.length)] as T;
const some = <T>(xs: readonly T[], max: number): T[] => {
  const n = randomInt(max + 1);
  return [...new Set(Array.from({ length: n }, () => pick(xs)))];
};

const KINDS = ['refugee_led_association', 'local_association', 'cooperative', 'foundation'];
const FORMS = ['aps', 'odv', 'social_cooperative'];
const LANGUAGES = ['it', 'en', 'ar', 'fr', 'uk'];
const MODULES = ['training_package', 'supervision', 'directory_visibility', 'exchange_events'];
const NAME_WORDS = ['ponte', 'radici', 'mare', 'orizzonte'];

const noFilters = (): DirectoryFilters => ({
  q: undefined,
  status: [],
  region: [],
  province: [],
  kind: [],
  legalForm: [],
  field: [],
  programme: [],
  language: [],
  module: [],
});

/** Facet rows in a comparable form: sorted, counts as numbers. */
function normalise(r: Awaited<ReturnType<typeof directoryFacetsSql>>) {
  return {
    total: Number(r.total),
    facets: Object.fromEntries(
      FACET_NAMES.map((n) => [
        n,
        r.facets[n]
          .map((f) => ({ value: f.value, label: f.label, names: f.names, count: Number(f.count) }))
          .sort((a, b) => String(a.value).localeCompare(String(b.value))),
      ]),
    ),
  };
}

/** Index counts and SQL counts over the same committed data (retried if something commits meanwhile). */
async function compare(f: DirectoryFilters) {
  for (let attempt = 0; ; attempt++) {
    const before = await directoryVersion(t.db);
    const fromIndex = normalise(await directoryFacets(t.db, f, before));
    const fromSql = normalise(await directoryFacetsSql(t.db, f));
    if ((await directoryVersion(t.db)) === before || attempt > 3) return { fromIndex, fromSql };
  }
}

const currentIndex = async () => facetIndexFor(t.db).get(await directoryVersion(t.db));

type Reference = {
  regions: Array<{ code: string }>;
  provinces: Array<{ code: string; region_code: string }>;
  fields: Array<{ id: string; slug: string }>;
};
let ref: Reference;

beforeAll(async () => {
  t = await createTestContext();
  ref = {
    regions: await t.db.selectFrom('regions').select(['code']).execute(),
    provinces: await t.db.selectFrom('provinces').select(['code', 'region_code']).execute(),
    fields: await t.db.selectFrom('fields_of_activity').select(['id', 'slug']).execute(),
  };
});
afterAll(() => t.close());

async function newProgramme(slug: string, name = `Programma ${slug}`) {
  return t.db
    .insertInto('programmes')
    .values({ slug, name, description: JSON.stringify({ it: name }) })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
}

/** One organisation with random facet values; `tag` in its name so words can isolate this file's data. */
async function randomOrganisation(tag: string, programmes: Array<{ id: string }>) {
  const province = randomInt(8) === 0 ? null : pick(ref.provinces);
  const r = randomInt(20);
  const org = await t.db
    .insertInto('organisations')
    .values({
      slug: `${tag}-${word()}`,
      name: `${pick(NAME_WORDS)} ${tag} ${pick(NAME_WORDS)}`,
      kind: pick(KINDS),
      legal_form: pick(FORMS),
      status: r < 15 ? 'member' : r < 17 ? 'applicant' : 'suspended',
      visible: randomInt(8) !== 0,
      province_code: province?.code ?? null,
      region_code: province ? province.region_code : randomInt(2) ? pick(ref.regions).code : null,
      languages: some(LANGUAGES, 3),
      modules: some(MODULES, 2),
      description: JSON.stringify({ it: `Organizzazione ${tag}` }),
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  const fields = some(ref.fields, 3);
  if (fields.length) {
    await t.db
      .insertInto('organisation_fields')
      .values(fields.map((f) => ({ organisation_id: org.id, field_id: f.id })))
      .execute();
  }
  const progs = some(programmes, 2);
  if (progs.length) {
    await t.db
      .insertInto('programme_organisations')
      .values(progs.map((p) => ({ organisation_id: org.id, programme_id: p.id })))
      .execute();
  }
  return org;
}

/** Random filters over values that exist (and sometimes one that does not), with or without words. */
function randomFilters(tag: string, programmeSlugs: string[]): DirectoryFilters {
  const f = noFilters();
  const maybe = <T>(xs: readonly T[]) => (randomInt(3) === 0 ? some(xs, 2) : []);
  f.region = maybe([...ref.regions.map((r) => r.code), 'xx']);
  f.province = maybe(ref.provinces.map((p) => p.code));
  f.kind = maybe(KINDS);
  f.legalForm = maybe(FORMS);
  f.field = maybe([...ref.fields.map((x) => x.slug), 'no-such-field']);
  f.programme = maybe(programmeSlugs);
  f.language = maybe(LANGUAGES);
  f.module = maybe(MODULES);
  const q = randomInt(3);
  if (q === 1) f.q = tag;
  if (q === 2) f.q = `${tag} ${pick(NAME_WORDS)}`;
  return f;
}

describe('directory facet index', () => {
  const tag = word();
  const programmeSlugs = [`p1-${tag}`, `p2-${tag}`, `p3-${tag}`];
  let programmes: Array<{ id: string; slug: string }>;
  const orgs: Array<{ id: string; slug: string }> = [];

  beforeAll(async () => {
    programmes = [];
    for (const slug of programmeSlugs) programmes.push(await newProgramme(slug));
    for (let i = 0; i < 80; i++) orgs.push(await randomOrganisation(tag, programmes));
  });

  it('should count every facet and the total exactly as the SQL statement does, for random queries', async () => {
    for (let i = 0; i < 60; i++) {
      const f = randomFilters(tag, programmeSlugs);
      const { fromIndex, fromSql } = await compare(f);
      expect(fromIndex, JSON.stringify(f)).toEqual(fromSql);
    }
  });

  it('should count the whole directory and words alone exactly as SQL does', async () => {
    for (const f of [noFilters(), { ...noFilters(), q: tag }, { ...noFilters(), q: 'nessunaparolacosì' }]) {
      const { fromIndex, fromSql } = await compare(f);
      expect(fromIndex).toEqual(fromSql);
    }
  });

  it('should show edits, hiding, suspension, deletion and new fields or programmes in the next count, by patching', async () => {
    const index = await currentIndex();
    const [a, b, c, d] = orgs as [(typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0]];
    await t.db
      .updateTable('organisations')
      .set({ status: 'member', visible: true, kind: 'cooperative', region_code: '03', province_code: 'MI' })
      .where('id', 'in', [a.id, b.id, c.id, d.id])
      .execute();
    const words = { ...noFilters(), q: tag };
    let { fromIndex, fromSql } = await compare(words);
    expect(fromIndex).toEqual(fromSql);

    const steps: Array<() => Promise<unknown>> = [
      () =>
        t.db
          .updateTable('organisations')
          .set({ kind: 'foundation', region_code: '12' })
          .where('id', '=', a.id)
          .execute(),
      () => t.db.updateTable('organisations').set({ visible: false }).where('id', '=', b.id).execute(),
      () => t.db.updateTable('organisations').set({ status: 'suspended' }).where('id', '=', c.id).execute(),
      () => t.db.deleteFrom('organisations').where('id', '=', d.id).execute(),
      () => t.db.updateTable('organisations').set({ visible: true }).where('id', '=', b.id).execute(),
      async () => {
        await t.db.deleteFrom('organisation_fields').where('organisation_id', '=', a.id).execute();
        await t.db
          .insertInto('organisation_fields')
          .values({ organisation_id: a.id, field_id: (ref.fields[0] as { id: string }).id })
          .execute();
      },
      () =>
        t.db
          .insertInto('programme_organisations')
          .values({ organisation_id: a.id, programme_id: (programmes[2] as { id: string }).id })
          .onConflict((oc) => oc.doNothing())
          .execute(),
      () => randomOrganisation(tag, programmes).then((o) => orgs.push(o)),
    ];
    for (const [i, step] of steps.entries()) {
      const before = (await compare(words)).fromIndex;
      await step();
      ({ fromIndex, fromSql } = await compare(words));
      expect(fromIndex).toEqual(fromSql);
      // The first five always change what a visitor sees (kind, total); the others may happen not to.
      if (i < 5) expect(fromIndex).not.toEqual(before);
    }
    // All of that was patched into the same index, not rebuilt.
    expect(await currentIndex()).toBe(index);

    const kinds = Object.fromEntries(fromIndex.facets.kind?.map((k) => [k.value, k.count]) ?? []);
    const res = await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations?q=${tag}&pageSize=5` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      total: number;
      facets: Record<string, Array<{ value: string; count: number }>>;
    };
    expect(body.total).toBe(fromIndex.total);
    expect(Object.fromEntries(body.facets.kind?.map((k) => [k.value, k.count]) ?? [])).toEqual(kinds);
  });

  it('should show a renamed programme under its new name, by rebuilding', async () => {
    const index = await currentIndex();
    const p = programmes[0] as { id: string; slug: string };
    const name = `Rinominato ${tag}`;
    await t.db.updateTable('programmes').set({ name }).where('id', '=', p.id).execute();
    const f = { ...noFilters(), q: tag };
    const { fromIndex, fromSql } = await compare(f);
    expect(fromIndex).toEqual(fromSql);
    const row = fromIndex.facets.programme?.find((x) => x.value === p.slug);
    if (row) expect(row.label).toBe(name);
    expect(await currentIndex()).not.toBe(index);
  });

  it('should count by status in SQL for staff, including hidden organisations', async () => {
    const f = { ...noFilters(), q: tag, status: ['member', 'suspended'] };
    const before = await directoryVersion(t.db);
    expect(normalise(await directoryFacets(t.db, f, before))).toEqual(
      normalise(await directoryFacetsSql(t.db, f)),
    );
  });

  it('should rebuild after many organisations left, and still count exactly', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 70; i++) extra.push((await randomOrganisation(tag, programmes)).id);
    await t.db
      .updateTable('organisations')
      .set({ status: 'member', visible: true })
      .where('id', 'in', extra)
      .execute();
    await currentIndex();
    await t.db.deleteFrom('organisations').where('id', 'in', extra).execute();
    const { fromIndex, fromSql } = await compare({ ...noFilters(), q: tag });
    expect(fromIndex).toEqual(fromSql);
    for (let i = 0; i < 10; i++) {
      const r = await compare(randomFilters(tag, programmeSlugs));
      expect(r.fromIndex).toEqual(r.fromSql);
    }
  });

  // Only PostgreSQL can run two transactions at once (the embedded database serialises them, so there
  // commit order is start order): this test exists in the PostgreSQL run, which CI always makes.
  const onPostgres = process.env.TEST_DATABASE_URL !== undefined;
  (onPostgres ? it : () => undefined)(
    'should see changes of two transactions committed in the opposite order they started',
    async () => {
      const [x, y] = [await randomOrganisation(tag, programmes), await randomOrganisation(tag, programmes)];
      await t.db
        .updateTable('organisations')
        .set({ status: 'member', visible: true, kind: 'foundation' })
        .where('id', 'in', [x.id, y.id])
        .execute();
      const kindOf = async (id: string) => {
        const index = await currentIndex();
        const r = index.count({ ...noFilters(), q: tag }, [id]);
        return r.facets.kind.map((k) => k.value);
      };
      expect(await kindOf(x.id)).toEqual(['foundation']);
      const first = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      const second = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await Promise.all([first.connect(), second.connect()]);
      try {
        await first.query('begin');
        await first.query(`update organisations set kind = 'cooperative' where id = $1`, [x.id]);
        await second.query('begin');
        await second.query(`update organisations set kind = 'cooperative' where id = $1`, [y.id]);
        await second.query('commit');
        // The index reads while the first transaction still runs: it sees the second one only.
        expect(await kindOf(y.id)).toEqual(['cooperative']);
        expect(await kindOf(x.id)).toEqual(['foundation']);
        await first.query('commit');
        expect(await kindOf(x.id)).toEqual(['cooperative']);
        expect(await kindOf(y.id)).toEqual(['cooperative']);
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
      const r = await compare({ ...noFilters(), q: tag });
      expect(r.fromIndex).toEqual(r.fromSql);
    },
  );
});
