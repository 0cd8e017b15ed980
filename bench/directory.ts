// Directory benchmark: seeds N organisations, loads GET /api/v1/organizations (words + filters) at 50
// connections, then a bare Fastify JSON endpoint in the same run as the baseline; prints both and the ratio.
// `--scale` instead times the directory queries at 1,000 / 10,000 / 100,000 organisations.
//
//   npm run bench:directory -- [--orgs 10000] [--db pglite|postgres] [--duration 10] [--connections 50] [--scale]
//   BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/trama_bench) is wiped and reused.
import { execFile } from 'node:child_process';
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
import type { Db } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { localFileStore } from '../src/server/modules/files/file-store.js';
import { ensureReferenceData } from '../src/server/seed/reference.js';

const { values: args } = parseArgs({
  options: {
    orgs: { type: 'string', default: process.env.BENCH_ORGS ?? '10000' },
    db: { type: 'string', default: process.env.BENCH_DB ?? 'pglite' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '50' },
    scale: { type: 'boolean', default: process.env.BENCH_SCALE === '1' },
  },
});
const kind = args.db === 'postgres' ? 'postgres' : 'pglite';
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/trama_bench';

// The query mix a visitor produces: words (Italian stemming, accents, a typo), filters, both, paging.
// Each carries pageSize=20 and lang=it, as the web app's directory page sends them.
const DIRECTORY_URLS = [
  '/api/v1/organizations?pageSize=20&lang=it',
  '/api/v1/organizations?q=ponti&pageSize=20&lang=it',
  '/api/v1/organizations?q=cooperativa&region=03&pageSize=20&lang=it',
  '/api/v1/organizations?region=12&kind=cooperative&pageSize=20&lang=it',
  '/api/v1/organizations?field=housing&language=ar&pageSize=20&lang=it',
  '/api/v1/organizations?q=solidarieta&sort=name&page=2&pageSize=20&lang=it',
  '/api/v1/organizations?province=NA&legalForm=aps&pageSize=20&lang=it',
  '/api/v1/organizations?q=mosaco&pageSize=20&lang=it',
  '/api/v1/organizations?module=supervision&region=15&region=16&pageSize=20&lang=it',
  '/api/v1/organizations?programme=bench-rete&sort=newest&pageSize=20&lang=it',
  '/api/v1/organizations?q=accoglienza%20torino&kind=local_association&pageSize=20&lang=it',
  '/api/v1/organizations?sort=name&page=5&pageSize=20&lang=it',
];

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

/** Adds organisations with ids (from+1)..to, entirely inside the database. Deterministic (hash of the row number). */
async function seedOrganisations(db: Db, from: number, to: number): Promise<void> {
  const chunk = 20_000;
  for (let start = from + 1; start <= to; start += chunk) {
    const end = Math.min(to, start + chunk - 1);
    await sql`
      with p as (
        select array_agg(code order by code) as codes, array_agg(region_code order by code) as regions,
               array_agg(name order by code) as names from provinces),
      w as (
        select
          array['Associazione','Cooperativa Sociale','Fondazione','Comunità','Centro','Rete','Gruppo','Casa'] as prefixes,
          array['Nuovi','Ponti','Radici','Orizzonti','Mosaico','Girasole','Arcobaleno','Incontro','Solidarietà',
                'Aperta','Sentieri','Approdi','Voci','Mani','Terra','Mare','Luce','Futuro','Insieme','Accoglienza',
                'Rifugio','Cammino','Popoli','Confini','Speranza','Dialogo','Semi','Rotte','Nodi','Trame'] as words,
          array['refugee_led_association','migrant_diaspora_association','local_association',
                'volunteer_service_centre','foundation','community_foundation','cooperative','public_body',
                'university_research','company','international_organisation','other'] as kinds,
          array['aps','odv','other_ets','social_cooperative','social_enterprise','foundation','public_entity',
                'company','none','other'] as forms,
          array['en','fr','ar','es','uk','fa','ti','wo','bn','zh','sq','ro'] as langs,
          array['training_package','toolkit_advocacy_kit','guided_accompaniment','supervision','exchange_events'] as mods,
          array['corsi di italiano','accoglienza','orientamento al lavoro','sostegno scolastico','assistenza legale',
                'ricerca della casa','supporto psicosociale','attività sportive','eventi culturali'] as topics
      )
      insert into organisations (slug, name, kind, legal_form, municipality, province_code, region_code,
        languages, modules, description, visible, status, joined_at)
      select
        'bench-' || i,
        w.prefixes[1 + abs(hashint4(i * 3 + 1)) % 8] || ' ' || w.words[1 + abs(hashint4(i * 5 + 2)) % 30] || ' '
          || w.words[1 + abs(hashint4(i * 7 + 3)) % 30] || ' ' || p.names[k] || ' ' || i,
        w.kinds[1 + abs(hashint4(i * 11 + 4)) % 12],
        w.forms[1 + abs(hashint4(i * 13 + 5)) % 10],
        p.names[k], p.codes[k], p.regions[k],
        array['it', w.langs[1 + abs(hashint4(i * 17 + 6)) % 12]],
        array[w.mods[1 + abs(hashint4(i * 19 + 7)) % 5], 'directory_visibility'],
        jsonb_build_object('it', 'Organizzazione attiva a ' || p.names[k] || ' che si occupa di '
          || w.topics[1 + abs(hashint4(i * 23 + 8)) % 9] || ' e di ' || w.topics[1 + abs(hashint4(i * 29 + 9)) % 9]
          || ' con volontari e mediatori culturali.'),
        abs(hashint4(i * 31 + 10)) % 10 <> 0,
        case when abs(hashint4(i * 37 + 11)) % 20 = 0 then 'applicant' else 'member' end,
        now() - make_interval(days => abs(hashint4(i * 41 + 12)) % 900)
      from generate_series(${start}::int, ${end}::int) as i, p, w,
        lateral (select 1 + abs(hashint4(i * 43 + 13)) % array_length(p.codes, 1) as k) as pick`.execute(db);
    await sql`
      with f as (select array_agg(id order by sort_order) as ids, count(*)::int as n from fields_of_activity)
      insert into organisation_fields (organisation_id, field_id)
      select o.id, f.ids[1 + (abs(hashint4(n.i * 47)) + d) % f.n]
      from organisations o
      cross join lateral (select substr(o.slug, 7)::int as i) as n
      cross join f
      cross join (values (0), (3)) as x(d)
      where o.slug like 'bench-%' and n.i between ${start} and ${end}
      on conflict do nothing`.execute(db);
    await sql`
      insert into programme_organisations (programme_id, organisation_id)
      select pr.id, o.id from organisations o, programmes pr
      where pr.slug = 'bench-rete' and o.slug like 'bench-%' and substr(o.slug, 7)::int between ${start} and ${end}
        and abs(hashint4(substr(o.slug, 7)::int * 53)) % 10 = 0
      on conflict do nothing`.execute(db);
  }
  await sql`analyze`.execute(db);
}

async function prepare(): Promise<DatabaseHandle> {
  const handle = await openBenchDatabase();
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  await handle.db
    .insertInto('programmes')
    .values({
      slug: 'bench-rete',
      name: 'Rete di prova',
      description: JSON.stringify({ it: 'Programma di prova' }),
    })
    .execute();
  return handle;
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
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, port, dataDir };
}

async function startBare() {
  const bare = Fastify({ logger: false });
  const body = { items: [{ id: 1, name: 'Associazione Nuovi Ponti APS', region: 'Piemonte' }], total: 1 };
  bare.get('/bare', async () => body);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  return { bare, port: typeof address === 'object' && address ? address.port : 0 };
}

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

// autocannon runs in a child process so the load generator does not share the servers' event loop.
const LOADER = `
const autocannon = require('autocannon');
const o = JSON.parse(process.argv[1]);
autocannon({ url: o.url, connections: o.connections, duration: o.duration,
  requests: o.paths.map((path) => ({ method: 'GET', path })) }, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors + r.timeouts, non2xx: r.non2xx }));
});`;

function load(
  port: number,
  paths: string[],
  opts: { duration?: number; connections?: number } = {},
): Promise<Load> {
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections: opts.connections ?? Number(args.connections),
    duration: opts.duration ?? Number(args.duration),
    paths,
  };
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', LOADER, JSON.stringify(options)],
      { cwd: process.cwd(), maxBuffer: 10_000_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`autocannon failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout) as Load);
      },
    );
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);

async function throughput(): Promise<void> {
  const orgs = Number(args.orgs);
  console.log(`Seeding ${orgs.toLocaleString('en')} organisations into ${kind}…`);
  const handle = await prepare();
  const t0 = Date.now();
  await seedOrganisations(handle.db, 0, orgs);
  console.log(`Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  const { app, port, dataDir } = await startApp(handle);
  const { bare, port: barePort } = await startBare();
  // Every URL must answer 200 before we time it: a fast 400 would flatter the numbers.
  for (const url of DIRECTORY_URLS) {
    const res = await fetch(`http://127.0.0.1:${port}${url}`);
    if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${await res.text()}`);
  }
  // Warm-up (JIT, plan caches, PGlite buffers), then the measured runs.
  await load(port, DIRECTORY_URLS, { duration: 2, connections: 10 });
  console.log(`Load: ${args.connections} connections for ${args.duration} s each.`);
  const dir = await load(port, DIRECTORY_URLS);
  const base = await load(barePort, ['/bare']);
  console.log('');
  console.log(`endpoint                          req/s     p50 ms     p99 ms   errors`);
  console.log(
    `directory (${kind}, ${orgs})`.padEnd(28) +
      `${fmt(dir.rps)}  ${fmt(dir.p50)}  ${fmt(dir.p99)}  ${dir.errors + dir.non2xx}`,
  );
  console.log(
    `bare Fastify JSON`.padEnd(28) +
      `${fmt(base.rps)}  ${fmt(base.p50)}  ${fmt(base.p99)}  ${base.errors + base.non2xx}`,
  );
  console.log(`directory / bare throughput: ${((dir.rps / base.rps) * 100).toFixed(1)}%`);
  await bare.close();
  await app.close();
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const BENCH_KINDS = ['local_association', 'cooperative', 'foundation', 'other'];

/**
 * Median and p95 of one request's handling time (in-process inject, so no network or load generator).
 * Cold: before every request either the directory version is moved (`version`: nothing changed, but no
 * cached page or facet count may be used) or one organisation is really edited (`update`: its kind
 * changes, so the facet index has a change to patch before counting). Both are the first visitor after
 * a change; this is what used to grow with the number of organisations.
 */
async function timeQueries(
  app: Awaited<ReturnType<typeof startApp>>['app'],
  db: Db,
  rounds: number,
  opts: { orgs: number; touch: 'version' | 'update' },
) {
  const samples: number[] = [];
  const perUrl = new Map<string, number[]>();
  let edits = 0;
  for (let r = 0; r < rounds; r++) {
    for (const url of DIRECTORY_URLS) {
      if (opts.touch === 'version') await sql`select nextval('directory_version_seq')`.execute(db);
      else {
        edits++;
        const slug = `bench-${1 + ((edits * 7919) % opts.orgs)}`;
        await sql`update organisations set kind = ${BENCH_KINDS[edits % BENCH_KINDS.length]} where slug = ${slug}`.execute(
          db,
        );
      }
      const t = process.hrtime.bigint();
      const res = await app.inject({ method: 'GET', url });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      samples.push(ms);
      perUrl.set(url, [...(perUrl.get(url) ?? []), ms]);
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: at(1),
    perUrl: [...perUrl].map(([url, xs]) => ({ url, p50: median(xs) })),
  };
}

async function scale(): Promise<void> {
  const steps = [1_000, 10_000, 100_000];
  const handle = await prepare();
  const { app, dataDir } = await startApp(handle);
  let seeded = 0;
  type Row = { n: number; p50: number; p95: number; perUrl: Array<{ url: string; p50: number }> };
  const rows: Record<'version' | 'update', Row[]> = { version: [], update: [] };
  for (const n of steps) {
    const t0 = Date.now();
    await seedOrganisations(handle.db, seeded, n);
    seeded = n;
    console.log(
      `Seeded ${n.toLocaleString('en')} organisations (${((Date.now() - t0) / 1000).toFixed(1)} s).`,
    );
    // Seeding changed more organisations than a patch handles, so the next request rebuilds the facet
    // index (once per process and per bulk change, not per request): timed apart from the rest.
    const t1 = process.hrtime.bigint();
    await app.inject({ method: 'GET', url: DIRECTORY_URLS[0] as string });
    console.log(
      `  first request, with the facet index rebuild: ${(Number(process.hrtime.bigint() - t1) / 1e6).toFixed(0)} ms`,
    );
    await timeQueries(app, handle.db, 2, { orgs: n, touch: 'version' });
    for (const touch of ['version', 'update'] as const) {
      rows[touch].push({ n, ...(await timeQueries(app, handle.db, 10, { orgs: n, touch })) });
    }
  }
  for (const touch of ['version', 'update'] as const) {
    console.log('');
    console.log(
      `${touch === 'version' ? 'version moved' : 'one organisation edited'} before each request ` +
        `(${kind}, uncached, ${DIRECTORY_URLS.length} query shapes × 10)`,
    );
    console.log(`organisations   p50 ms   p95 ms   p50 vs 1,000`);
    const first = rows[touch][0];
    for (const r of rows[touch]) {
      console.log(
        `${r.n.toLocaleString('en').padStart(13)} ${fmt(r.p50, 2)} ${fmt(r.p95, 2)}   ×${(r.p50 / (first?.p50 ?? 1)).toFixed(2)}`,
      );
    }
    console.log(`p50 ms per query shape: ${steps.map((n) => n.toLocaleString('en')).join(' / ')}`);
    for (const [i, url] of DIRECTORY_URLS.entries()) {
      const cells = rows[touch].map((r) => fmt(r.perUrl[i]?.p50 ?? 0, 1)).join(' ');
      console.log(
        `${cells}  ${url.replace('/api/v1/organizations?', '').replace('&pageSize=20&lang=it', '')}`,
      );
    }
  }
  await app.close();
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

(args.scale ? scale() : throughput()).catch((err) => {
  console.error(err);
  process.exit(1);
});
