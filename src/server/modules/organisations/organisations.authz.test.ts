// Walks the organisation endpoints with every role and asserts who may and who may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/app.js';
import { applicationBody } from './test-fixtures.js';

let t: TestContext;
let staff: TestUser;
let admin: TestUser;

const ROLES = [
  'anonymous',
  'otherMember',
  'operator',
  'otherOrgAdmin',
  'orgAdmin',
  'staff',
  'admin',
] as const;
type Role = (typeof ROLES)[number];

type World = {
  slug: string;
  colleagueId: string;
  applicationId: string;
  as: Record<Role, TestUser | null>;
};

type Row = {
  name: string;
  status?: 'member' | 'suspended';
  needsApplication?: boolean;
  request: (w: World) => {
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
    url: string;
    payload?: object;
  };
  expect: Record<Role, number>;
};

async function world(row: Row): Promise<World> {
  const org = await t.newOrganisation({ status: row.status ?? 'member', visible: true });
  const other = await t.newOrganisation();
  const people = async (orgId: string, role: 'org_admin' | 'operator' | 'delegate') => {
    const u = await t.newUser();
    await t.addMember(orgId, u, role);
    return t.login(u);
  };
  const orgAdmin = await people(org.id, 'org_admin');
  const operator = await people(org.id, 'operator');
  const colleague = await people(org.id, 'delegate');
  const otherOrgAdmin = await people(other.id, 'org_admin');
  const otherMember = await people(other.id, 'operator');
  let applicationId = '00000000-0000-4000-8000-000000000000';
  if (row.needsApplication) {
    const res = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/applications',
      payload: applicationBody(),
    });
    applicationId = res.json().id;
  }
  return {
    slug: org.slug,
    colleagueId: colleague.id,
    applicationId,
    as: { anonymous: null, otherMember, operator, otherOrgAdmin, orgAdmin, staff, admin },
  };
}

const only = (
  allowed: number,
  who: Role[],
  denied: Partial<Record<Role, number>> = {},
): Record<Role, number> =>
  Object.fromEntries(
    ROLES.map((r) => [r, who.includes(r) ? allowed : (denied[r] ?? (r === 'anonymous' ? 401 : 403))]),
  ) as Record<Role, number>;

const EDITORS: Role[] = ['orgAdmin', 'staff', 'admin'];
const INSIDERS: Role[] = ['operator', 'orgAdmin', 'staff', 'admin'];
const STAFF: Role[] = ['staff', 'admin'];
const HIDDEN = { anonymous: 404, otherMember: 404, otherOrgAdmin: 404 };
// Writes ask anonymous callers to log in first; the logged-in outsiders still learn nothing (404).
const HIDDEN_WRITE = { otherMember: 404, otherOrgAdmin: 404 };

const ROWS: Row[] = [
  {
    name: 'GET a public organisation',
    request: (w) => ({ method: 'GET', url: `/api/v1/organizations/${w.slug}` }),
    expect: only(200, [...ROLES]),
  },
  {
    name: 'GET a suspended organisation',
    status: 'suspended',
    request: (w) => ({ method: 'GET', url: `/api/v1/organizations/${w.slug}` }),
    expect: only(200, INSIDERS, HIDDEN),
  },
  {
    name: 'PATCH the profile',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/organizations/${w.slug}`,
      payload: { phone: '+39 06 1234567' },
    }),
    expect: only(200, EDITORS),
  },
  {
    name: 'GET the people',
    request: (w) => ({ method: 'GET', url: `/api/v1/organizations/${w.slug}/members` }),
    expect: only(200, INSIDERS),
  },
  {
    name: 'POST invite a colleague',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/organizations/${w.slug}/members`,
      payload: { email: `new-${w.slug}@example.org`, name: 'Nuova Collega', role: 'operator' },
    }),
    expect: only(201, EDITORS),
  },
  {
    name: "PATCH a colleague's role",
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/organizations/${w.slug}/members/${w.colleagueId}`,
      payload: { role: 'operator' },
    }),
    expect: only(200, EDITORS),
  },
  {
    name: 'DELETE a colleague',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/organizations/${w.slug}/members/${w.colleagueId}` }),
    expect: only(204, EDITORS),
  },
  {
    name: 'POST leave the network',
    request: (w) => ({ method: 'POST', url: `/api/v1/organizations/${w.slug}/leave` }),
    expect: only(200, ['orgAdmin']),
  },
  {
    name: 'POST suspend',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/organizations/${w.slug}/suspend`,
      payload: { note: 'x' },
    }),
    expect: only(200, STAFF),
  },
  {
    name: 'POST reinstate',
    status: 'suspended',
    request: (w) => ({ method: 'POST', url: `/api/v1/organizations/${w.slug}/reinstate`, payload: {} }),
    expect: only(200, STAFF, HIDDEN_WRITE),
  },
  {
    name: 'GET the audit log',
    request: (w) => ({ method: 'GET', url: `/api/v1/organizations/${w.slug}/audit` }),
    expect: only(200, STAFF),
  },
  {
    name: 'GET meetings',
    request: (w) => ({ method: 'GET', url: `/api/v1/organizations/${w.slug}/meetings` }),
    expect: only(200, STAFF),
  },
  {
    name: 'POST a meeting',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/organizations/${w.slug}/meetings`,
      payload: { heldOn: '2026-01-20', participants: 'Staff e presidente' },
    }),
    expect: only(201, STAFF),
  },
  {
    name: 'POST an application',
    request: () => ({ method: 'POST', url: '/api/v1/applications', payload: applicationBody() }),
    expect: only(201, [...ROLES]),
  },
  {
    name: 'GET the review queue',
    request: () => ({ method: 'GET', url: '/api/v1/applications' }),
    expect: only(200, STAFF),
  },
  {
    name: 'GET an application',
    needsApplication: true,
    request: (w) => ({ method: 'GET', url: `/api/v1/applications/${w.applicationId}` }),
    expect: only(200, STAFF),
  },
  {
    name: 'POST approve',
    needsApplication: true,
    request: (w) => ({ method: 'POST', url: `/api/v1/applications/${w.applicationId}/approve`, payload: {} }),
    expect: only(200, STAFF),
  },
  {
    name: 'POST reject',
    needsApplication: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/applications/${w.applicationId}/reject`,
      payload: { note: 'No' },
    }),
    expect: only(200, STAFF),
  },
  {
    name: 'POST request changes',
    needsApplication: true,
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/applications/${w.applicationId}/request-changes`,
      payload: { note: 'Add RUNTS' },
    }),
    expect: only(200, STAFF),
  },
  {
    name: 'PUT resubmit without the token',
    needsApplication: true,
    request: (w) => ({
      method: 'PUT',
      url: `/api/v1/applications/${w.applicationId}`,
      payload: applicationBody(),
    }),
    expect: Object.fromEntries(ROLES.map((r) => [r, 400])) as Record<Role, number>,
  },
];

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
  admin = await t.newUser({ networkRole: 'admin' });
});
afterAll(() => t.close());

describe('authorisation of the organisation endpoints', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('should let only the right roles %s', async (_name, row) => {
    const got: Record<string, number> = {};
    for (const role of ROLES) {
      // A fresh world per role, so one role's change (leave, suspend, delete) does not affect the next.
      const w = await world(row);
      const res = await t.injectAs(w.as[role], row.request(w));
      got[role] = res.statusCode;
    }
    expect(got).toEqual(row.expect);
  });
});
