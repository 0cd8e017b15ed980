// Walks every endpoint of mentoring and of the notification centre with every role, and checks that
// none is left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unwalkedRoutes } from '../../../../test/app.js';
import { notify } from '../notifications/notifications.service.js';

const ROLES = [
  'anonymous',
  'outsider',
  'otherExpert',
  'bystander',
  'orgAdmin',
  'participant',
  'mentor',
  'staff',
  'admin',
] as const;
type Role = (typeof ROLES)[number];
type Req = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: unknown };
type World = {
  id: string;
  orgId: string;
  sessionId: string;
  actionId: string;
  requestId: string;
  notificationId: string;
  extra: TestUser;
  as: Record<Role, TestUser | null>;
};

let t: TestContext;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function world(): Promise<World> {
  const org = await t.newOrganisation();
  const mentor = await t.newUser({ networkRole: 'expert' });
  const participant = await t.newUser();
  const orgAdmin = await t.newUser();
  const bystander = await t.newUser();
  const extra = await t.newUser();
  await t.addMember(org.id, participant, 'operator');
  await t.addMember(org.id, orgAdmin, 'org_admin');
  await t.addMember(org.id, bystander, 'delegate');
  await t.addMember(org.id, extra, 'operator');
  const e = await t.injectAs(mentor, {
    method: 'POST',
    url: '/api/v1/mentoring/engagements',
    payload: {
      organisationId: org.id,
      purpose: 'mentoring',
      startsOn: day(-1),
      participantIds: [participant.id],
    },
  });
  const id = e.json().id as string;
  const s = await t.injectAs(mentor, {
    method: 'POST',
    url: `/api/v1/mentoring/engagements/${id}/sessions`,
    payload: {
      startsAt: inHours(-2),
      format: 'online',
      actions: [{ text: 'Fare qualcosa', ownerUserId: participant.id, dueOn: day(3) }],
    },
  });
  const pLogged = await t.login(participant);
  const r = await t.injectAs(pLogged, {
    method: 'POST',
    url: `/api/v1/mentoring/engagements/${id}/requests`,
    payload: { topic: 'Una richiesta', preferredDates: [day(4)] },
  });
  const actions = await t.injectAs(mentor, {
    method: 'GET',
    url: `/api/v1/mentoring/engagements/${id}/actions`,
  });
  const as: Record<Role, TestUser | null> = {
    anonymous: null,
    outsider: await t.newUser(),
    otherExpert: await t.newUser({ networkRole: 'expert' }),
    bystander: await t.login(bystander),
    orgAdmin: await t.login(orgAdmin),
    participant: pLogged,
    mentor,
    staff: await t.newUser({ networkRole: 'staff' }),
    admin: await t.newUser({ networkRole: 'admin' }),
  };
  // One notification for each logged-in role: "mark as read" works on one's own.
  const ids: Partial<Record<Role, string>> = {};
  await t.db.transaction().execute(async (tx) => {
    for (const role of ROLES) {
      const u = as[role];
      if (u) await notify(tx, { userIds: [u.id], kind: 'test.authz', text: () => ({ title: role }) });
    }
  });
  const participantNotes = await t.injectAs(pLogged, { method: 'GET', url: '/api/v1/notifications?limit=1' });
  ids.participant = participantNotes.json().items[0].id;
  return {
    id,
    orgId: org.id,
    sessionId: s.json().id,
    actionId: actions.json().items[0].id,
    requestId: r.json().id,
    notificationId: ids.participant as string,
    extra,
    as,
  };
}

const SEES: Role[] = ['bystander', 'orgAdmin', 'participant', 'mentor', 'staff', 'admin'];
const MANAGES: Role[] = ['mentor', 'staff', 'admin'];
const EDITS_PEOPLE: Role[] = ['orgAdmin', 'mentor', 'staff', 'admin'];
const REQUESTS: Role[] = ['orgAdmin', 'participant'];

/** Who gets `ok`; anonymous 401; those who may not see the engagement 404; the rest 403. */
const byEngagement = (allowed: Role[], ok: number) => (role: Role) =>
  allowed.includes(role) ? ok : role === 'anonymous' ? 401 : SEES.includes(role) ? 403 : 404;
const loggedIn = (ok: number) => (role: Role) => (role === 'anonymous' ? 401 : ok);

type Row = { route: string; request: (w: World) => Req; expect: (role: Role) => number };
const E = (w: World) => `/api/v1/mentoring/engagements/${w.id}`;

const ROWS: Row[] = [
  {
    route: 'GET /api/v1/mentoring/engagements',
    request: () => ({ method: 'GET', url: '/api/v1/mentoring/engagements' }),
    expect: loggedIn(200),
  },
  {
    route: 'POST /api/v1/mentoring/engagements',
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/mentoring/engagements',
      payload: { organisationId: w.orgId, purpose: 'supervision', startsOn: day(0) },
    }),
    expect: (r) =>
      r === 'anonymous' ? 401 : ['otherExpert', 'mentor', 'staff', 'admin'].includes(r) ? 201 : 403,
  },
  {
    route: 'GET /api/v1/mentoring/engagements/{id}',
    request: (w) => ({ method: 'GET', url: E(w) }),
    expect: byEngagement(SEES, 200),
  },
  {
    route: 'PATCH /api/v1/mentoring/engagements/{id}',
    request: (w) => ({ method: 'PATCH', url: E(w), payload: { endsOn: day(60) } }),
    expect: byEngagement(MANAGES, 200),
  },
  {
    route: 'GET /api/v1/mentoring/engagements/{id}/candidates',
    request: (w) => ({ method: 'GET', url: `${E(w)}/candidates` }),
    expect: byEngagement(EDITS_PEOPLE, 200),
  },
  {
    route: 'POST /api/v1/mentoring/engagements/{id}/participants',
    request: (w) => ({ method: 'POST', url: `${E(w)}/participants`, payload: { userId: w.extra.id } }),
    expect: byEngagement(EDITS_PEOPLE, 200),
  },
  {
    route: 'DELETE /api/v1/mentoring/engagements/{id}/participants/{userId}',
    request: (w) => ({ method: 'DELETE', url: `${E(w)}/participants/${w.as.participant?.id}` }),
    expect: byEngagement(EDITS_PEOPLE, 200),
  },
  {
    route: 'GET /api/v1/mentoring/engagements/{id}/sessions',
    request: (w) => ({ method: 'GET', url: `${E(w)}/sessions` }),
    expect: byEngagement(SEES, 200),
  },
  {
    route: 'POST /api/v1/mentoring/engagements/{id}/sessions',
    request: (w) => ({
      method: 'POST',
      url: `${E(w)}/sessions`,
      payload: { startsAt: inHours(30), format: 'on_site' },
    }),
    expect: byEngagement(MANAGES, 201),
  },
  {
    route: 'PATCH /api/v1/mentoring/engagements/{id}/sessions/{sessionId}',
    request: (w) => ({
      method: 'PATCH',
      url: `${E(w)}/sessions/${w.sessionId}`,
      payload: { notes: 'Aggiornate' },
    }),
    expect: byEngagement(MANAGES, 200),
  },
  {
    route: 'GET /api/v1/mentoring/engagements/{id}/requests',
    request: (w) => ({ method: 'GET', url: `${E(w)}/requests` }),
    expect: byEngagement(SEES, 200),
  },
  {
    route: 'POST /api/v1/mentoring/engagements/{id}/requests',
    request: (w) => ({
      method: 'POST',
      url: `${E(w)}/requests`,
      payload: { topic: 'Richiesta', preferredDates: [day(9)] },
    }),
    expect: byEngagement(REQUESTS, 201),
  },
  {
    route: 'POST /api/v1/mentoring/engagements/{id}/requests/{requestId}/decline',
    request: (w) => ({ method: 'POST', url: `${E(w)}/requests/${w.requestId}/decline`, payload: {} }),
    expect: byEngagement(MANAGES, 200),
  },
  {
    route: 'GET /api/v1/mentoring/engagements/{id}/actions',
    request: (w) => ({ method: 'GET', url: `${E(w)}/actions` }),
    expect: byEngagement(SEES, 200),
  },
  {
    route: 'POST /api/v1/mentoring/engagements/{id}/actions',
    request: (w) => ({
      method: 'POST',
      url: `${E(w)}/actions`,
      payload: { text: 'Nuova azione', ownerUserId: w.as.participant?.id, dueOn: day(2) },
    }),
    expect: byEngagement(MANAGES, 201),
  },
  {
    route: 'PATCH /api/v1/mentoring/engagements/{id}/actions/{actionId}',
    request: (w) => ({ method: 'PATCH', url: `${E(w)}/actions/${w.actionId}`, payload: { status: 'done' } }),
    expect: byEngagement([...MANAGES, 'participant'], 200),
  },
  {
    route: 'GET /api/v1/mentoring/actions',
    request: () => ({ method: 'GET', url: '/api/v1/mentoring/actions?overdue=true' }),
    expect: loggedIn(200),
  },
  {
    route: 'GET /api/v1/mentoring/sessions',
    request: () => ({ method: 'GET', url: '/api/v1/mentoring/sessions?upcoming=true' }),
    expect: loggedIn(200),
  },
  {
    route: 'GET /api/v1/notifications',
    request: () => ({ method: 'GET', url: '/api/v1/notifications' }),
    expect: loggedIn(200),
  },
  {
    route: 'GET /api/v1/notifications/unread-count',
    request: () => ({ method: 'GET', url: '/api/v1/notifications/unread-count' }),
    expect: loggedIn(200),
  },
  {
    route: 'POST /api/v1/notifications/read-all',
    request: () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
    expect: loggedIn(200),
  },
  {
    route: 'POST /api/v1/notifications/{id}/read',
    request: (w) => ({ method: 'POST', url: `/api/v1/notifications/${w.notificationId}/read` }),
    // The participant's own notification: everyone else gets 404, never a hint it exists.
    expect: (r) => (r === 'anonymous' ? 401 : r === 'participant' ? 200 : 404),
  },
  {
    route: 'GET /api/v1/notifications/settings',
    request: () => ({ method: 'GET', url: '/api/v1/notifications/settings' }),
    expect: loggedIn(200),
  },
  {
    route: 'PUT /api/v1/notifications/settings',
    request: () => ({
      method: 'PUT',
      url: '/api/v1/notifications/settings',
      payload: { emailMode: 'immediate' },
    }),
    expect: loggedIn(200),
  },
  {
    // Authorised by the signed token of a mail, never by the session: a forged one is refused to everyone.
    route: 'POST /api/v1/notifications/unsubscribe',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe?token=${w.as.participant?.id.replaceAll('-', '')}.${'A'.repeat(43)}`,
    }),
    expect: () => 400,
  },
];

const WALKED = /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(mentoring|notifications)(\/|$)/;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('authorisation of the mentoring and notification endpoints', () => {
  for (const row of ROWS) {
    it(`should answer ${row.route} by role`, async () => {
      const w = await world();
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const role of ROLES) {
        const res = await t.injectAs(w.as[role], row.request(w) as Parameters<TestContext['injectAs']>[1]);
        got[role] = res.statusCode;
        want[role] = row.expect(role);
        // Writes change state: start each role from a fresh world.
        if (row.request(w).method !== 'GET' && res.statusCode < 300) Object.assign(w, await world());
      }
      expect(got).toEqual(want);
    });
  }

  it('should leave no mentoring or notification endpoint unwalked', async () => {
    const { unwalked, unknown } = await unwalkedRoutes(
      t.app,
      WALKED,
      ROWS.map((r) => r.route),
    );
    expect(unwalked).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
