// Guest registrations that cannot block, probe or flood an address; published events organisations
// cannot rewrite; online links only for online seats; strict cursors; fixed query counts.
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { personalFeed } from './events.calendar.js';
import {
  expirePendingRegistrations,
  GUEST_RESEND_AFTER_MS,
  myEvents,
  sendDueReminders,
  updateEvent,
} from './events.service.js';
import { eventMaker, HOUR, hoursFromNow } from './events.test-fixtures.js';

let t: TestContext;
let staff: TestUser;

const at = hoursFromNow;

const newEvent = eventMaker(
  () => t,
  () => staff,
);

let ipSeq = 0;
/** Every test its own client address, so the per-address limit of one test does not touch another. */
const newIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

const register = (
  user: TestUser | null,
  eventId: string,
  payload: Record<string, unknown> = {},
  ip?: string,
) =>
  t.injectAs(user, {
    method: 'POST',
    url: `/api/v1/events/${eventId}/registrations`,
    payload,
    ...(ip ? { remoteAddress: ip } : {}),
  });

async function outbox(to: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'template'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();
}

const tokenIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`));
  return m ? decodeURIComponent(m[1] as string) : null;
};

const actorOf = (u: TestUser, networkRole: Actor['networkRole'] = null): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  locale: 'it',
  networkRole,
  emailVerified: true,
  memberships: new Map(),
});

/** The app context over a database handle that counts the statements sent through it. */
function counting(): { ctx: AppContext; queries: () => number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const ctx = { config: t.config, db: t.db.withPlugin(plugin), dbKind: 'pglite' } as unknown as AppContext;
  return { ctx, queries: () => n };
}

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());

describe('guest registrations', () => {
  it('should let a member register although a guest registered their address first', async () => {
    const ev = await newEvent({ capacityInPerson: 1 });
    const member = await t.newUser();
    const squat = await register(null, ev.id, { guest: { name: 'Squatter', email: member.email } }, newIp());
    expect(squat.statusCode).toBe(202);

    const page = await t.injectAs(member, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(page.json().viewer.canRegister).toBe(true);
    const mine = await register(member, ev.id);
    expect(mine.statusCode).toBe(201);
    expect(mine.json().registration).toMatchObject({ status: 'confirmed', name: member.name });

    // The guest's link no longer confirms anything: the row is the member's now.
    const [mail] = await outbox(member.email);
    const token = tokenIn(mail?.text_body ?? '', '/events/registrations/confirm');
    const confirm = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/confirm',
      payload: { token },
    });
    expect(confirm.json().error.code).toBe('INVALID_TOKEN');
    const after = await t.injectAs(member, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(after.json().viewer).toMatchObject({
      registerBlocked: 'already_registered',
      registration: { status: 'confirmed' },
    });
  });

  it('should let confirmation links expire after 48 hours and let the address register again', async () => {
    const ev = await newEvent();
    const email = `${unique('late')}@example.org`;
    const ip = newIp();
    await register(null, ev.id, { guest: { name: 'Prima', email } }, ip);
    const old = tokenIn((await outbox(email))[0]?.text_body ?? '', '/events/registrations/confirm');
    const row = await t.db
      .selectFrom('event_registrations')
      .select(['id', 'confirm_expires_at', 'confirm_sent_at'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect((row.confirm_expires_at as Date).getTime() - (row.confirm_sent_at as Date).getTime()).toBe(
      48 * HOUR,
    );
    // Two days later.
    await t.db
      .updateTable('event_registrations')
      .set({
        confirm_sent_at: new Date(Date.now() - 49 * HOUR),
        confirm_expires_at: new Date(Date.now() - HOUR),
      })
      .where('id', '=', row.id)
      .execute();
    const expired = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/confirm',
      payload: { token: old },
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error).toMatchObject({ code: 'INVALID_TOKEN', details: { reason: 'expired' } });

    // Registering again replaces the expired row and mails a link that works.
    expect((await register(null, ev.id, { guest: { name: 'Seconda', email } }, ip)).statusCode).toBe(202);
    const mails = await outbox(email);
    expect(mails).toHaveLength(2);
    const fresh = tokenIn(mails[1]?.text_body ?? '', '/events/registrations/confirm');
    const ok = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/confirm',
      payload: { token: fresh },
    });
    expect(ok.json().registration).toMatchObject({ status: 'confirmed', name: 'Seconda' });
  });

  it('should remove expired unconfirmed registrations in the scheduled cleanup, with an audit entry', async () => {
    const ev = await newEvent();
    const gone = `${unique('gone')}@example.org`;
    const kept = `${unique('kept')}@example.org`;
    const ip = newIp();
    await register(null, ev.id, { guest: { name: 'Gone', email: gone } }, ip);
    await register(null, ev.id, { guest: { name: 'Kept', email: kept } }, ip);
    await t.db
      .updateTable('event_registrations')
      .set({ confirm_expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', gone)
      .execute();
    const removed = await t.db.transaction().execute((tx) => expirePendingRegistrations(tx, new Date()));
    expect(removed).toBeGreaterThanOrEqual(1);
    const left = await t.db
      .selectFrom('event_registrations')
      .select('email')
      .where('event_id', '=', ev.id)
      .execute();
    expect(left.map((r) => r.email)).toEqual([kept]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['from_status', 'to_status'])
      .where('entity_type', '=', 'event_registration')
      .where('action', '=', 'expired')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit[0]).toEqual({ from_status: 'pending', to_status: null });
  });

  it('should answer guests the same whatever the address has, and mail its owner instead', async () => {
    const ev = await newEvent();
    const victim = await t.newUser();
    expect((await register(victim, ev.id)).statusCode).toBe(201);
    const ip = newIp();
    const probe = await register(null, ev.id, { guest: { name: 'X', email: victim.email } }, ip);
    const stranger = await register(
      null,
      ev.id,
      { guest: { name: 'Y', email: `${unique()}@example.org` } },
      ip,
    );
    expect(probe.statusCode).toBe(202);
    expect(stranger.statusCode).toBe(probe.statusCode);
    expect(probe.json()).toEqual(stranger.json());
    expect(probe.body).not.toContain('confirmed');

    const note = (await outbox(victim.email)).find((m) => m.template === 'events.already_registered');
    expect(note?.text_body).toMatch(/\/events\/registrations\/manage\?token=/);
    expect(note?.text_body).toContain(victim.name);

    // People logged in still learn about their own registration.
    const again = await register(victim, ev.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_REGISTERED');
  });

  it('should not mail another link to a pending registration within 10 minutes', async () => {
    const ev = await newEvent();
    const email = `${unique('twice')}@example.org`;
    const ip = newIp();
    for (let i = 0; i < 3; i++) {
      const r = await register(null, ev.id, { guest: { name: 'Ospite', email } }, ip);
      expect(r.statusCode).toBe(202);
    }
    expect(await outbox(email)).toHaveLength(1);
    // Later, a lost mail can be asked for again.
    await t.db
      .updateTable('event_registrations')
      .set({ confirm_sent_at: new Date(Date.now() - GUEST_RESEND_AFTER_MS - 1000) })
      .where('email', '=', email)
      .execute();
    await register(null, ev.id, { guest: { name: 'Ospite', email } }, ip);
    expect(await outbox(email)).toHaveLength(2);
  });

  it('should refuse too many guest registrations for one address or from one client with 429', async () => {
    const email = `${unique('flood')}@example.org`;
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ev = await newEvent();
      codes.push((await register(null, ev.id, { guest: { name: 'Ospite', email } }, newIp())).statusCode);
    }
    expect(codes).toEqual([202, 202, 202, 202, 202, 429]);

    const ev = await newEvent({ capacityInPerson: 100 });
    const ip = newIp();
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const r = await register(
        null,
        ev.id,
        { guest: { name: 'Ospite', email: `${unique()}@example.org` } },
        ip,
      );
      last = r.statusCode;
      if (i < 30) expect(r.statusCode).toBe(202);
      else expect(r.json().error.code).toBe('RATE_LIMITED');
    }
    expect(last).toBe(429);
    // Another client is not affected.
    const other = await register(
      null,
      ev.id,
      { guest: { name: 'Altro', email: `${unique()}@example.org` } },
      newIp(),
    );
    expect(other.statusCode).toBe(202);
  });
});

describe('published events of organisations', () => {
  async function orgEvent(trusted: boolean) {
    const org = await t.newOrganisation();
    const op = await t.newUser();
    await t.addMember(org.id, op, 'operator');
    const me = await t.login(op);
    if (trusted) {
      await t.injectAs(staff, {
        method: 'PUT',
        url: `/api/v1/events/trusted-organisers/${org.slug}`,
        payload: { trusted: true },
      });
    }
    const ev = await newEvent(
      {
        kind: 'local_event',
        format: 'online',
        venue: undefined,
        capacityInPerson: undefined,
        onlineUrl: 'https://meet.example.org/ok',
        organiserSlug: org.slug,
      },
      me,
    );
    if (!trusted) {
      const pub = await t.injectAs(staff, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/status`,
        payload: { status: 'published' },
      });
      expect(pub.json().status).toBe('published');
    }
    return { ev, op: me };
  }

  it('should refuse an untrusted organisation rewriting what staff published', async () => {
    const { ev, op } = await orgEvent(false);
    const patch = (payload: Record<string, unknown>) =>
      t.injectAs(op, { method: 'PATCH', url: `/api/v1/events/${ev.id}`, payload });
    const rewrite = await patch({ title: { it: 'Tutt’altro' }, onlineUrl: 'https://phish.example.org' });
    expect(rewrite.statusCode).toBe(403);
    const paths = rewrite.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths.sort()).toEqual(['onlineUrl', 'title']);
    const page = await t.injectAs(null, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(page.json()).toMatchObject({ status: 'published', title: ev.title });

    // Running the event stays theirs: seats and the registration window, and the whole form unchanged.
    const seats = await patch({ capacityOnline: 40, title: { en: 'Meeting', it: ev.title.it } });
    expect(seats.statusCode).toBe(200);
    expect(seats.json().seats.online.capacity).toBe(40);

    // Staff change it.
    const byStaff = await t.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/events/${ev.id}`,
      payload: { title: { it: 'Nuovo titolo' } },
    });
    expect(byStaff.json().title.it).toBe('Nuovo titolo');
  });

  it('should let a trusted organisation change its published event', async () => {
    const { ev, op } = await orgEvent(true);
    expect(ev.status).toBe('published');
    const r = await t.injectAs(op, {
      method: 'PATCH',
      url: `/api/v1/events/${ev.id}`,
      payload: { title: { it: 'Titolo corretto' } },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().title.it).toBe('Titolo corretto');
  });
});

describe('online links of hybrid events', () => {
  it('should give the online link only to people with an online seat and to managers', async () => {
    const url = `https://meet.example.org/${unique()}`;
    const ev = await newEvent({ format: 'hybrid', capacityOnline: 5, onlineUrl: url });
    const inPerson = await t.newUser();
    const online = await t.newUser();
    expect((await register(inPerson, ev.id, { mode: 'in_person' })).statusCode).toBe(201);
    expect((await register(online, ev.id, { mode: 'online' })).statusCode).toBe(201);
    const page = async (u: TestUser) =>
      (await t.injectAs(u, { method: 'GET', url: `/api/v1/events/${ev.id}` })).json().onlineUrl;
    expect(await page(inPerson)).toBeNull();
    expect(await page(online)).toBe(url);
    expect(await page(staff)).toBe(url);

    const ics = async (u: TestUser) =>
      (await t.injectAs(u, { method: 'GET', url: `/api/v1/events/${ev.id}/event.ics` })).body;
    expect(await ics(inPerson)).not.toContain('meet.example.org');
    expect((await ics(online)).replace(/\r\n /g, '')).toContain(url);
  });
});

describe('cursors', () => {
  it('should answer 400 on cursors with dates PostgreSQL cannot hold', async () => {
    for (const startsAt of [
      '-271821-04-20T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '1969-12-31T23:59:59.000Z',
      '2026-02-31T00:00:00.000Z',
      '2026-01-01',
    ]) {
      const cursor = Buffer.from(
        JSON.stringify({ startsAt, id: '00000000-0000-0000-0000-000000000000' }),
      ).toString('base64url');
      const r = await t.injectAs(null, { method: 'GET', url: `/api/v1/events?cursor=${cursor}` });
      expect(r.statusCode, startsAt).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.details.fields[0].path).toBe('cursor');
    }
    const good = Buffer.from(
      JSON.stringify({ startsAt: '2026-01-01T00:00:00.000Z', id: '00000000-0000-0000-0000-000000000000' }),
    ).toString('base64url');
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/events?cursor=${good}` })).statusCode).toBe(
      200,
    );
  });
});

describe('query counts', () => {
  it('should list a person’s events with their waitlist places in a fixed number of queries', async () => {
    const person = async (n: number) => {
      const u = await t.newUser();
      for (let i = 0; i < n; i++) {
        const ev = await newEvent({ capacityInPerson: 1 });
        // Someone holds the seat on every other event: the person waits, second after another.
        if (i % 2 === 0) {
          await register(await t.newUser(), ev.id);
          await register(await t.newUser(), ev.id);
        }
        await register(u, ev.id);
      }
      const { ctx, queries } = counting();
      const list = await myEvents(ctx, actorOf(u), 'upcoming');
      return { list, queries: queries() };
    };
    const few = await person(2);
    const many = await person(5);
    expect(many.list.items).toHaveLength(5);
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
    const waiting = many.list.items.filter((i) => i.registration.status === 'waitlisted');
    expect(waiting).toHaveLength(3);
    expect(waiting.every((i) => i.registration.waitlistPosition === 2)).toBe(true);
  });

  it('should write the personal calendar in a fixed number of queries', async () => {
    const feedQueries = async (n: number) => {
      const u = await t.newUser();
      for (let i = 0; i < n; i++) await register(u, (await newEvent()).id);
      const url: string = (await t.injectAs(u, { method: 'GET', url: '/api/v1/me/calendar' })).json().url;
      const token = /\/calendar\/me\/(.+)\.ics$/.exec(url)?.[1] as string;
      const { ctx, queries } = counting();
      await personalFeed(ctx, token);
      return queries();
    };
    const few = await feedQueries(2);
    expect(few).toBeGreaterThan(0);
    expect(await feedQueries(5)).toBe(few);
  });

  it('should send reminders in a fixed number of queries whatever the number of people', async () => {
    await t.db.transaction().execute((tx) => sendDueReminders(tx, t.config));
    const run = async (people: number) => {
      const ev = await newEvent({ startsAt: at(10), endsAt: at(12), capacityInPerson: 50 });
      for (let i = 0; i < people; i++) await register(await t.newUser(), ev.id);
      const { ctx, queries } = counting();
      const sent = await ctx.db.transaction().execute((tx) => sendDueReminders(tx, t.config));
      return { sent, queries: queries() };
    };
    const few = await run(2);
    const many = await run(6);
    expect([few.sent, many.sent]).toEqual([2, 6]);
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);
  });

  it('should promote a whole waitlist in a fixed number of queries, in queue order, with audit and mails', async () => {
    const promote = async (waiting: number) => {
      const ev = await newEvent({ capacityInPerson: 1 });
      await register(await t.newUser(), ev.id);
      const queue: TestUser[] = [];
      for (let i = 0; i < waiting; i++) {
        const u = await t.newUser();
        expect((await register(u, ev.id)).json().registration.status).toBe('waitlisted');
        queue.push(u);
      }
      const { ctx, queries } = counting();
      await updateEvent(ctx, actorOf(staff, 'staff'), ev.id, { capacityInPerson: null });
      return { ev, queue, queries: queries() };
    };
    const few = await promote(2);
    const many = await promote(6);
    expect(few.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(few.queries);

    const rows = await t.db
      .selectFrom('event_registrations')
      .select(['id', 'status', 'email'])
      .where('event_id', '=', many.ev.id)
      .execute();
    expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
    const promotedIds = rows.filter((r) => many.queue.some((u) => u.email === r.email)).map((r) => r.id);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'from_status', 'to_status', 'actor_user_id'])
      .where('action', '=', 'promoted')
      .where('entity_id', 'in', promotedIds)
      .execute();
    expect(audit).toHaveLength(6);
    expect(audit.every((a) => a.actor_user_id === staff.id && a.to_status === 'confirmed')).toBe(true);
    for (const u of many.queue) {
      expect((await outbox(u.email)).map((m) => m.template)).toContain('events.promoted');
    }
  });

  it('should promote only as many as the new capacity allows, first come first served', async () => {
    const ev = await newEvent({ capacityInPerson: 1 });
    await register(await t.newUser(), ev.id);
    const queue: TestUser[] = [];
    for (let i = 0; i < 4; i++) {
      const u = await t.newUser();
      await register(u, ev.id);
      queue.push(u);
    }
    await t.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/events/${ev.id}`,
      payload: { capacityInPerson: 3 },
    });
    const status = async (u: TestUser) =>
      (await t.injectAs(u, { method: 'GET', url: `/api/v1/events/${ev.id}` })).json().viewer.registration;
    expect((await status(queue[0] as TestUser)).status).toBe('confirmed');
    expect((await status(queue[1] as TestUser)).status).toBe('confirmed');
    expect(await status(queue[2] as TestUser)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await status(queue[3] as TestUser)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
  });
});
