// Walks every endpoint of the events module with every role, and checks that none is left out.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
  unwalkedRoutes,
} from '../../../../test/app.js';

const ROLES = ['anonymous', 'outsider', 'participant', 'operator', 'staff', 'admin'] as const;
type Role = (typeof ROLES)[number];
type Req = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
};

type World = {
  eventId: string;
  orgSlug: string;
  registrationId: string;
  manageToken: string;
  checkInCode: string;
  materialId: string;
  programmeSlug: string;
  as: Record<Role, TestUser | null>;
};

let t: TestContext;
let staff: TestUser;
let admin: TestUser;
let png: Buffer;
let programmeSlug: string;

const HOUR = 3600_000;
const MANAGERS: Role[] = ['operator', 'staff', 'admin'];
const STAFF: Role[] = ['staff', 'admin'];
const LOGGED_IN: Role[] = ['outsider', 'participant', 'operator', 'staff', 'admin'];

async function world(): Promise<World> {
  const org = await t.newOrganisation();
  const other = await t.newOrganisation();
  const operator = await t.newUser();
  await t.addMember(org.id, operator, 'operator');
  const outsider = await t.newUser();
  await t.addMember(other.id, outsider, 'operator');
  const participant = await t.newUser();
  const ev = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/events',
    payload: {
      kind: 'local_event',
      format: 'in_person',
      title: { it: `Evento ${unique()}` },
      startsAt: new Date(Date.now() - HOUR).toISOString(),
      endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
      venue: { name: 'Sala', municipality: 'Roma', provinceCode: 'RM' },
      capacityInPerson: 100,
      organiserSlug: org.slug,
      status: 'published',
    },
  });
  const eventId = ev.json().id as string;
  const p = await t.login(participant);
  const reg = await t.injectAs(p, {
    method: 'POST',
    url: `/api/v1/events/${eventId}/registrations`,
    payload: {},
  });
  const row = await t.db
    .selectFrom('event_registrations')
    .select(['id', 'manage_token', 'check_in_code'])
    .where('id', '=', reg.json().registration.id)
    .executeTakeFirstOrThrow();
  const mat = await t.injectAs(staff, {
    method: 'POST',
    url: `/api/v1/events/${eventId}/materials/links`,
    payload: { title: 'Link', url: 'https://example.org/x' },
  });
  return {
    eventId,
    orgSlug: org.slug,
    registrationId: row.id,
    manageToken: row.manage_token,
    checkInCode: row.check_in_code,
    materialId: mat.json().id,
    programmeSlug,
    as: {
      anonymous: null,
      outsider: await t.login(outsider),
      participant: p,
      operator: await t.login(operator),
      staff,
      admin,
    },
  };
}

type Row = {
  route: string;
  request: (w: World, role: Role) => Promise<Req> | Req;
  expect: (role: Role) => number;
};

/** Allowed roles get `ok`; anonymous 401; other logged-in people `denied` (403 unless said otherwise). */
const only =
  (who: readonly Role[], ok: number, denied = 403) =>
  (role: Role) =>
    who.includes(role) ? ok : role === 'anonymous' ? 401 : denied;
const everyone = (ok: number) => () => ok;

async function guestToken(w: World): Promise<string> {
  const email = `${unique('g')}@example.org`;
  await t.injectAs(null, {
    method: 'POST',
    url: `/api/v1/events/${w.eventId}/registrations`,
    payload: { guest: { name: 'Ospite', email } },
  });
  const mail = await t.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .executeTakeFirstOrThrow();
  return decodeURIComponent(/confirm\?token=([^\s]+)/.exec(mail.text_body)?.[1] ?? '');
}

const newEventBody = () => ({
  kind: 'webinar',
  format: 'online',
  title: { it: `Webinar ${unique()}` },
  startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
  endsAt: new Date(Date.now() + 49 * HOUR).toISOString(),
});

const ROWS: Row[] = [
  {
    route: 'GET /api/v1/events',
    request: () => ({ method: 'GET', url: '/api/v1/events' }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/events/month',
    request: () => ({
      method: 'GET',
      url: `/api/v1/events/month?month=${new Date().toISOString().slice(0, 7)}`,
    }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/events',
    request: () => ({ method: 'POST', url: '/api/v1/events', payload: newEventBody() }),
    expect: only(STAFF, 201),
  },
  {
    route: 'POST /api/v1/events/covers',
    request: () => ({
      method: 'POST',
      url: '/api/v1/events/covers',
      ...multipartFile('c.png', png, 'image/png'),
    }),
    expect: only(LOGGED_IN, 201),
  },
  {
    route: 'GET /api/v1/events/trusted-organisers',
    request: () => ({ method: 'GET', url: '/api/v1/events/trusted-organisers' }),
    expect: only(STAFF, 200),
  },
  {
    route: 'PUT /api/v1/events/trusted-organisers/{slug}',
    request: (w) => ({
      method: 'PUT',
      url: `/api/v1/events/trusted-organisers/${w.orgSlug}`,
      payload: { trusted: true },
    }),
    expect: only(STAFF, 200),
  },
  {
    route: 'GET /api/v1/events/{id}',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}` }),
    expect: everyone(200),
  },
  {
    route: 'PATCH /api/v1/events/{id}',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/events/${w.eventId}`,
      payload: { capacityInPerson: 120 },
    }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'POST /api/v1/events/{id}/status',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/status`,
      payload: { status: 'cancelled' },
    }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'GET /api/v1/events/{id}/audit',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/audit` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'GET /api/v1/events/{id}/event.ics',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/event.ics` }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/events/{id}/registrations',
    request: (w, role) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/registrations`,
      payload: role === 'anonymous' ? { guest: { name: 'Ospite', email: `${unique()}@example.org` } } : {},
    }),
    // The participant is registered already; guests are always "accepted, check your mail".
    expect: (role) => (role === 'participant' ? 409 : role === 'anonymous' ? 202 : 201),
  },
  {
    route: 'GET /api/v1/events/{id}/registrations',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/registrations` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'PATCH /api/v1/events/{id}/registrations/{registrationId}',
    request: (w) => ({
      method: 'PATCH',
      url: `/api/v1/events/${w.eventId}/registrations/${w.registrationId}`,
      payload: { status: 'attended' },
    }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'POST /api/v1/events/{id}/registrations/{registrationId}/cancel',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/registrations/${w.registrationId}/cancel`,
    }),
    expect: only(['participant', ...MANAGERS], 200),
  },
  {
    route: 'GET /api/v1/events/{id}/checkins',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/checkins?q=test` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'POST /api/v1/events/{id}/checkins',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/checkins`,
      payload: { code: w.checkInCode },
    }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'POST /api/v1/events/{id}/walk-ins',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/walk-ins`,
      payload: { name: 'Alla porta' },
    }),
    expect: only(MANAGERS, 201),
  },
  {
    route: 'POST /api/v1/events/{id}/no-shows',
    request: (w) => ({ method: 'POST', url: `/api/v1/events/${w.eventId}/no-shows` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'GET /api/v1/events/{id}/figures',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/figures` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'GET /api/v1/events/{id}/participants.csv',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/participants.csv` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'GET /api/v1/events/{id}/participants.xlsx',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/participants.xlsx` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'POST /api/v1/events/{id}/materials',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/materials`,
      ...multipartFile('foto.png', png, 'image/png'),
    }),
    expect: only(MANAGERS, 201),
  },
  {
    route: 'POST /api/v1/events/{id}/materials/links',
    request: (w) => ({
      method: 'POST',
      url: `/api/v1/events/${w.eventId}/materials/links`,
      payload: { title: 'Video', url: 'https://example.org/v' },
    }),
    expect: only(MANAGERS, 201),
  },
  {
    route: 'DELETE /api/v1/events/{id}/materials/{materialId}',
    request: (w) => ({ method: 'DELETE', url: `/api/v1/events/${w.eventId}/materials/${w.materialId}` }),
    expect: only(MANAGERS, 204),
  },
  {
    route: 'GET /api/v1/events/{id}/materials/{materialId}',
    // A link material has no file to download: everyone who sees the event gets the same 404.
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/materials/${w.materialId}` }),
    expect: everyone(404),
  },
  {
    route: 'POST /api/v1/events/{id}/feedback',
    request: (w) => ({ method: 'POST', url: `/api/v1/events/${w.eventId}/feedback`, payload: { rating: 4 } }),
    expect: only(['participant'], 201),
  },
  {
    route: 'GET /api/v1/events/{id}/feedback',
    request: (w) => ({ method: 'GET', url: `/api/v1/events/${w.eventId}/feedback` }),
    expect: only(MANAGERS, 200),
  },
  {
    route: 'POST /api/v1/registrations/confirm',
    request: async (w) => ({
      method: 'POST',
      url: '/api/v1/registrations/confirm',
      payload: { token: await guestToken(w) },
    }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/registrations/manage',
    request: (w) => ({ method: 'GET', url: `/api/v1/registrations/manage?token=${w.manageToken}` }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/registrations/manage/cancel',
    request: (w) => ({
      method: 'POST',
      url: '/api/v1/registrations/manage/cancel',
      payload: { token: w.manageToken },
    }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/registrations/{registrationId}/qr.svg',
    request: (w) => ({ method: 'GET', url: `/api/v1/registrations/${w.registrationId}/qr.svg` }),
    expect: only(['participant', ...MANAGERS], 200, 404),
  },
  {
    route: 'GET /api/v1/me/events',
    request: () => ({ method: 'GET', url: '/api/v1/me/events' }),
    expect: only(LOGGED_IN, 200),
  },
  {
    route: 'GET /api/v1/me/calendar',
    request: () => ({ method: 'GET', url: '/api/v1/me/calendar' }),
    expect: only(LOGGED_IN, 200),
  },
  {
    route: 'POST /api/v1/me/calendar',
    request: () => ({ method: 'POST', url: '/api/v1/me/calendar' }),
    expect: only(LOGGED_IN, 200),
  },
  {
    route: 'GET /api/v1/organizations/{slug}/events',
    request: (w) => ({ method: 'GET', url: `/api/v1/organizations/${w.orgSlug}/events` }),
    expect: everyone(200),
  },
  {
    route: 'GET /calendar/events.ics',
    request: () => ({ method: 'GET', url: '/calendar/events.ics' }),
    expect: everyone(200),
  },
  {
    route: 'GET /calendar/programmes/{slug}.ics',
    request: (w) => ({ method: 'GET', url: `/calendar/programmes/${w.programmeSlug}.ics` }),
    expect: everyone(200),
  },
  {
    route: 'GET /calendar/me/{token}.ics',
    request: async (w) => {
      const feed = await t.injectAs(w.as.participant, { method: 'GET', url: '/api/v1/me/calendar' });
      return { method: 'GET', url: new URL(feed.json().url).pathname };
    },
    expect: everyone(200),
  },
];

/** Event endpoints (and the feeds) are walked here; test/authz.test.ts leaves them out. */
const EVENT_ROUTES =
  /^(GET|POST|PUT|PATCH|DELETE) (\/api\/v1\/(events|registrations|me\/events|me\/calendar)|\/calendar\/|\/api\/v1\/organizations\/\{slug\}\/events$)/;

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
  admin = await t.newUser({ networkRole: 'admin' });
  png = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .png()
    .toBuffer();
  const p = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/programmes',
    payload: { name: `Programma ${unique()}`, description: { it: 'Programma.' } },
  });
  programmeSlug = p.json().slug;
});
afterAll(() => t.close());

describe('authorisation of the events endpoints', () => {
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

  it('should leave no events endpoint unwalked', async () => {
    const { unwalked, unknown } = await unwalkedRoutes(
      t.app,
      EVENT_ROUTES,
      ROWS.map((r) => r.route),
    );
    expect(unwalked).toEqual([]);
    expect(unknown).toEqual([]);
  });
});
