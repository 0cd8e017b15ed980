// Shared by the forum and search benchmarks (bench/forum.ts, bench/search.ts): a database of their own
// (created at the start, dropped at the end), the app on a loopback port, a member with a session, forum
// spaces (some restricted), threads and posts, resources with extracted text, and sequential latency runs.
//
// Text is generated inside the database: a table of Zipf-ranked words (bench/italian-vocabulary.ts), a table
// of "chunks" (5–15 words drawn by rank, the word of rank r with probability ≈ 1/r), and each post or page
// made of chunks chosen by a hash of its number. Everything is deterministic (hashes of row numbers), and
// search vectors are computed by the same statements that insert the text, with the expressions the
// application uses (for resources, checked against the application's own refreshSearch after seeding).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { type DatabaseHandle, openDatabase } from '../src/server/db/connection.js';
import type { Database, Db } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { hashToken } from '../src/server/modules/auth/tokens.js';
import { localFileStore } from '../src/server/modules/files/file-store.js';
import { refreshSearch } from '../src/server/modules/resources/resources.repository.js';
import { ensureReferenceData } from '../src/server/seed/reference.js';
import { italianVocabulary } from './italian-vocabulary.js';

export type Kind = 'postgres' | 'pglite';

export type BenchDatabase = {
  handle: DatabaseHandle;
  kind: Kind;
  url: string | null;
  /** Closes the connections and drops the database (PostgreSQL) unless kept. */
  close: (keep: boolean) => Promise<void>;
};

function adminUrl(url: string): string {
  return Object.assign(new URL(url), { pathname: '/postgres' }).href;
}

function databaseName(url: string): string {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name '${name}'`);
  if (name === 'test' || name === 'trama_ci' || name === 'postgres')
    throw new Error(`refusing to use '${name}'`);
  return name;
}

/** A fresh database: PostgreSQL at `url` (dropped if it exists, then created) or PGlite in memory. */
export async function createBenchDatabase(kind: Kind, url: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const handle = await openDatabase({});
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    return { handle, kind, url: null, close: () => handle.close() };
  }
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: url, poolSize: 10 });
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  return {
    handle,
    kind,
    url,
    close: async (keep) => {
      await handle.close();
      if (keep) return;
      const a = new pg.Client({ connectionString: adminUrl(url) });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

export async function startApp(handle: DatabaseHandle, db: Db = handle.db) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-bench-'));
  const config = { ...loadConfig({ DEMO: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), webDist: undefined };
  const app = await buildApp(
    { config, db, files: localFileStore(path.join(dataDir, 'files')), dbKind: handle.kind },
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    port,
    stop: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// --- people, organisations, spaces -----------------------------------------------------------------------

/**
 * Deterministic ids, so the statements that insert posts can name threads and authors without lookups: an
 * md5 shaped as a version 4 UUID (the API accepts only those).
 */
export const benchId = (what: string, n: number | ReturnType<typeof sql>) =>
  sql<string>`overlay(overlay(md5(${`bench-${what}-`}::text || (${n})::text) placing '4' from 13) placing '8' from 17)::uuid`;

export type People = {
  /** The member the requests are made as: in organisation 1 (a member of the network and of the programme). */
  meId: string;
  cookie: string;
  users: number;
  programmeId: string;
};

/**
 * `users` people (user 1 is "me") in `orgs` member organisations, round-robin; organisations 1–3 take part
 * in the programme `bench-rete`. Returns a live session for user 1.
 */
export async function seedPeople(db: Db, users: number, orgs: number): Promise<People> {
  await sql`
    insert into users (id, email, name, email_verified_at)
    select ${benchId('user', sql`u`)}, 'persona-' || u || '@bench.example.org', 'Persona ' || u, now()
    from generate_series(1, ${users}::int) u`.execute(db);
  await sql`
    insert into organisations (id, slug, name, kind, legal_form, status, visible, joined_at)
    select ${benchId('org', sql`o`)}, 'bench-org-' || o, 'Associazione di prova ' || o, 'local_association',
      'aps', 'member', true, now()
    from generate_series(1, ${orgs}::int) o`.execute(db);
  await sql`
    insert into organisation_members (organisation_id, user_id, role)
    select ${benchId('org', sql`1 + (u - 1) % ${orgs}::int`)}, ${benchId('user', sql`u`)},
      case when u <= ${orgs}::int then 'org_admin' else 'operator' end
    from generate_series(1, ${users}::int) u`.execute(db);
  const programme = await db
    .insertInto('programmes')
    .values({
      slug: 'bench-rete',
      name: 'Rete di prova',
      description: JSON.stringify({ it: 'Programma di prova' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into programme_organisations (programme_id, organisation_id)
    select ${programme.id}, ${benchId('org', sql`o`)} from generate_series(1, least(3, ${orgs}::int)) o`.execute(
    db,
  );
  const token = randomBytes(32).toString('base64url');
  const me = await sql<{ id: string }>`select ${benchId('user', 1)} as id`.execute(db);
  const meId = me.rows[0]?.id as string;
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: meId,
      csrf_token: token,
      expires_at: new Date(Date.now() + 86_400_000),
      user_agent: null,
    })
    .execute();
  return { meId, cookie: `trama_session=${token}`, users, programmeId: programme.id };
}

/**
 * Eight spaces: three public, three for members, two restricted. "Me" (organisation 1) may enter the first
 * restricted one and not the second, so searches and lists have something to filter out.
 */
export async function seedSpaces(db: Db): Promise<{ ids: string[]; hiddenFromMe: string[] }> {
  const access = ['public', 'public', 'public', 'members', 'members', 'members', 'restricted', 'restricted'];
  const rows = await sql<{ id: string; slug: string }>`
    insert into forum_spaces (id, slug, name, description, access, hold_first_posts)
    select ${benchId('space', sql`s`)}, 'bench-spazio-' || s, jsonb_build_object('it', 'Spazio di prova ' || s),
      jsonb_build_object('it', 'Uno spazio della comunità di pratica'), a, false
    from unnest(${access}::text[]) with ordinality as x(a, s)
    returning id, slug`.execute(db);
  const ids = rows.rows.map((r) => r.id);
  await sql`insert into forum_space_members (space_id, organisation_id) values
    (${benchId('space', 7)}, ${benchId('org', 1)}), (${benchId('space', 8)}, ${benchId('org', 2)})`.execute(
    db,
  );
  const hidden = await sql<{ id: string }>`select ${benchId('space', 8)} as id`.execute(db);
  return { ids, hiddenFromMe: hidden.rows.map((r) => r.id) };
}

// --- text ------------------------------------------------------------------------------------------------

const CHUNKS = 100_000;

/** A number in [0, 1) from a hash of `seed` (an SQL bigint expression). */
const unit = (seed: ReturnType<typeof sql>) => sql`((hashint8(${seed}) & 2147483647)::float8 / 2147483648.0)`;

/**
 * The vocabulary (bench_words: rank → word; the rare words after the common ones) and 100,000 chunks of
 * 5–15 words drawn Zipf-like (bench_chunks). Also puts every word into the search vocabulary (table
 * search_words, when it exists) as the application would have while the texts were written.
 */
export async function seedWords(db: Db): Promise<{ common: number; rare: number }> {
  const v = italianVocabulary();
  await sql`create table bench_words (rank int primary key, word text not null)`.execute(db);
  await sql`insert into bench_words (rank, word)
    select r, w from unnest(${[...v.common, ...v.rare]}::text[]) with ordinality as x(w, r)`.execute(db);
  await sql`create table bench_chunks (id int primary key, body text not null)`.execute(db);
  const n = v.common.length;
  // floor((n + 1) ^ u) for uniform u is r with probability ≈ 1/(r ln n): Zipf with exponent 1.
  await sql`
    insert into bench_chunks (id, body)
    select c, string_agg(w.word || case when (hashint8(c::bigint * 64 + k + 7) & 15) = 0 then ',' else '' end,
      ' ' order by k)
    from generate_series(1, ${CHUNKS}::int) c
    cross join lateral generate_series(1, 5 + (hashint8(c::bigint) & 2147483647) % 11) k
    join bench_words w on w.rank = least(${n}::int,
      floor(power(${n + 1}::float8, ${unit(sql`c::bigint * 64 + k`)}))::int)
    group by c`.execute(db);
  const table = await sql<{ t: string | null }>`select to_regclass('search_words')::text as t`.execute(db);
  if (table.rows[0]?.t) {
    await sql`insert into search_words (word)
      select distinct lower(f_unaccent(t)) from bench_words, regexp_split_to_table(word, ' ') t
      where char_length(t) between 3 and 40
      on conflict do nothing`.execute(db);
  }
  await sql`analyze bench_words`.execute(db);
  await sql`analyze bench_chunks`.execute(db);
  return { common: n, rare: v.rare.length };
}

/**
 * SQL text of `chunks` chunks picked by hashes of `seed`, sentences ending with a full stop; with
 * probability 1/`rareEvery` one rare word (of `rare`, after rank `common`) is put after the first chunk.
 */
function textOf(
  seed: ReturnType<typeof sql>,
  chunks: ReturnType<typeof sql>,
  words: { common: number; rare: number },
  rareEvery: number,
) {
  return sql`(select string_agg(c.body, '. ' order by m) || '.' || coalesce((select ' ' || w.word || '.'
        from bench_words w
        where (hashint8(${seed} * 7 + 3) & 2147483647) % ${rareEvery}::int = 0
          and w.rank = ${words.common}::int + 1 + (hashint8(${seed} * 7 + 5) & 2147483647) % ${words.rare}::int), '')
      from generate_series(1, ${chunks}) m
      join bench_chunks c on c.id = 1 + (hashint8(${seed} * 64 + m) & 2147483647) % ${CHUNKS}::int)`;
}

/**
 * Runs a bulk load with the GIN (full-text) indexes of these tables dropped, then builds them again from
 * their definitions as the migrations made them: one build is much faster than 100,000 index insertions.
 */
export async function withoutGinIndexes<T>(db: Db, tables: string[], f: () => Promise<T>): Promise<T> {
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename = any(${tables}::text[]) and indexdef ilike '% using gin %'`.execute(
    db,
  );
  for (const i of indexes.rows) await sql`drop index ${sql.id(i.indexname)}`.execute(db);
  const r = await f();
  await db.transaction().execute(async (tx) => {
    await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
    for (const i of indexes.rows) await sql.raw(i.indexdef).execute(tx);
  });
  return r;
}

// --- forum -----------------------------------------------------------------------------------------------

export type ThreadPlan = { sizes: number[]; spaces: string[] };

/** A small deterministic generator (mulberry32) for the plan of threads. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Threads numbered from `first` with these numbers of posts, each in the space given beside it, then their
 * posts (20–300 words each), in batches of about 10,000 posts, `parallel` batches at a time. Post 1 of each
 * thread is visible; of the others 1% are held and 0.5% hidden. 40% of questions have an accepted answer.
 */
export async function seedThreads(
  db: Db,
  words: { common: number; rare: number },
  plan: { first: number; sizes: number[]; spaces: string[]; users: number },
  parallel: number,
): Promise<void> {
  const { first, sizes, spaces, users } = plan;
  const kinds = ['discussion', 'discussion', 'discussion', 'question', 'question', 'deposit'];
  await sql`
    insert into forum_threads (id, space_id, kind, title, author_id, status, last_seq, reply_count,
      created_at, last_post_at)
    select ${benchId('thread', sql`j`)}, sp, (${kinds}::text[])[1 + (hashint8(j::bigint * 3) & 2147483647) % 6],
      initcap(left(c.body, 1)) || substr(c.body, 2), ${benchId('user', sql`1 + (hashint8(j::bigint * 5) & 2147483647) % ${users}::int`)},
      case when (hashint8(j::bigint * 11) & 2147483647) % 50 = 0 and size > 1 then 'held' else 'visible' end,
      size, size - 1,
      date_trunc('milliseconds', timestamptz '2025-01-01' + make_interval(mins => j)),
      date_trunc('milliseconds', timestamptz '2025-01-01' + make_interval(mins => j + size * 7))
    from unnest(${sizes}::int[], ${spaces}::uuid[]) with ordinality as x(size, sp, i)
    cross join lateral (select ${first}::int + i::int - 1 as j) jj
    join bench_chunks c on c.id = 1 + (hashint8(j::bigint * 13) & 2147483647) % ${CHUNKS}::int`.execute(db);
  // The vector of a thread as refreshThreadSearch computes it (title, lessons: none here).
  await sql`update forum_threads t set search_vector =
      setweight(to_tsvector('italian', f_unaccent(t.title)), 'A') ||
      setweight(to_tsvector('italian', f_unaccent(coalesce(
        (select string_agg(value, ' ') from jsonb_each_text(coalesce(t.lessons, '{}'::jsonb))), ''))), 'B')
    where t.search_vector is null`.execute(db);

  // Batches of whole threads of about 10,000 posts; a longer thread is split by post number.
  type Batch = { from: number; to: number; seqFrom: number; seqTo: number };
  const batches: Batch[] = [];
  let cur: Batch | null = null;
  let count = 0;
  sizes.forEach((size, i) => {
    const j = first + i;
    if (size > 10_000) {
      for (let s = 1; s <= size; s += 10_000) batches.push({ from: j, to: j, seqFrom: s, seqTo: s + 9_999 });
      return;
    }
    if (cur && cur.to === j - 1) cur.to = j;
    else {
      if (cur) batches.push(cur);
      cur = { from: j, to: j, seqFrom: 1, seqTo: 1_000_000 };
    }
    count += size;
    if (count >= 10_000) {
      batches.push(cur);
      cur = null;
      count = 0;
    }
  });
  if (cur) batches.push(cur);
  const queue = [...batches];
  await Promise.all(
    Array.from({ length: Math.max(1, parallel) }, async () => {
      for (let b = queue.shift(); b; b = queue.shift()) await insertPosts(db, words, b, users);
    }),
  );
  // Accepted answers: post 2 of 40% of the questions that have one.
  await sql`
    update forum_threads t set accepted_post_id = p.id
    from forum_posts p
    where p.thread_id = t.id and p.seq = 2 and t.kind = 'question' and t.accepted_post_id is null
      and (hashint8(hashtext(t.id::text)::bigint) & 2147483647) % 5 < 2`.execute(db);
}

async function insertPosts(
  db: Db,
  words: { common: number; rare: number },
  b: { from: number; to: number; seqFrom: number; seqTo: number },
  users: number,
): Promise<void> {
  const seed = sql`(j::bigint * 100000 + s)`;
  // 4–27 chunks of 5–15 words (≈20–300 words, rarely a few more), most posts short: 4 + floor(24 u²).
  const chunks = sql`4 + floor(24 * power(${unit(sql`${seed} * 3 + 1`)}, 2))::int`;
  await sql`
    insert into forum_posts (thread_id, seq, author_id, status, body, html, search_vector, created_at)
    select thread_id, s, author_id, status, body, '<p>' || body || '</p>',
      to_tsvector('italian', f_unaccent(left(body, 200000))), created_at
    from (
      select t.id as thread_id, s,
        ${benchId('user', sql`1 + (hashint8(${seed} * 5) & 2147483647) % ${users}::int`)} as author_id,
        case when s = 1 then 'visible'
          when (hashint8(${seed} * 9) & 2147483647) % 1000 < 10 then 'held'
          when (hashint8(${seed} * 9) & 2147483647) % 1000 < 15 then 'hidden'
          else 'visible' end as status,
        ${textOf(seed, chunks, words, 300)} as body,
        t.created_at + make_interval(mins => s * 7) as created_at
      from generate_series(${b.from}::int, ${b.to}::int) j
      join forum_threads t on t.id = ${benchId('thread', sql`j`)}
      cross join lateral generate_series(greatest(1, ${b.seqFrom}::int), least(t.last_seq, ${b.seqTo}::int)) s
    ) p`.execute(db);
}

/** Reactions on a tenth of the posts of these threads, from a few people each. */
export async function seedReactions(db: Db, threadIds: string[], users: number): Promise<void> {
  await sql`
    insert into forum_reactions (post_id, user_id, reaction)
    select p.id, ${benchId('user', sql`1 + (hashint8(hashtext(p.id::text)::bigint * 8 + k) & 2147483647) % ${users}::int`)},
      (array['like','thanks','insightful','agree'])[1 + k % 4]
    from forum_posts p cross join generate_series(1, 3) k
    where p.thread_id = any(${threadIds}::uuid[]) and (hashint8(hashtext(p.id::text)::bigint) & 2147483647) % 10 = 0
    on conflict do nothing`.execute(db);
}

// --- resources -------------------------------------------------------------------------------------------

/**
 * `count` resources, each with one version whose extracted text has 2–20 pages of 250–400 words; 60%
 * public, 25% for members, 15% for the programme; 90% published. The search vector is written by the same
 * statement that links the version, with the expression of resources.repository.ts refreshSearch.
 */
export async function seedResources(
  db: Db,
  words: { common: number; rare: number },
  count: number,
  programmeId: string,
  parallel: number,
): Promise<void> {
  const kinds = ['toolkit', 'advocacy_kit', 'factsheet', 'report', 'template', 'training_material', 'other'];
  await sql`
    insert into resources (id, kind, title, summary, language, tags, programme_id, visibility, status, created_at)
    select ${benchId('resource', sql`i`)}, (${kinds}::text[])[1 + (hashint8(i::bigint * 3) & 2147483647) % 7],
      jsonb_build_object('it', initcap(left(t.body, 1)) || substr(t.body, 2)),
      jsonb_build_object('it', ${textOf(sql`(i::bigint * 17 + 1)`, sql`3`, words, 1_000_000)}),
      'it', string_to_array(tg.body, ' '),
      case when v = 'programme' then ${programmeId}::uuid end, v,
      case when (hashint8(i::bigint * 7) & 2147483647) % 10 = 0 then 'draft' else 'published' end,
      timestamptz '2025-01-01' + make_interval(hours => i)
    from generate_series(1, ${count}::int) i
    cross join lateral (select case when (hashint8(i::bigint * 5) & 2147483647) % 20 < 12 then 'public'
      when (hashint8(i::bigint * 5) & 2147483647) % 20 < 17 then 'members' else 'programme' end as v) vv
    join bench_chunks t on t.id = 1 + (hashint8(i::bigint * 11) & 2147483647) % ${CHUNKS}::int
    join bench_chunks tg on tg.id = 1 + (hashint8(i::bigint * 13) & 2147483647) % ${CHUNKS}::int`.execute(db);
  await sql`
    insert into files (id, purpose, content_type, size_bytes, sha256, storage_key)
    select ${benchId('file', sql`i`)}, 'resource', 'application/pdf', 250000, md5('bench-file-' || i),
      'bench/resource-' || i || '.pdf'
    from generate_series(1, ${count}::int) i`.execute(db);
  const batch = 250;
  const starts = Array.from({ length: Math.ceil(count / batch) }, (_, k) => 1 + k * batch);
  await Promise.all(
    Array.from({ length: Math.max(1, parallel) }, async () => {
      for (let from = starts.shift(); from !== undefined; from = starts.shift()) {
        const to = Math.min(count, from + batch - 1);
        await insertVersions(db, words, from, to);
      }
    }),
  );
}

async function insertVersions(db: Db, words: { common: number; rare: number }, from: number, to: number) {
  // Pages of 25–40 chunks (≈250–400 words), 2–20 pages, one line between pages.
  const page = sql`(select string_agg(${textOf(sql`(i::bigint * 1000 + pg)`, sql`25 + (hashint8(i::bigint * 1000 + pg) & 2147483647) % 16`, words, 100)}, E'\\n' order by pg)
    from generate_series(1, 2 + (hashint8(i::bigint * 19) & 2147483647) % 19) pg)`;
  // One statement inserts the versions and writes the vectors, so the text is generated and read once.
  await sql`
    with v as (
      insert into resource_versions (id, resource_id, number, file_id, filename, content_type, size_bytes, sha256,
        extracted_text, extracted_at)
      select ${benchId('version', sql`i`)}, ${benchId('resource', sql`i`)}, 1, ${benchId('file', sql`i`)},
        'documento-' || i || '.pdf', 'application/pdf', 250000, md5('bench-file-' || i), ${page}, now()
      from generate_series(${from}::int, ${to}::int) i
      returning id, resource_id, extracted_text)
    update resources r set current_version_id = v.id, search_vector =
      setweight(to_tsvector('italian', f_unaccent(coalesce((select string_agg(value, ' ') from jsonb_each_text(r.title)), ''))), 'A') ||
      setweight(to_tsvector('italian', f_unaccent(array_to_string(r.tags, ' '))), 'A') ||
      setweight(to_tsvector('italian', f_unaccent(coalesce((select string_agg(value, ' ') from jsonb_each_text(r.summary)), ''))), 'B') ||
      setweight(to_tsvector('italian', f_unaccent(left(coalesce(v.extracted_text, ''), 400000))), 'D')
    from v where v.resource_id = r.id`.execute(db);
}

/**
 * Refreshes a few resources with the application's own refreshSearch and checks that the vectors the bench
 * wrote are the same: if refreshSearch changes, the bench must follow.
 */
export async function checkResourceVectors(db: Db): Promise<void> {
  const sample = await sql<{ id: string; v: string }>`
    select id, search_vector::text as v from resources order by id limit 3`.execute(db);
  for (const r of sample.rows) {
    await refreshSearch(db, r.id);
    const after = await sql<{
      v: string;
    }>`select search_vector::text as v from resources where id = ${r.id}`.execute(db);
    if (after.rows[0]?.v !== r.v) {
      throw new Error(
        'The bench computes resource search vectors differently from refreshSearch: update bench/forum-data.ts',
      );
    }
  }
}

// --- measuring -------------------------------------------------------------------------------------------

/** Runs one seeding step and prints how long it took. */
export async function step<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await f();
  console.log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

export type Stats = { n: number; p50: number; p95: number; p99: number; max: number; mean: number };

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  // Nearest rank.
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0;
  return {
    n: s.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: s[s.length - 1] ?? 0,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
  };
}

/** One GET, timed from the request to the last byte of the body; fails on anything but 200. */
export async function timedGet(
  port: number,
  url: string,
  cookie: string,
): Promise<{ ms: number; body: string }> {
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${body.slice(0, 300)}`);
  return { ms, body };
}

/**
 * Sequential requests: `rounds` rounds, each sending every URL once in turn (so drift in the machine's
 * load touches every URL alike). With `budgetMs`, stops after the round that uses it up (on a busy machine),
 * so fewer samples are taken: the counts are printed with the results.
 */
export async function sequentialRounds(
  port: number,
  urls: string[],
  cookie: string,
  rounds: number,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(urls.map((u) => [u, []]));
  const until = performance.now() + budgetMs;
  for (let r = 0; r < rounds && performance.now() < until; r++) {
    for (const url of urls) samples.get(url)?.push((await timedGet(port, url, cookie)).ms);
  }
  return samples;
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

// --- statement capture (PostgreSQL) ----------------------------------------------------------------------

export type Captured = { sql: string; parameters: readonly unknown[]; ms: number };

/**
 * A second Kysely on the same database that records every statement it runs and how long it took, and a
 * way to EXPLAIN ANALYZE one of them: to see where a request spends its time.
 */
export function capturingDatabase(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const log: Captured[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') {
        const q: CompiledQuery = e.query;
        log.push({ sql: q.sql, parameters: q.parameters, ms: e.queryDurationMillis });
      }
    },
  });
  return {
    db,
    log,
    explain: async (q: Captured): Promise<string[]> => {
      const r = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
      return r.rows.map((row: Record<string, string>) => row['QUERY PLAN'] ?? '');
    },
    close: () => db.destroy(),
  };
}
