// Walks every endpoint of the trainings module with every role, and checks that none is left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  type TestContext,
  type TestUser,
  unique,
  unwalkedRoutes,
} from '../../../../test/app.js';

const ROLES = ['anonymous', 'outsider', 'participant', 'staff', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown };
type World = { courseId: string; sessionId: string; enrolmentId: string; as: Record<Role, TestUser | null> };

let t: TestContext;
let staff: TestUser;
let admin: TestUser;
const HOUR = 3600_000;
const at = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const STAFF: Role[] = ['staff', 'admin'];
const LOGGED_IN: Role[] = ['outsider', 'participant', 'staff', 'admin'];
const EVERYONE: Role[] = [...ROLES];

async function world(): Promise<World> {
  const c = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/courses',
    payload: { title: { it: `Corso ${unique()}` }, format: 'online', seats: 10, completionThreshold: 0.5 },
  });
  const courseId = c.json().id as string;
  const s = await t.injectAs(staff, {
    method: 'POST',
    url: `/api/v1/courses/${courseId}/sessions`,
    payload: {
      startsAt: at(24),
      endsAt: at(26),
      hours: 2,
      format: 'online',
      onlineUrl: 'https://meet.example.org/x',
    },
  });
  await t.injectAs(staff, {
    method: 'POST',
    url: `/api/v1/courses/${courseId}/status`,
    payload: { status: 'published' },
  });
  const participant = await t.newUser();
  const en = await t.injectAs(participant, {
    method: 'POST',
    url: `/api/v1/courses/${courseId}/enrolments`,
    payload: {},
  });
  return {
    courseId,
    sessionId: s.json().id,
    enrolmentId: en.json().id,
    as: { anonymous: null, outsider: await t.newUser(), participant, staff, admin },
  };
}

async function certificate(w: World): Promise<string> {
  await t.injectAs(staff, {
    method: 'PUT',
    url: `/api/v1/courses/${w.courseId}/sessions/${w.sessionId}/attendance/${w.enrolmentId}`,
    payload: { attendance: 'attended' },
  });
  const r = await t.injectAs(staff, {
    method: 'POST',
    url: `/api/v1/courses/${w.courseId}/enrolments/${w.enrolmentId}/certificate`,
  });
  return r.json().code as string;
}

const only = (who: Role[], ok: number) => (role: Role) =>
  who.includes(role) ? ok : role === 'anonymous' ? 401 : 403;

type Row = { route: string; request: (w: World, role: Role) => Promise<Req>; expect: (role: Role) => number };

const ROWS: Row[] = [
  {
    route: 'GET /api/v1/courses',
    request: async () => ({ method: 'GET', url: '/api/v1/courses' }),
    expect: () => 200,
  },
  {
    route: 'POST /api/v1/courses',
    request: async () => ({
      method: 'POST',
      url: '/api/v1/courses',
      payload: { title: { it: 'Corso' }, format: 'online' },
    }),
    expect: only(STAFF, 201),
  },
  {
    route: 'GET /api/v1/courses/{id}',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}` }),
    expect: () => 200,
  },
  {
    route: 'PATCH /api/v1/courses/{id}',
    request: async (w) => ({ method: 'PATCH', url: `/api/v1/courses/${w.courseId}`, payload: { seats: 20 } }),
    expect: only(STAFF, 200),
  },
  {
    route: 'POST /api/v1/courses/{id}/status',
    request: async (w) => ({
      method: 'POST',
      url: `/api/v1/courses/${w.courseId}/status`,
      payload: { status: 'cancelled' },
    }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/courses/{id}/audit',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}/audit` }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/courses/{id}/sessions',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}/sessions` }),
    expect: () => 200,
  },
  {
    route: 'POST /api/v1/courses/{id}/sessions',
    request: async (w) => ({
      method: 'POST',
      url: `/api/v1/courses/${w.courseId}/sessions`,
      payload: {
        startsAt: at(50),
        endsAt: at(52),
        hours: 2,
        format: 'online',
        onlineUrl: 'https://meet.example.org/y',
      },
    }),
    expect: only(STAFF, 201),
  },
  {
    route: 'PATCH /api/v1/courses/{id}/sessions/{sessionId}',
    request: async (w) => ({
      method: 'PATCH',
      url: `/api/v1/courses/${w.courseId}/sessions/${w.sessionId}`,
      payload: { hours: 1.5 },
    }),
    expect: only(STAFF, 200),
  },
  {
    route: 'DELETE /api/v1/courses/{id}/sessions/{sessionId}',
    request: async (w) => ({
      method: 'DELETE',
      url: `/api/v1/courses/${w.courseId}/sessions/${w.sessionId}`,
    }),
    expect: only(STAFF, 204),
  },
  {
    route: 'PUT /api/v1/courses/{id}/sessions/{sessionId}/attendance/{enrolmentId}',
    request: async (w) => ({
      method: 'PUT',
      url: `/api/v1/courses/${w.courseId}/sessions/${w.sessionId}/attendance/${w.enrolmentId}`,
      payload: { attendance: 'attended' },
    }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/courses/{id}/enrolments',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}/enrolments` }),
    expect: only(STAFF, 200),
  },
  {
    route: 'POST /api/v1/courses/{id}/enrolments',
    request: async (w) => ({ method: 'POST', url: `/api/v1/courses/${w.courseId}/enrolments`, payload: {} }),
    // The participant is enrolled already.
    expect: (role) => (role === 'anonymous' ? 401 : role === 'participant' ? 409 : 201),
  },
  {
    route: 'POST /api/v1/courses/{id}/enrolments/{enrolmentId}/cancel',
    request: async (w) => ({
      method: 'POST',
      url: `/api/v1/courses/${w.courseId}/enrolments/${w.enrolmentId}/cancel`,
    }),
    expect: only(['participant', 'staff', 'admin'], 200),
  },
  {
    route: 'POST /api/v1/courses/{id}/enrolments/{enrolmentId}/certificate',
    request: async (w) => {
      await t.injectAs(staff, {
        method: 'PUT',
        url: `/api/v1/courses/${w.courseId}/sessions/${w.sessionId}/attendance/${w.enrolmentId}`,
        payload: { attendance: 'attended' },
      });
      return { method: 'POST', url: `/api/v1/courses/${w.courseId}/enrolments/${w.enrolmentId}/certificate` };
    },
    expect: only(['participant', 'staff', 'admin'], 201),
  },
  {
    route: 'GET /api/v1/courses/{id}/completion',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}/completion` }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/courses/{id}/enrolments.csv',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}/enrolments.csv` }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/courses/{id}/enrolments.xlsx',
    request: async (w) => ({ method: 'GET', url: `/api/v1/courses/${w.courseId}/enrolments.xlsx` }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/me/courses',
    request: async () => ({ method: 'GET', url: '/api/v1/me/courses' }),
    expect: only(LOGGED_IN, 200),
  },
  {
    route: 'GET /api/v1/certificates/{code}',
    request: async (w) => ({ method: 'GET', url: `/api/v1/certificates/${await certificate(w)}` }),
    expect: only(EVERYONE, 200),
  },
  {
    route: 'GET /api/v1/certificates/{code}/certificate.pdf',
    request: async (w) => ({
      method: 'GET',
      url: `/api/v1/certificates/${await certificate(w)}/certificate.pdf`,
    }),
    expect: only(['participant', 'staff', 'admin'], 200),
  },
  {
    route: 'POST /api/v1/certificates/{code}/revoke',
    request: async (w) => ({
      method: 'POST',
      url: `/api/v1/certificates/${await certificate(w)}/revoke`,
      payload: { reason: 'Errore materiale' },
    }),
    expect: only(STAFF, 200),
  },
];

const TRAINING_ROUTES = /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(courses|certificates|me\/courses)/;

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
  admin = await t.newUser({ networkRole: 'admin' });
});
afterAll(() => t.close());

describe('authorisation of the trainings endpoints', () => {
  for (const row of ROWS) {
    it(`should answer ${row.route} by role`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        const w = await world();
        const req = await row.request(w, role);
        const res = await t.injectAs(w.as[role], req as Parameters<TestContext['injectAs']>[1]);
        got[role] = res.statusCode;
        want[role] = row.expect(role);
      }
      expect(got).toEqual(want);
    });
  }

  it('should hide draft courses from everyone but staff', async () => {
    const c = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/courses',
      payload: { title: { it: 'Bozza' }, format: 'online' },
    });
    const id = c.json().id;
    const outsider = await t.newUser();
    expect((await t.injectAs(outsider, { method: 'GET', url: `/api/v1/courses/${id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/courses/${id}/sessions` })).statusCode,
    ).toBe(404);
    expect(
      (await t.injectAs(outsider, { method: 'GET', url: '/api/v1/courses?status=draft' })).statusCode,
    ).toBe(403);
  });

  it('should leave no trainings endpoint unwalked', async () => {
    const { unwalked, unknown } = await unwalkedRoutes(
      t.app,
      TRAINING_ROUTES,
      ROWS.map((r) => r.route),
    );
    expect(unwalked).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
