// Walks every endpoint outside the organisations module (which has its own walk in
// organisations.authz.test.ts) with every role, and checks that no endpoint of the API is left out.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../src/server/mail/outbox.js';
import { createTestContext, multipartFile, type TestContext, type TestUser, unique } from './app.js';

const ROLES = ['anonymous', 'member', 'orgAdmin', 'expert', 'staff', 'admin'] as const;
type Role = (typeof ROLES)[number];

type Req = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: InjectOptions['payload'];
  headers?: Record<string, string>;
};
type Row = { route: string; request: () => Promise<Req>; allowed: number; who: readonly Role[] };

let t: TestContext;
const as = {} as Record<Role, TestUser | null>;
let org: { id: string; slug: string };

const STAFF: Role[] = ['staff', 'admin'];
const LOGGED_IN: Role[] = ['member', 'orgAdmin', 'expert', 'staff', 'admin'];

async function programme(): Promise<string> {
  const res = await t.injectAs(as.staff, {
    method: 'POST',
    url: '/api/v1/programmes',
    payload: { name: `Programma ${unique()}`, description: { it: 'Un programma di prova.' } },
  });
  return res.json().slug as string;
}

async function programmeWithStaffAndOrg(): Promise<{ slug: string; userId: string; orgSlug: string }> {
  const slug = await programme();
  const person = await t.newUser();
  const o = await t.newOrganisation();
  await t.injectAs(as.staff, {
    method: 'POST',
    url: `/api/v1/programmes/${slug}/staff`,
    payload: { userId: person.id, role: 'trainer' },
  });
  await t.injectAs(as.staff, {
    method: 'POST',
    url: `/api/v1/programmes/${slug}/organisations`,
    payload: { organisationSlug: o.slug },
  });
  return { slug, userId: person.id, orgSlug: o.slug };
}

const CAMPAIGN = {
  contents: { it: { subject: 'Notizie', body: 'Testo della newsletter.' } },
  audience: { all: true },
};

async function campaign(): Promise<string> {
  const res = await t.injectAs(as.staff, {
    method: 'POST',
    url: '/api/v1/newsletter/campaigns',
    payload: CAMPAIGN,
  });
  return res.json().id as string;
}

const ROWS: Row[] = [
  {
    route: 'GET /api/v1/auth/me/export',
    request: async () => ({ method: 'GET', url: '/api/v1/auth/me/export' }),
    allowed: 200,
    who: LOGGED_IN,
  },
  {
    route: 'PATCH /api/v1/auth/me',
    request: async () => ({ method: 'PATCH', url: '/api/v1/auth/me', payload: { languages: ['it', 'fr'] } }),
    allowed: 200,
    who: LOGGED_IN,
  },
  {
    route: 'POST /api/v1/auth/verify-email/resend',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/auth/verify-email/resend',
      headers: { 'x-forwarded-for': randomUUID() },
    }),
    allowed: 409 /* test accounts are verified already: allowed in, refused as pointless */,
    who: LOGGED_IN,
  },
  {
    route: 'GET /api/v1/users',
    request: async () => ({ method: 'GET', url: '/api/v1/users?q=test' }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'PATCH /api/v1/users/{id}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/users/${(await t.newUser()).id}`,
      payload: { networkRole: 'expert' },
    }),
    allowed: 200,
    who: ['admin'],
  },
  {
    route: 'GET /api/v1/mail/outbox',
    request: async () => ({ method: 'GET', url: '/api/v1/mail/outbox' }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/mail/outbox/{id}',
    request: async () => {
      const id = await enqueueMail(t.db, {
        to: `${unique('m')}@example.org`,
        subject: 'Prova',
        text: 'Testo',
        locale: 'it',
        template: 'test.authz',
      });
      return { method: 'GET', url: `/api/v1/mail/outbox/${id}` };
    },
    allowed: 200,
    who: STAFF,
  },
  {
    // Everyone may search; what each person finds is tested in the search module (visibility per role).
    route: 'GET /api/v1/search',
    request: async () => ({ method: 'GET', url: '/api/v1/search?q=accoglienza' }),
    allowed: 200,
    who: ROLES,
  },
  {
    route: 'GET /api/v1/programmes',
    request: async () => ({ method: 'GET', url: '/api/v1/programmes' }),
    allowed: 200,
    who: ROLES,
  },
  {
    route: 'GET /api/v1/programmes/{slug}',
    request: async () => ({ method: 'GET', url: `/api/v1/programmes/${await programme()}` }),
    allowed: 200,
    who: ROLES,
  },
  {
    route: 'POST /api/v1/programmes',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { name: `Nuovo ${unique()}`, year: 2026, description: { it: 'Descrizione.' } },
    }),
    allowed: 201,
    who: STAFF,
  },
  {
    route: 'PATCH /api/v1/programmes/{slug}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/programmes/${await programme()}`,
      payload: { year: 2027 },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/programmes/{slug}/staff',
    request: async () => ({
      method: 'POST',
      url: `/api/v1/programmes/${await programme()}/staff`,
      payload: { userId: (await t.newUser()).id, role: 'liaison_officer' },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'DELETE /api/v1/programmes/{slug}/staff/{userId}/{role}',
    request: async () => {
      const p = await programmeWithStaffAndOrg();
      return { method: 'DELETE', url: `/api/v1/programmes/${p.slug}/staff/${p.userId}/trainer` };
    },
    allowed: 204,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/programmes/{slug}/organisations',
    request: async () => ({
      method: 'POST',
      url: `/api/v1/programmes/${await programme()}/organisations`,
      payload: { organisationSlug: org.slug },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'DELETE /api/v1/programmes/{slug}/organisations/{organisationSlug}',
    request: async () => {
      const p = await programmeWithStaffAndOrg();
      return { method: 'DELETE', url: `/api/v1/programmes/${p.slug}/organisations/${p.orgSlug}` };
    },
    allowed: 204,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/stats/members',
    request: async () => ({ method: 'GET', url: '/api/v1/stats/members' }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/exports/members.csv',
    request: async () => ({ method: 'GET', url: '/api/v1/exports/members.csv' }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/exports/members.xlsx',
    request: async () => ({ method: 'GET', url: '/api/v1/exports/members.xlsx' }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/imports/members',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/imports/members?dryRun=true',
      ...multipartFile('soci.csv', Buffer.from(`nome;provincia\nAssociazione ${unique()};RM\n`), 'text/csv'),
    }),
    allowed: 200,
    who: STAFF,
  },
  // --- newsletter
  {
    route: 'GET /api/v1/newsletter/subscriptions/mine',
    request: async () => ({ method: 'GET', url: '/api/v1/newsletter/subscriptions/mine' }),
    allowed: 200,
    who: LOGGED_IN,
  },
  {
    route: 'PATCH /api/v1/newsletter/subscriptions/mine',
    request: async () => ({
      method: 'PATCH',
      url: '/api/v1/newsletter/subscriptions/mine',
      payload: { subscribed: true, locale: 'en' },
    }),
    allowed: 200,
    who: LOGGED_IN,
  },
  {
    route: 'GET /api/v1/newsletter/campaigns',
    request: async () => ({ method: 'GET', url: '/api/v1/newsletter/campaigns' }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns',
    request: async () => ({ method: 'POST', url: '/api/v1/newsletter/campaigns', payload: CAMPAIGN }),
    allowed: 201,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/preview',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/newsletter/campaigns/preview',
      payload: { locale: 'it', content: CAMPAIGN.contents.it },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/audience-count',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/newsletter/campaigns/audience-count',
      payload: { all: true },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/newsletter/campaigns/{id}',
    request: async () => ({ method: 'GET', url: `/api/v1/newsletter/campaigns/${await campaign()}` }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'PATCH /api/v1/newsletter/campaigns/{id}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/v1/newsletter/campaigns/${await campaign()}`,
      payload: { inArchive: false },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'DELETE /api/v1/newsletter/campaigns/{id}',
    request: async () => ({ method: 'DELETE', url: `/api/v1/newsletter/campaigns/${await campaign()}` }),
    allowed: 204,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/{id}/test',
    request: async () => ({
      method: 'POST',
      url: `/api/v1/newsletter/campaigns/${await campaign()}/test`,
      payload: { email: `${unique('nl')}@example.org` },
    }),
    allowed: 202,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/{id}/send',
    request: async () => ({ method: 'POST', url: `/api/v1/newsletter/campaigns/${await campaign()}/send` }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/{id}/schedule',
    request: async () => ({
      method: 'POST',
      url: `/api/v1/newsletter/campaigns/${await campaign()}/schedule`,
      payload: { at: new Date(Date.now() + 86_400_000).toISOString() },
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/{id}/cancel',
    request: async () => {
      const id = await campaign();
      await t.injectAs(as.staff, {
        method: 'POST',
        url: `/api/v1/newsletter/campaigns/${id}/schedule`,
        payload: { at: new Date(Date.now() + 86_400_000).toISOString() },
      });
      return { method: 'POST', url: `/api/v1/newsletter/campaigns/${id}/cancel` };
    },
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/newsletter/campaigns/{id}/progress',
    request: async () => ({
      method: 'GET',
      url: `/api/v1/newsletter/campaigns/${await campaign()}/progress`,
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'GET /api/v1/newsletter/campaigns/{id}/deliveries',
    request: async () => ({
      method: 'GET',
      url: `/api/v1/newsletter/campaigns/${await campaign()}/deliveries`,
    }),
    allowed: 200,
    who: STAFF,
  },
  {
    route: 'POST /api/v1/newsletter/campaigns/{id}/retry',
    request: async () => ({ method: 'POST', url: `/api/v1/newsletter/campaigns/${await campaign()}/retry` }),
    allowed: 200,
    who: STAFF,
  },
];

/** Endpoints anyone may call (they validate tokens or credentials themselves), and those walked elsewhere. */
const PUBLIC = [
  'GET /api/health',
  'GET /api/v1/auth/session',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/verify-email',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password/forgot',
  'POST /api/v1/auth/password/reset',
  'POST /api/v1/auth/password/change',
  'GET /api/v1/auth/invitations/{token}',
  'POST /api/v1/auth/invitations/accept',
  'GET /api/v1/newsletter/options',
  'POST /api/v1/newsletter/subscriptions',
  'POST /api/v1/newsletter/subscriptions/confirm',
  'POST /api/v1/newsletter/subscriptions/status',
  'POST /api/v1/newsletter/subscriptions/resubscribe',
  'POST /api/v1/newsletter/unsubscribe',
  'GET /api/v1/newsletter/archive',
  'GET /api/v1/newsletter/archive/{id}',
];
const WALKED_IN_ORGANISATIONS_TEST =
  /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(organizations|applications|uploads|files|reference)/;

/** Events endpoints and calendar feeds: walked in src/server/modules/events/events.authz.test.ts. */
const WALKED_IN_EVENTS_TEST =
  /^(GET|POST|PUT|PATCH|DELETE) (\/api\/v1\/(events|registrations|me\/events|me\/calendar)|\/calendar\/|\/api\/v1\/organizations\/\{slug\}\/events$)/;

/** Trainings endpoints: walked in src/server/modules/trainings/trainings.authz.test.ts. */
const WALKED_IN_TRAININGS_TEST =
  /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(courses|certificates|me\/courses)(\/|$)/;

/** Resource library endpoints: walked in src/server/modules/resources/resources.authz.test.ts. */
const WALKED_IN_RESOURCES_TEST =
  /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(resources|resource-collections)(\/|$)/;

/** Mentoring and notification endpoints: walked in src/server/modules/mentoring/mentoring.authz.test.ts. */
const WALKED_IN_MENTORING_TEST = /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(mentoring|notifications)(\/|$)/;

/** Forum endpoints: walked in src/server/modules/forum/forum.authz.test.ts. */
const WALKED_IN_FORUM_TEST = /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/forum\//;

beforeAll(async () => {
  t = await createTestContext();
  org = await t.newOrganisation();
  const member = await t.newUser();
  const orgAdmin = await t.newUser();
  await t.addMember(org.id, member, 'operator');
  await t.addMember(org.id, orgAdmin, 'org_admin');
  as.anonymous = null;
  as.member = await t.login(member);
  as.orgAdmin = await t.login(orgAdmin);
  as.expert = await t.newUser({ networkRole: 'expert' });
  as.staff = await t.newUser({ networkRole: 'staff' });
  as.admin = await t.newUser({ networkRole: 'admin' });
});
afterAll(() => t.close());

describe('authorisation of every endpoint', () => {
  for (const row of ROWS) {
    it(`should allow ${row.route} only to ${row.who.length === ROLES.length ? 'everyone' : row.who.join(', ')}`, async () => {
      for (const role of ROLES) {
        const req = await row.request();
        const res = await t.injectAs(as[role], req);
        const expected = row.who.includes(role) ? row.allowed : role === 'anonymous' ? 401 : 403;
        expect({ role, status: res.statusCode }).toEqual({ role, status: expected });
      }
    });
  }

  it('should leave no endpoint of the OpenAPI document unwalked', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set([...ROWS.map((r) => r.route), ...PUBLIC]);
    const missing = routes.filter(
      (r) =>
        !covered.has(r) &&
        !WALKED_IN_ORGANISATIONS_TEST.test(r) &&
        !WALKED_IN_EVENTS_TEST.test(r) &&
        !WALKED_IN_TRAININGS_TEST.test(r) &&
        !WALKED_IN_RESOURCES_TEST.test(r) &&
        !WALKED_IN_MENTORING_TEST.test(r) &&
        !WALKED_IN_FORUM_TEST.test(r),
    );
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });

  it('should refuse a writing request from a logged-in browser without the CSRF token', async () => {
    for (const role of ['member', 'staff'] as const) {
      const res = await t.injectAs(as[role], {
        method: 'PATCH',
        url: '/api/v1/auth/me',
        payload: { locale: 'en' },
        headers: { 'x-csrf-token': 'wrong' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_INVALID');
    }
  });
});
