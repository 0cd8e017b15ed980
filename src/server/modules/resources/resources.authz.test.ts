// Walks every endpoint of the resource library with every role, and checks that none is left out.
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
  unwalkedRoutes,
} from '../../../../test/app.js';

const ROLES = ['anonymous', 'outsider', 'member', 'operator', 'staff', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Req = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};
type World = {
  publicId: string;
  membersId: string;
  orgItemId: string;
  collectionId: string;
  orgSlug: string;
  as: Record<Role, TestUser | null>;
};

let t: TestContext;
let staff: TestUser;
let admin: TestUser;
let pdf: Buffer;

const STAFF: Role[] = ['staff', 'admin'];
const MANAGERS: Role[] = ['operator', 'staff', 'admin'];

async function create(who: TestUser, body: Record<string, unknown>) {
  const res = await t.injectAs(who, {
    method: 'POST',
    url: '/api/v1/resources',
    payload: { kind: 'toolkit', title: { it: `Risorsa ${unique()}` }, status: 'published', ...body },
  });
  return res.json().id as string;
}

async function world(): Promise<World> {
  const org = await t.newOrganisation();
  const other = await t.newOrganisation();
  const operator = await t.newUser();
  await t.addMember(org.id, operator, 'operator');
  const outsiderUser = await t.newUser();
  const member = await t.newUser();
  await t.addMember(other.id, member, 'operator');
  const op = await t.login(operator);
  const publicId = await create(staff, {});
  const membersId = await create(staff, { visibility: 'members' });
  const orgItemId = await create(op, { organisationSlug: org.slug });
  for (const id of [publicId, membersId, orgItemId]) {
    await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/resources/${id}/versions`,
      ...multipartFile('a.pdf', pdf),
    });
  }
  const col = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/resource-collections',
    payload: { title: { it: `Raccolta ${unique()}` }, resourceIds: [publicId] },
  });
  return {
    publicId,
    membersId,
    orgItemId,
    collectionId: col.json().id,
    orgSlug: org.slug,
    as: {
      anonymous: null,
      outsider: outsiderUser,
      member: await t.login(member),
      operator: op,
      staff,
      admin,
    },
  };
}

type Row = { route: string; request: (w: World) => Req; expect: (role: Role) => number };

const only =
  (who: readonly Role[], ok: number, denied = 403) =>
  (role: Role) =>
    who.includes(role) ? ok : role === 'anonymous' ? 401 : denied;
const everyone = (ok: number) => () => ok;

const ROWS: Row[] = [
  {
    route: 'GET /api/v1/resources',
    request: () => ({ method: 'GET', url: '/api/v1/resources' }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/resources',
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'factsheet', title: { it: 'Scheda' }, organisationSlug: w.orgSlug },
    }),
    // A member of another organisation may add items only for an organisation they manage.
    expect: (r) => (MANAGERS.includes(r) ? 201 : r === 'anonymous' ? 401 : 403),
  },
  {
    route: 'GET /api/v1/resources/{id}',
    request: (w) => ({ method: 'GET', url: `/api/v1/resources/${w.membersId}` }),
    expect: (r) => (r === 'anonymous' || r === 'outsider' ? 404 : 200),
  },
  {
    route: 'PATCH /api/v1/resources/{id}',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/resources/${w.orgItemId}`,
      payload: { tags: ['aggiornato'] },
    }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'DELETE /api/v1/resources/{id}',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/resources/${w.orgItemId}` }),
    expect: only(STAFF, 204),
  },
  {
    route: 'GET /api/v1/resources/{id}/versions',
    request: (w) => ({ method: 'GET', url: `/api/v1/resources/${w.membersId}/versions` }),
    expect: (r) => (r === 'anonymous' || r === 'outsider' ? 404 : 200),
  },
  {
    route: 'POST /api/v1/resources/{id}/versions',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/resources/${w.orgItemId}/versions`,
      ...multipartFile('b.pdf', pdf),
    }),
    expect: only(MANAGERS, 201),
  },
  {
    route: 'GET /api/v1/resources/{id}/download',
    request: (w) => ({ method: 'GET', url: `/api/v1/resources/${w.membersId}/download?version=1` }),
    expect: (r) => (r === 'anonymous' || r === 'outsider' ? 404 : 200),
  },
  {
    route: 'GET /api/v1/resource-collections',
    request: () => ({ method: 'GET', url: '/api/v1/resource-collections' }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/resource-collections',
    request: () => ({
      method: 'POST',
      url: '/api/v1/resource-collections',
      payload: { title: { it: 'Nuova' } },
    }),
    expect: only(STAFF, 201),
  },
  {
    route: 'GET /api/v1/resource-collections/{id}',
    request: (w) => ({ method: 'GET', url: `/api/v1/resource-collections/${w.collectionId}` }),
    expect: everyone(200),
  },
  {
    route: 'PATCH /api/v1/resource-collections/{id}',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/resource-collections/${w.collectionId}`,
      payload: { resourceIds: [w.publicId, w.membersId] },
    }),
    expect: only(STAFF, 200),
  },
  {
    route: 'DELETE /api/v1/resource-collections/{id}',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/resource-collections/${w.collectionId}` }),
    expect: only(STAFF, 204),
  },
];

/** Library endpoints are walked here; test/authz.test.ts leaves them out. */
const RESOURCE_ROUTES = /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(resources|resource-collections)(\/|$)/;

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
  admin = await t.newUser({ networkRole: 'admin' });
  pdf = await new Promise<Buffer>((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Documento di prova');
    doc.end();
  });
});
afterAll(() => t.close());

describe('authorisation of the resource library endpoints', () => {
  for (const row of ROWS) {
    it(`should answer ${row.route} by role`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        const w = await world();
        const res = await t.injectAs(w.as[role], row.request(w) as Parameters<TestContext['injectAs']>[1]);
        got[role] = res.statusCode;
        want[role] = row.expect(role);
      }
      expect(got).toEqual(want);
    });
  }

  it('should leave no library endpoint unwalked', async () => {
    const { unwalked, unknown } = await unwalkedRoutes(
      t.app,
      RESOURCE_ROUTES,
      ROWS.map((r) => r.route),
    );
    expect(unwalked).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
