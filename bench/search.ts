// Search benchmark: 100,000 forum posts (in threads of 1–200 posts across eight spaces, two of them
// restricted) and 5,000 resources whose files have 2–20 pages of extracted text, all Italian text drawn from
// a vocabulary of about 3,000 words with Zipf-like frequencies. A member searches through the one search
// endpoint, GET /api/v1/search?q=…, one request at a time, with a mix of common words, rare words, two
// words, a phrase and typos; the baseline is GET /api/health (a round trip with the session lookup and one
// query) through the same server in the same run. Prints p50/p95/p99 per query and for the mix, the ratios
// to the baseline, then where one search spends its time (statements, the slowest one's plan).
//
//   npm run bench:search -- [--posts 100000] [--resources 5000] [--rounds 30] [--budget 60] [--db postgres|pglite] [--keep]
//   BENCH_SEARCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/trama_bench_search) is created at
//   the start and dropped at the end (--keep leaves it, e.g. for EXPLAIN).
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import {
  type Captured,
  capturingDatabase,
  checkResourceVectors,
  createBenchDatabase,
  loadAverage,
  ms,
  random,
  type Stats,
  seedPeople,
  seedResources,
  seedSpaces,
  seedThreads,
  seedWords,
  sequentialRounds,
  startApp,
  stats,
  step,
  table,
  timedGet,
  withoutGinIndexes,
} from './forum-data.js';
import { QUERY_WORDS } from './italian-vocabulary.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.BENCH_DB ?? 'postgres' },
    posts: { type: 'string', default: process.env.BENCH_POSTS ?? '100000' },
    resources: { type: 'string', default: process.env.BENCH_RESOURCES ?? '5000' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '30' },
    budget: { type: 'string', default: process.env.BENCH_BUDGET ?? '60' },
    keep: { type: 'boolean', default: false },
  },
});
const kind = args.db === 'pglite' ? 'pglite' : 'postgres';
const databaseUrl =
  process.env.BENCH_SEARCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/trama_bench_search';
const POSTS = Number(args.posts);
const RESOURCES = Number(args.resources);
const ROUNDS = Number(args.rounds);
/** Seconds the measured requests may take at most: on a busy machine fewer rounds are run. */
const BUDGET = Number(args.budget);
const USERS = 300;

type SearchBody = {
  correctedQuery: string | null;
  groups: Array<{ kind: string; items: unknown[]; more: boolean }>;
};

const searchUrl = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}&lang=it`;

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`Load average at start: ${loadAverage()}`);
  console.log(
    `Seeding ${kind}: ${POSTS.toLocaleString('en')} forum posts and ${RESOURCES.toLocaleString('en')} resources with extracted text…`,
  );
  const bench = await createBenchDatabase(kind, databaseUrl);
  const { db } = bench.handle;
  const parallel = kind === 'postgres' ? 2 : 1;
  try {
    const t0 = performance.now();
    const people = await step('people, organisations, spaces', () => seedPeople(db, USERS, 30));
    const spaces = await seedSpaces(db);
    const words = await step('vocabulary and chunks of text', () => seedWords(db));
    const rnd = random(7);
    const sizes: number[] = [];
    const spaceOf: string[] = [];
    for (let left = POSTS; left > 0; ) {
      const size = Math.min(left, 1 + Math.floor(199 * rnd() ** 2));
      sizes.push(size);
      spaceOf.push(spaces.ids[Math.floor(rnd() * spaces.ids.length)] as string);
      left -= size;
    }
    await step(`${sizes.length.toLocaleString('en')} threads, ${POSTS.toLocaleString('en')} posts`, () =>
      withoutGinIndexes(db, ['forum_posts', 'forum_threads'], () =>
        seedThreads(db, words, { first: 1, sizes, spaces: spaceOf, users: USERS }, parallel),
      ),
    );
    await step(`${RESOURCES.toLocaleString('en')} resources with extracted text`, () =>
      withoutGinIndexes(db, ['resources'], () =>
        seedResources(db, words, RESOURCES, people.programmeId, parallel),
      ),
    );
    await checkResourceVectors(db);
    await step('analyze', () => sql`analyze`.execute(db));
    const size = await sql<{ posts: string; resources: string; text: string }>`
      select pg_size_pretty(pg_total_relation_size('forum_posts')) as posts,
        pg_size_pretty(pg_total_relation_size('resources') + pg_total_relation_size('resource_versions')) as resources,
        pg_size_pretty((select sum(length(extracted_text)) from resource_versions)) as text`.execute(db);
    console.log(
      `Seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: forum_posts ${size.rows[0]?.posts}, resources + versions ${size.rows[0]?.resources} (${size.rows[0]?.text} of extracted text).`,
    );

    const queries = Object.entries(QUERY_WORDS).flatMap(([cls, qs]) => qs.map((q) => ({ cls, q })));
    // How many texts each query's words match (the stemmed full-text query the modules run), for the record.
    console.log('');
    const selectivity: string[][] = [];
    const server = await startApp(bench.handle);
    try {
      for (const { cls, q } of queries) {
        const counts = await sql<{ posts: number; resources: number }>`
          select (select count(*) from forum_posts where search_vector @@ websearch_to_tsquery('italian', f_unaccent(${q})))::int as posts,
            (select count(*) from resources where search_vector @@ websearch_to_tsquery('italian', f_unaccent(${q})))::int as resources`.execute(
          db,
        );
        const { body } = await timedGet(server.port, searchUrl(q), people.cookie);
        const r = JSON.parse(body) as SearchBody;
        const shown = r.groups
          .map((g) => `${g.kind.slice(0, 3)} ${g.items.length}${g.more ? '+' : ''}`)
          .join(', ');
        selectivity.push([
          q,
          cls,
          String(counts.rows[0]?.posts ?? 0),
          String(counts.rows[0]?.resources ?? 0),
          r.correctedQuery ?? '',
          shown,
        ]);
      }
      console.log(
        table(
          ['query', 'class', 'posts matching', 'resources matching', 'corrected to', 'shown to me'],
          selectivity,
        ),
      );

      // Each round: every query once, each followed by the baseline, so both see the same machine.
      const list = queries.flatMap(({ q }) => [searchUrl(q), '/api/health']);
      await sequentialRounds(server.port, list, people.cookie, 3);
      console.log(
        `\nMeasuring: up to ${ROUNDS} rounds (${BUDGET} s at most) of ${queries.length} searches, each followed by the baseline, one request at a time, as a member…`,
      );
      const loadBefore = loadAverage();
      const samples = await sequentialRounds(server.port, list, people.cookie, ROUNDS, BUDGET * 1000);
      const loadAfter = loadAverage();
      const per = queries.map(({ cls, q }) => ({ cls, q, s: stats(samples.get(searchUrl(q)) ?? []) }));
      const health = stats(samples.get('/api/health') ?? []);
      const mix = stats(queries.flatMap(({ q }) => samples.get(searchUrl(q)) ?? []));
      const row = (label: string, cls: string, x: Stats) => [
        label,
        cls,
        String(x.n),
        ms(x.p50),
        ms(x.p95),
        ms(x.p99),
        (x.p50 / health.p50).toFixed(1),
        (x.p99 / health.p99).toFixed(1),
      ];
      console.log('');
      console.log(
        table(
          ['GET (member, HTTP)', 'class', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 / health', 'p99 / health'],
          [
            ...per.map((p) => row(`search ${p.q}`, p.cls, p.s)),
            row('search, whole mix', 'all', mix),
            row('/api/health (baseline)', '', health),
          ],
        ),
      );
      console.log(`load average before / after the measured requests: ${loadBefore} / ${loadAfter}`);
    } finally {
      await server.stop();
    }

    // Where one search spends its time: every statement of one request, timed by Kysely, on a second app.
    if (bench.url) {
      const capture = capturingDatabase(bench.url);
      const profiled = await startApp(bench.handle, capture.db);
      try {
        const rows: string[][] = [];
        let slowest: { q: string; ms: number; statements: Captured[] } | null = null;
        for (const { q } of queries) {
          capture.log.length = 0;
          const { ms: total } = await timedGet(profiled.port, searchUrl(q), people.cookie);
          const statements = [...capture.log].sort((a, b) => b.ms - a.ms);
          const dbMs = statements.reduce((a, c) => a + c.ms, 0);
          const top = statements[0];
          if (!slowest || total > slowest.ms) slowest = { q, ms: total, statements };
          rows.push([
            q,
            String(statements.length),
            ms(total),
            ms(dbMs),
            top ? `${ms(top.ms)}  ${top.sql.replace(/\s+/g, ' ').trim().slice(0, 60)}…` : '',
          ]);
        }
        console.log('\nOne request of each query, statement by statement (Kysely timings):');
        console.log(table(['query', 'statements', 'request ms', 'in SQL ms', 'slowest statement'], rows));
        // The plans of the two slowest statements of the slowest request.
        for (const st of slowest?.statements.slice(0, 2) ?? []) {
          console.log(
            `\nPlan (query '${slowest?.q}', ${ms(st.ms)} ms): ${st.sql.replace(/\s+/g, ' ').trim().slice(0, 100)}…`,
          );
          for (const l of await capture.explain(st)) console.log(`  ${l}`);
        }
      } finally {
        await profiled.stop();
        await capture.close();
      }
    }
  } finally {
    await bench.close(args.keep);
  }
  console.log(
    `\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average at end: ${loadAverage()}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
