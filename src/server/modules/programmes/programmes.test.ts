import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import { listProgrammesOfOrganisation } from './programmes.service.js';

let ctx: TestContext;
let staff: TestUser;
let admin: TestUser;
let member: TestUser;
let orgAdmin: TestUser;
let org: { id: string; slug: string; name: string };

beforeAll(async () => {
  ctx = await createTestContext();
  staff = await ctx.newUser({ networkRole: 'staff', name: 'Giulia Staff' });
  admin = await ctx.newUser({ networkRole: 'admin' });
  org = await ctx.newOrganisation({ name: `Associazione Ponti ${unique()}` });
  member = await ctx.newUser();
  orgAdmin = await ctx.newUser();
  await ctx.addMember(org.id, member, 'operator');
  await ctx.addMember(org.id, orgAdmin, 'org_admin');
  member = await ctx.login(member);
  orgAdmin = await ctx.login(orgAdmin);
});
afterAll(() => ctx.close());

const create = (user: TestUser | null, body: Record<string, unknown>) =>
  ctx.injectAs(user, { method: 'POST', url: '/api/v1/programmes', payload: body });

describe('programmes', () => {
  it('should let staff create a programme and an edition, shown in the public list and detail', async () => {
    const name = `Rete Città ${unique()}`;
    const res = await create(staff, {
      name,
      description: { it: 'Programma nazionale', en: 'National programme' },
    });
    expect(res.statusCode).toBe(201);
    const prog = res.json();
    expect(prog.slug).toMatch(/^rete-citta-/);
    expect(prog.parentSlug).toBeNull();

    const ed = await create(staff, {
      name: `${name} edizione`,
      year: 2025,
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      description: { it: 'Edizione 2025' },
      parentSlug: prog.slug,
    });
    expect(ed.statusCode).toBe(201);
    expect(ed.json().parentSlug).toBe(prog.slug);
    expect(ed.json().startsOn).toBe('2025-01-01');

    const list = await ctx.injectAs(null, { method: 'GET', url: '/api/v1/programmes' });
    expect(list.statusCode).toBe(200);
    const slugs = list.json().items.map((p: { slug: string }) => p.slug);
    expect(slugs).toContain(prog.slug);
    expect(slugs).toContain(ed.json().slug);

    const detail = await ctx.injectAs(null, { method: 'GET', url: `/api/v1/programmes/${prog.slug}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().description).toEqual({ it: 'Programma nazionale', en: 'National programme' });
    expect(detail.json().editions.map((e: { slug: string }) => e.slug)).toEqual([ed.json().slug]);
  });

  it('should give a second programme of the same name a suffixed slug', async () => {
    const name = `Omonimo ${unique()}`;
    const a = await create(staff, { name, description: { it: 'a' } });
    const b = await create(staff, { name, description: { it: 'b' } });
    expect(b.json().slug).toBe(`${a.json().slug}-2`);
  });

  it('should refuse an end date before the start date with a 400 on endsOn', async () => {
    const res = await create(staff, {
      name: `Date ${unique()}`,
      startsOn: '2025-06-01',
      endsOn: '2025-05-31',
      description: { it: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('endsOn');

    const ok = await create(staff, {
      name: `Date ${unique()}`,
      startsOn: '2025-06-01',
      description: { it: 'x' },
    });
    const patch = await ctx.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/programmes/${ok.json().slug}`,
      payload: { endsOn: '2025-01-01' },
    });
    expect(patch.statusCode).toBe(400);
  });

  it('should refuse an unknown parent, a nested edition and a missing Italian description', async () => {
    expect(
      (await create(staff, { name: 'Orfano', description: { it: 'x' }, parentSlug: 'nope' })).statusCode,
    ).toBe(400);
    expect(
      (await create(staff, { name: 'Senza testo', description: { en: 'only english' } })).statusCode,
    ).toBe(400);
    const top = (await create(staff, { name: `Top ${unique()}`, description: { it: 'x' } })).json();
    const ed = (
      await create(staff, { name: `Ed ${unique()}`, description: { it: 'x' }, parentSlug: top.slug })
    ).json();
    const nested = await create(staff, { name: 'Nidificato', description: { it: 'x' }, parentSlug: ed.slug });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().error.details.fields[0].path).toBe('parentSlug');
  });

  it('should let staff update name, year and description', async () => {
    const p = (await create(admin, { name: `Da cambiare ${unique()}`, description: { it: 'x' } })).json();
    const res = await ctx.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/programmes/${p.slug}`,
      payload: { name: 'Nome nuovo', year: 2026, description: { it: 'nuova', ar: 'جديد' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nome nuovo', year: 2026, slug: p.slug });
    expect(res.json().description).toEqual({ it: 'nuova', ar: 'جديد' });
  });

  it('should assign and remove staff roles, several roles per person', async () => {
    const p = (await create(staff, { name: `Ruoli ${unique()}`, description: { it: 'x' } })).json();
    const trainer = await ctx.newUser({ name: 'Amal Formatrice' });
    for (const role of ['trainer', 'expert']) {
      const r = await ctx.injectAs(staff, {
        method: 'POST',
        url: `/api/v1/programmes/${p.slug}/staff`,
        payload: { userId: trainer.id, role },
      });
      expect(r.statusCode).toBe(200);
    }
    let detail = (await ctx.injectAs(null, { method: 'GET', url: `/api/v1/programmes/${p.slug}` })).json();
    expect(detail.staff).toEqual([
      { userId: trainer.id, name: 'Amal Formatrice', role: 'expert' },
      { userId: trainer.id, name: 'Amal Formatrice', role: 'trainer' },
    ]);
    const bad = await ctx.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/programmes/${p.slug}/staff`,
      payload: { userId: trainer.id, role: 'chef' },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await ctx.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/programmes/${p.slug}/staff`,
      payload: { userId: '00000000-0000-4000-8000-000000000000', role: 'trainer' },
    });
    expect(unknown.statusCode).toBe(400);

    const del = await ctx.injectAs(staff, {
      method: 'DELETE',
      url: `/api/v1/programmes/${p.slug}/staff/${trainer.id}/trainer`,
    });
    expect(del.statusCode).toBe(204);
    detail = (await ctx.injectAs(null, { method: 'GET', url: `/api/v1/programmes/${p.slug}` })).json();
    expect(detail.staff.map((s: { role: string }) => s.role)).toEqual(['expert']);
    const again = await ctx.injectAs(staff, {
      method: 'DELETE',
      url: `/api/v1/programmes/${p.slug}/staff/${trainer.id}/trainer`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('should add and remove participating organisations and expose them to other modules', async () => {
    const p = (
      await create(staff, { name: `Partecipanti ${unique()}`, year: 2024, description: { it: 'x' } })
    ).json();
    const hidden = await ctx.newOrganisation({ visible: false });
    const applicant = await ctx.newOrganisation({ status: 'applicant' });
    for (const o of [org, hidden]) {
      const r = await ctx.injectAs(staff, {
        method: 'POST',
        url: `/api/v1/programmes/${p.slug}/organisations`,
        payload: { organisationSlug: o.slug },
      });
      expect(r.statusCode).toBe(200);
    }
    const refused = await ctx.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/programmes/${p.slug}/organisations`,
      payload: { organisationSlug: applicant.slug },
    });
    expect(refused.statusCode).toBe(400);

    const pub = (await ctx.injectAs(null, { method: 'GET', url: `/api/v1/programmes/${p.slug}` })).json();
    expect(pub.organisations).toEqual([{ slug: org.slug, name: org.name, regionName: 'Lazio' }]);
    expect(pub.organisationCount).toBe(2);
    const forStaff = (
      await ctx.injectAs(staff, { method: 'GET', url: `/api/v1/programmes/${p.slug}` })
    ).json();
    expect(forStaff.organisations).toHaveLength(2);

    expect(await listProgrammesOfOrganisation(ctx.db, org.id)).toContainEqual({
      slug: p.slug,
      name: p.name,
      year: 2024,
    });

    const del = await ctx.injectAs(staff, {
      method: 'DELETE',
      url: `/api/v1/programmes/${p.slug}/organisations/${org.slug}`,
    });
    expect(del.statusCode).toBe(204);
    expect((await listProgrammesOfOrganisation(ctx.db, org.id)).map((x) => x.slug)).not.toContain(p.slug);
  });

  it('should answer 404 for an unknown programme', async () => {
    const res = await ctx.injectAs(null, { method: 'GET', url: '/api/v1/programmes/does-not-exist' });
    expect(res.statusCode).toBe(404);
  });

  it('should allow writes to staff and admin only: 401 anonymous, 403 member and org admin', async () => {
    const p = (await create(staff, { name: `Permessi ${unique()}`, description: { it: 'x' } })).json();
    const target = await ctx.newUser();
    const writes = (slug: string) => [
      {
        method: 'POST' as const,
        url: '/api/v1/programmes',
        payload: { name: `W ${unique()}`, description: { it: 'x' } },
      },
      { method: 'PATCH' as const, url: `/api/v1/programmes/${slug}`, payload: { year: 2030 } },
      {
        method: 'POST' as const,
        url: `/api/v1/programmes/${slug}/staff`,
        payload: { userId: target.id, role: 'expert' },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/programmes/${slug}/organisations`,
        payload: { organisationSlug: org.slug },
      },
      { method: 'DELETE' as const, url: `/api/v1/programmes/${slug}/staff/${target.id}/expert` },
      { method: 'DELETE' as const, url: `/api/v1/programmes/${slug}/organisations/${org.slug}` },
    ];
    const expected: Array<[TestUser | null, number]> = [
      [null, 401],
      [member, 403],
      [orgAdmin, 403],
    ];
    for (const [user, status] of expected) {
      for (const w of writes(p.slug)) {
        const res = await ctx.injectAs(user, w);
        expect(res.statusCode, `${w.method} ${w.url}`).toBe(status);
      }
    }
    for (const user of [staff, admin]) {
      const results = [];
      for (const w of writes(p.slug)) results.push((await ctx.injectAs(user, w)).statusCode);
      expect(results).toEqual([201, 200, 200, 200, 204, 204]);
    }
    for (const user of [null, member, orgAdmin, staff, admin]) {
      expect((await ctx.injectAs(user, { method: 'GET', url: '/api/v1/programmes' })).statusCode).toBe(200);
      expect(
        (await ctx.injectAs(user, { method: 'GET', url: `/api/v1/programmes/${p.slug}` })).statusCode,
      ).toBe(200);
    }
  });
});
