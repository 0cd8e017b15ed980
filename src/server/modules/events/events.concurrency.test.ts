// Seats are never oversold: 200 simultaneous registrations to a 50-seat event. On PostgreSQL the requests
// are spread over two app instances with their own connection pools, as two processes would be.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, unique } from '../../../../test/app.js';
import { buildApp } from '../../app.js';
import { type DatabaseHandle, openDatabase } from '../../db/connection.js';
import { createSession } from '../auth/sessions.service.js';
import { localFileStore } from '../files/file-store.js';

const REQUESTS = 200;
const SEATS = 50;

let t: TestContext;
const extra: { app: FastifyInstance; handle: DatabaseHandle }[] = [];

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  for (const e of extra) {
    await e.app.close();
    await e.handle.close();
  }
  await t.close();
});

describe('seats under concurrency', () => {
  it(`should confirm exactly ${SEATS} of ${REQUESTS} simultaneous registrations and waitlist the rest`, async () => {
    const url = process.env.TEST_DATABASE_URL;
    const apps: FastifyInstance[] = [];
    if (url) {
      // Two "processes": separate pools and apps against the same PostgreSQL.
      for (let i = 0; i < 2; i++) {
        const handle = await openDatabase({ databaseUrl: url, poolSize: 20 });
        const app = await buildApp(
          {
            config: t.config,
            db: handle.db,
            files: localFileStore(path.join(t.config.dataDir, 'files')),
            dbKind: 'postgres',
          },
          { logger: false },
        );
        await app.ready();
        extra.push({ app, handle });
        apps.push(app);
      }
    } else {
      apps.push(t.app);
    }

    const staff = await t.newUser({ networkRole: 'staff' });
    const created = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'national_event',
        format: 'in_person',
        title: { it: `Evento affollato ${unique()}` },
        startsAt: new Date(Date.now() + 72 * 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 75 * 3600_000).toISOString(),
        venue: { name: 'Auditorium', municipality: 'Roma', provinceCode: 'RM' },
        capacityInPerson: SEATS,
        status: 'published',
      },
    });
    expect(created.statusCode).toBe(201);
    const eventId = created.json().id as string;

    const tag = unique('crowd');
    const users = await t.db
      .insertInto('users')
      .values(
        Array.from({ length: REQUESTS }, (_, i) => ({
          email: `${tag}-${i}@example.org`,
          name: `Persona ${i}`,
          password_hash: null,
          email_verified_at: new Date(),
        })),
      )
      .returning('id')
      .execute();
    const sessions = await Promise.all(users.map((u) => createSession(t.db, u.id, { days: 1 })));

    const results = await Promise.all(
      sessions.map((s, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: `/api/v1/events/${eventId}/registrations`,
          headers: { cookie: `trama_session=${s.token}`, 'x-csrf-token': s.csrfToken },
          payload: {},
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(REQUESTS).fill(201));
    const statuses = results.map((r) => r.json().registration.status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(SEATS);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(REQUESTS - SEATS);

    const rows = await t.db
      .selectFrom('event_registrations')
      .where('event_id', '=', eventId)
      .select([
        'status',
        sql<number>`count(*)`.as('n'),
        sql<number>`count(distinct lower(email))`.as('people'),
      ])
      .groupBy('status')
      .execute();
    const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    expect(by).toEqual({ confirmed: SEATS, waitlisted: REQUESTS - SEATS });
    expect(rows.reduce((s, r) => s + Number(r.people), 0)).toBe(REQUESTS);

    // Asking again, all at once, adds nobody.
    const again = await Promise.all(
      sessions.slice(0, 20).map((s, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({
          method: 'POST',
          url: `/api/v1/events/${eventId}/registrations`,
          headers: { cookie: `trama_session=${s.token}`, 'x-csrf-token': s.csrfToken },
          payload: {},
        }),
      ),
    );
    expect(new Set(again.map((r) => r.statusCode))).toEqual(new Set([409]));
  }, 120_000);
});
