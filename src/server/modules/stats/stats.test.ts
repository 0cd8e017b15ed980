import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import { lastMonths, percentages } from './stats.service.js';

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

type Stats = {
  totalMembers: number;
  byKind: Array<{ value: string; count: number; percent: number }>;
  byLegalForm: Array<{ value: string; count: number; percent: number }>;
  byRegion: Array<{ value: string; label: string; count: number; percent: number }>;
  applicationsByStatus: Array<{ value: string; count: number }>;
  growth: Array<{ month: string; joined: number; total: number }>;
};

const getStats = async (): Promise<Stats> => {
  const res = await ctx.injectAs(staff, { method: 'GET', url: '/api/v1/stats/members' });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const countOf = (list: Array<{ value: string; count: number }>, value: string) =>
  list.find((b) => b.value === value)?.count ?? 0;
const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10) / 10;

describe('percentages', () => {
  it('should give one decimal and add up to exactly 100', () => {
    expect(percentages([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(percentages([1, 2, 3, 0])).toEqual([16.7, 33.3, 50, 0]);
    expect(sum(percentages([7, 13, 29, 1, 1, 1]))).toBe(100);
    expect(percentages([0, 0])).toEqual([0, 0]);
  });

  it('should list the last 24 months oldest first, ending with the current one in Italian time', () => {
    const months = lastMonths(new Date('2026-01-31T23:30:00Z'), 24);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2024-03');
    expect(months[23]).toBe('2026-02');
  });
});

describe('member statistics', () => {
  it('should count members by kind, legal form and region, applications by status, and growth by month', async () => {
    const before = await getStats();

    await ctx.newOrganisation({ kind: 'company', legalForm: 'company', regionCode: '05' });
    await ctx.newOrganisation({ kind: 'company', legalForm: 'company', regionCode: '05' });
    const coop = await ctx.newOrganisation({
      kind: 'cooperative',
      legalForm: 'social_cooperative',
      regionCode: '05',
    });
    // Not members: they must not be counted.
    await ctx.newOrganisation({ kind: 'company', status: 'suspended', regionCode: '05' });
    const applicant = await ctx.newOrganisation({ kind: 'company', status: 'applicant', regionCode: '05' });
    await ctx.db
      .insertInto('applications')
      .values({
        organisation_id: applicant.id,
        contact_name: 'Contatto',
        contact_email: `${unique('c')}@example.org`,
        commitments_accepted_at: new Date(),
        privacy_accepted_at: new Date(),
      })
      .execute();
    // One member joined three months ago (mid-month, so no time zone can move it).
    const now = new Date();
    const threeMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 15, 12));
    await ctx.db
      .updateTable('organisations')
      .set({ joined_at: threeMonthsAgo })
      .where('id', '=', coop.id)
      .execute();

    const after = await getStats();
    expect(after.totalMembers - before.totalMembers).toBe(3);
    expect(countOf(after.byKind, 'company') - countOf(before.byKind, 'company')).toBe(2);
    expect(countOf(after.byKind, 'cooperative') - countOf(before.byKind, 'cooperative')).toBe(1);
    expect(
      countOf(after.byLegalForm, 'social_cooperative') - countOf(before.byLegalForm, 'social_cooperative'),
    ).toBe(1);
    expect(countOf(after.byRegion, '05') - countOf(before.byRegion, '05')).toBe(3);
    expect(after.byRegion.find((r) => r.value === '05')?.label).toBe('Veneto');
    expect(
      countOf(after.applicationsByStatus, 'submitted') - countOf(before.applicationsByStatus, 'submitted'),
    ).toBe(1);

    for (const list of [after.byKind, after.byLegalForm, after.byRegion]) {
      expect(sum(list.map((b) => b.percent))).toBe(100);
      expect(list.reduce((a, b) => a + b.count, 0)).toBe(after.totalMembers);
    }
    const company = after.byKind.find((b) => b.value === 'company');
    // Rounded to one decimal, possibly nudged by 0.1 so that the list adds up to 100.
    const exact = (100 * (company?.count ?? 0)) / after.totalMembers;
    expect(Math.abs((company?.percent ?? 0) - exact)).toBeLessThanOrEqual(0.1 + 1e-9);
    // Every kind is listed, zeros too, so charts keep their categories.
    expect(after.byKind).toHaveLength(12);

    expect(after.growth).toHaveLength(24);
    const last = after.growth[23] as Stats['growth'][number];
    const lastBefore = before.growth[23] as Stats['growth'][number];
    expect(last.joined - lastBefore.joined).toBe(2);
    expect(last.total - lastBefore.total).toBe(3);
    expect((after.growth[20]?.joined ?? 0) - (before.growth[20]?.joined ?? 0)).toBe(1);
    for (let i = 1; i < 24; i++) {
      const g = after.growth[i] as Stats['growth'][number];
      expect(g.total).toBe((after.growth[i - 1]?.total ?? 0) + g.joined);
    }
  });

  it('should be for staff only', async () => {
    expect((await ctx.injectAs(null, { method: 'GET', url: '/api/v1/stats/members' })).statusCode).toBe(401);
    expect((await ctx.injectAs(member, { method: 'GET', url: '/api/v1/stats/members' })).statusCode).toBe(
      403,
    );
    const admin = await ctx.newUser({ networkRole: 'admin' });
    expect((await ctx.injectAs(admin, { method: 'GET', url: '/api/v1/stats/members' })).statusCode).toBe(200);
  });
});
