// Registration benchmark: one popular event (500 seats), N people with their own sessions register at once
// through 100 connections (autocannon in a child process, each request a different person); then a bare
// Fastify POST endpoint in the same run as the baseline. Prints registrations/s, p50/p99 and the ratio,
// then checks the seats: confirmed == capacity (never oversold), everyone else waitlisted, no duplicates.
//
//   npm run bench:events -- [--db postgres|pglite] [--registrations 5000] [--seats 500] [--connections 100]
//   BENCH_EVENTS_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/trama_bench_events) is wiped and reused.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { type DatabaseHandle, openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { hashToken } from '../src/server/modules/auth/tokens.js';
import { localFileStore } from '../src/server/modules/files/file-store.js';
import { ensureReferenceData } from '../src/server/seed/reference.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.BENCH_DB ?? 'postgres' },
    registrations: { type: 'string', default: process.env.BENCH_REGISTRATIONS ?? '5000' },
    seats: { type: 'string', default: process.env.BENCH_SEATS ?? '500' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '100' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
  },
});
const kind = args.db === 'pglite' ? 'pglite' : 'postgres';
const databaseUrl =
  process.env.BENCH_EVENTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/trama_bench_events';
const REGISTRATIONS = Number(args.registrations);
const SEATS = Number(args.seats);
const CONNECTIONS = Number(args.connections);

async function openBenchDatabase(): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({});
  const url = new URL(databaseUrl);
  const name = url.pathname.replace(/^\//, '');
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).href,
  });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl, poolSize: 20 });
  await sql`drop schema if exists public cascade`.execute(handle.db);
  await sql`create schema public`.execute(handle.db);
  return handle;
}

/** People with a live session each: the cookie token and CSRF token the load generator sends. */
async function seedPeople(handle: DatabaseHandle, n: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < n; start += 1000) {
    const count = Math.min(1000, n - start);
    const users = await handle.db
      .insertInto('users')
      .values(
        Array.from({ length: count }, (_, i) => ({
          email: `persona-${start + i}@bench.example.org`,
          name: `Persona ${start + i}`,
          password_hash: null,
          email_verified_at: new Date(),
        })),
      )
      .returning('id')
      .execute();
    const batch = users.map((u) => ({ user: u.id, token: randomBytes(32).toString('base64url') }));
    await handle.db
      .insertInto('sessions')
      .values(
        batch.map((b) => ({
          id_hash: hashToken(b.token),
          user_id: b.user,
          csrf_token: b.token,
          expires_at: new Date(Date.now() + 86_400_000),
          user_agent: null,
        })),
      )
      .execute();
    tokens.push(...batch.map((b) => b.token));
  }
  return tokens;
}

async function startApp(handle: DatabaseHandle) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-bench-'));
  const config = { ...loadConfig({ DEMO: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), webDist: undefined };
  const app = await buildApp(
    { config, db: handle.db, files: localFileStore(path.join(dataDir, 'files')), dbKind: handle.kind },
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, dataDir, port: typeof address === 'object' && address ? address.port : 0 };
}

async function startBare() {
  const bare = Fastify({ logger: false });
  bare.post('/bare', async (_req, reply) =>
    reply.status(201).send({ registration: { status: 'confirmed' } }),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  return { bare, port: typeof address === 'object' && address ? address.port : 0 };
}

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number };

// Each request takes the next person's session: every registration is a different person. With `amount`
// set, autocannon stops after one request per person; without tokens (baseline) it runs for `duration`.
const LOADER = `
const autocannon = require('autocannon');
const o = JSON.parse(process.argv[1]);
let next = 0;
autocannon({ url: o.url, connections: o.connections,
  ...(o.tokens.length ? { amount: o.tokens.length } : { duration: o.duration }),
  requests: [{ method: 'POST', path: o.path, body: '{}',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => {
      if (!o.tokens.length) return req;
      const t = o.tokens[next++ % o.tokens.length];
      return { ...req, headers: { ...req.headers, cookie: 'trama_session=' + t, 'x-csrf-token': t } };
    } }] }, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors + r.timeouts, non2xx: r.non2xx, total: r.requests.total }));
});`;

function load(port: number, pathName: string, tokens: string[]): Promise<Load> {
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: Number(args.duration),
    path: pathName,
    tokens,
  };
  return new Promise((resolve, reject) => {
    // The tokens go through a file: a long list would not fit on a command line.
    const file = path.join(os.tmpdir(), `trama-bench-events-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify(options));
    execFile(
      process.execPath,
      [
        '-e',
        LOADER.replace(
          'JSON.parse(process.argv[1])',
          `JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))`,
        ),
        file,
      ],
      { cwd: process.cwd(), maxBuffer: 10_000_000 },
      (err, stdout, stderr) => {
        fs.rmSync(file, { force: true });
        if (err) reject(new Error(`autocannon failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout) as Load);
      },
    );
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

async function main(): Promise<void> {
  console.log(`Preparing ${kind}: ${REGISTRATIONS} people with sessions, one event with ${SEATS} seats…`);
  const handle = await openBenchDatabase();
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  const tokens = await seedPeople(handle, REGISTRATIONS);
  const event = await handle.db
    .insertInto('events')
    .values({
      kind: 'national_event',
      format: 'in_person',
      status: 'published',
      audience: 'public',
      title: JSON.stringify({ it: 'Giornata nazionale (benchmark)' }),
      description: JSON.stringify({}),
      starts_at: new Date(Date.now() + 7 * 86_400_000),
      ends_at: new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000),
      venue_name: 'Auditorium',
      venue_address: null,
      municipality: 'Roma',
      province_code: 'RM',
      region_code: '12',
      online_url: null,
      capacity_in_person: SEATS,
      capacity_online: null,
      registration_opens_at: null,
      registration_closes_at: null,
      programme_id: null,
      organiser_organisation_id: null,
      max_per_organisation: null,
      free_text_prompt: null,
      cover_file_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { app, port, dataDir } = await startApp(handle);
  const { bare, port: barePort } = await startBare();

  console.log(`Load: ${CONNECTIONS} connections, one registration per person (${REGISTRATIONS} requests).`);
  const reg = await load(port, `/api/v1/events/${event.id}/registrations`, tokens);
  const base = await load(barePort, '/bare', []);
  console.log('');
  console.log('endpoint                          req/s     p50 ms     p99 ms   errors');
  console.log(
    `registrations (${kind})`.padEnd(28) +
      `${fmt(reg.rps)}  ${fmt(reg.p50)}  ${fmt(reg.p99)}  ${reg.errors + reg.non2xx}`,
  );
  console.log(
    'bare Fastify POST'.padEnd(28) +
      `${fmt(base.rps)}  ${fmt(base.p50)}  ${fmt(base.p99)}  ${base.errors + base.non2xx}`,
  );
  console.log(`registrations / bare throughput: ${((reg.rps / base.rps) * 100).toFixed(1)}%`);

  const rows = await handle.db
    .selectFrom('event_registrations')
    .where('event_id', '=', event.id)
    .select(['status', sql<number>`count(*)`.as('n'), sql<number>`count(distinct lower(email))`.as('people')])
    .groupBy('status')
    .execute();
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  const people = rows.reduce((s, r) => s + Number(r.people), 0);
  const confirmed = by.confirmed ?? 0;
  console.log('');
  console.log(`registrations stored: ${total} (confirmed ${confirmed}, waitlisted ${by.waitlisted ?? 0})`);
  const ok =
    confirmed === Math.min(SEATS, total) && total === people && (by.waitlisted ?? 0) === total - confirmed;
  console.log(
    ok
      ? `oversell check: OK (confirmed == ${Math.min(SEATS, total)}, no duplicates, the rest waitlisted)`
      : `oversell check: FAILED ${JSON.stringify({ by, total, people })}`,
  );
  await bare.close();
  await app.close();
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
