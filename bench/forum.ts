// Thread paging benchmark: one thread of 10,000 posts (among 40,000 posts in other threads), read as a
// member through GET /api/v1/forum/threads/:id/posts?page=N for the first, middle and last page, one
// request at a time; the baseline is page 1 of the same thread in the same run (GET /api/health too, for
// the cost of a round trip with one query). Posts are numbered densely per thread, so page N is the range
// seq ∈ [20(N−1)+1, 20N] on the unique index (thread_id, seq): the last page should cost what the first
// does. To show why, the same page is also read with OFFSET by direct SQL, with both plans.
//
//   npm run bench:forum -- [--db postgres|pglite] [--posts 10000] [--others 40000] [--rounds 300] [--keep]
//   BENCH_FORUM_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/trama_bench_forum) is created at the
//   start and dropped at the end (--keep leaves it for EXPLAIN).
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/server/db/database.js';
import { postsInRange } from '../src/server/modules/forum/forum.repository.js';
import { POSTS_PAGE_SIZE } from '../src/shared/forum.js';
import {
  benchId,
  capturingDatabase,
  createBenchDatabase,
  loadAverage,
  ms,
  random,
  seedPeople,
  seedReactions,
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

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.BENCH_DB ?? 'postgres' },
    posts: { type: 'string', default: process.env.BENCH_POSTS ?? '10000' },
    others: { type: 'string', default: process.env.BENCH_OTHERS ?? '40000' },
    rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '300' },
    keep: { type: 'boolean', default: false },
  },
});
const kind = args.db === 'pglite' ? 'pglite' : 'postgres';
const databaseUrl =
  process.env.BENCH_FORUM_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/trama_bench_forum';
const POSTS = Number(args.posts);
const OTHERS = Number(args.others);
const ROUNDS = Number(args.rounds);
const USERS = 200;

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`Load average at start: ${loadAverage()}`);
  console.log(
    `Seeding ${kind}: one thread of ${POSTS.toLocaleString('en')} posts and ${OTHERS.toLocaleString('en')} posts in other threads…`,
  );
  const bench = await createBenchDatabase(kind, databaseUrl);
  const { db } = bench.handle;
  try {
    const t0 = performance.now();
    const people = await step('people, organisations, spaces', () => seedPeople(db, USERS, 20));
    const spaces = await seedSpaces(db);
    const words = await step('vocabulary and chunks of text', () => seedWords(db));
    // The long thread is thread 1, in a members' space; the others have 1–200 posts, most of them few.
    const rnd = random(42);
    const sizes = [POSTS];
    const spaceOf = [spaces.ids[3] as string];
    for (let left = OTHERS; left > 0; ) {
      const size = Math.min(left, 1 + Math.floor(199 * rnd() ** 2));
      sizes.push(size);
      spaceOf.push(spaces.ids[Math.floor(rnd() * spaces.ids.length)] as string);
      left -= size;
    }
    await step('threads and posts', () =>
      withoutGinIndexes(db, ['forum_posts', 'forum_threads'], () =>
        seedThreads(
          db,
          words,
          { first: 1, sizes, spaces: spaceOf, users: USERS },
          kind === 'postgres' ? 2 : 1,
        ),
      ),
    );
    const thread = (await sql<{ id: string }>`select ${benchId('thread', 1)} as id`.execute(db)).rows[0]
      ?.id as string;
    await seedReactions(db, [thread], USERS);
    await sql`insert into forum_reads (user_id, thread_id, last_read_seq)
      values (${people.meId}, ${thread}, ${Math.floor(POSTS / 2)})`.execute(db);
    await step('analyze', () => sql`analyze`.execute(db));
    const total = await sql<{ n: number }>`select count(*)::int as n from forum_posts`.execute(db);
    console.log(
      `Seeded ${total.rows[0]?.n.toLocaleString('en')} posts in ${sizes.length.toLocaleString('en')} threads in ${((performance.now() - t0) / 1000).toFixed(1)} s.`,
    );

    const pages = Math.ceil(POSTS / POSTS_PAGE_SIZE);
    const middle = Math.ceil(pages / 2);
    const urls = {
      first: `/api/v1/forum/threads/${thread}/posts?page=1`,
      middle: `/api/v1/forum/threads/${thread}/posts?page=${middle}`,
      last: `/api/v1/forum/threads/${thread}/posts?page=${pages}`,
      health: '/api/health',
    };
    const server = await startApp(bench.handle);
    try {
      // Every page answers 200 with the posts of its range before anything is timed.
      for (const [page, url] of [
        [1, urls.first],
        [middle, urls.middle],
        [pages, urls.last],
      ] as const) {
        const { body } = await timedGet(server.port, url, people.cookie);
        const r = JSON.parse(body) as { items: Array<{ seq: number }>; page: number; pageCount: number };
        const expected = (page - 1) * POSTS_PAGE_SIZE + 1;
        if (r.page !== page || r.pageCount !== pages || r.items[0]?.seq !== expected)
          throw new Error(`page ${page}: got page ${r.page} of ${r.pageCount}, first seq ${r.items[0]?.seq}`);
      }
      const list = [urls.first, urls.middle, urls.last, urls.health];
      await sequentialRounds(server.port, list, people.cookie, 20);
      console.log(`Measuring: ${ROUNDS} rounds of ${list.length} sequential requests as a member…`);
      const loadBefore = loadAverage();
      const samples = await sequentialRounds(server.port, list, people.cookie, ROUNDS);
      const loadAfter = loadAverage();
      const s = Object.fromEntries(
        Object.entries(urls).map(([k, u]) => [k, stats(samples.get(u) ?? [])]),
      ) as Record<keyof typeof urls, ReturnType<typeof stats>>;
      const base = s.first;
      console.log('');
      console.log(
        table(
          ['GET (member, HTTP)', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 / page 1', 'p99 / page 1'],
          (
            [
              ['posts?page=1 (baseline)', s.first],
              [`posts?page=${middle}`, s.middle],
              [`posts?page=${pages} (last)`, s.last],
              ['/api/health', s.health],
            ] as const
          ).map(([label, x]) => [
            label,
            String(x.n),
            ms(x.p50),
            ms(x.p95),
            ms(x.p99),
            (x.p50 / base.p50).toFixed(2),
            (x.p99 / base.p99).toFixed(2),
          ]),
        ),
      );
      console.log(`load average before / after the measured requests: ${loadBefore} / ${loadAfter}`);

      // The same last page by direct SQL: the repository's range query against OFFSET.
      const last = { from: (pages - 1) * POSTS_PAGE_SIZE + 1, to: pages * POSTS_PAGE_SIZE };
      const offsetQuery = (
        offset: number,
      ) => sql`select p.id, p.thread_id, p.seq, p.author_id, u.name as author_name,
        p.status, p.body, p.html, p.edit_count, p.edited_at, p.created_at
        from forum_posts p left join users u on u.id = p.author_id
        where p.thread_id = ${thread} order by p.seq offset ${offset} limit ${POSTS_PAGE_SIZE}`;
      const direct: Record<string, number[]> = {
        rangeFirst: [],
        rangeLast: [],
        offsetFirst: [],
        offsetLast: [],
        offsetIndexLast: [],
      };
      const time = async (key: string, f: () => Promise<unknown>) => {
        const t = performance.now();
        await f();
        direct[key]?.push(performance.now() - t);
      };
      for (let r = 0; r < ROUNDS + 20; r++) {
        const keep = r >= 20;
        const run = async (key: string, f: () => Promise<unknown>) => (keep ? time(key, f) : f());
        await run('rangeFirst', () => postsInRange(db, thread, 1, POSTS_PAGE_SIZE));
        await run('rangeLast', () => postsInRange(db, thread, last.from, last.to));
        await run('offsetFirst', () => offsetQuery(0).execute(db));
        await run('offsetLast', () => offsetQuery(last.from - 1).execute(db));
      }
      // OFFSET at its best: forced to walk the (thread_id, seq) index, on one connection set up for it.
      const explain = async (q: ReturnType<typeof sql>, on: Kysely<Database> = db) => {
        const r = await sql<Record<string, string>>`explain (analyze, buffers) ${q}`.execute(on);
        return r.rows.map((row) => Object.values(row)[0] ?? '');
      };
      const lastByOffset = sql`select p.id, p.seq, p.body from forum_posts p
        where p.thread_id = ${thread} order by p.seq offset ${last.from - 1} limit ${POSTS_PAGE_SIZE}`;
      const indexPlan = await db.connection().execute(async (conn) => {
        await sql`set enable_seqscan = off`.execute(conn);
        await sql`set enable_bitmapscan = off`.execute(conn);
        try {
          for (let r = 0; r < ROUNDS + 20; r++) {
            if (r < 20) await offsetQuery(last.from - 1).execute(conn);
            else await time('offsetIndexLast', () => offsetQuery(last.from - 1).execute(conn));
          }
          return await explain(lastByOffset, conn);
        } finally {
          await sql`reset enable_seqscan`.execute(conn);
          await sql`reset enable_bitmapscan`.execute(conn);
        }
      });
      const d = Object.fromEntries(Object.entries(direct).map(([k, v]) => [k, stats(v)]));
      const rangeFirst = d.rangeFirst as ReturnType<typeof stats>;
      console.log('');
      console.log(
        table(
          ['direct SQL, one page of 20', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 / range page 1'],
          (
            [
              ['seq between (page 1)', 'rangeFirst'],
              [`seq between (page ${pages})`, 'rangeLast'],
              ['order by seq offset 0', 'offsetFirst'],
              [`order by seq offset ${last.from - 1}`, 'offsetLast'],
              ['the same, forced to walk the index', 'offsetIndexLast'],
            ] as const
          ).map(([label, k]) => {
            const x = d[k] as ReturnType<typeof stats>;
            return [label, String(x.n), ms(x.p50), ms(x.p95), ms(x.p99), (x.p50 / rangeFirst.p50).toFixed(2)];
          }),
        ),
      );

      const rangePlan = await explain(sql`select p.id, p.seq, p.body from forum_posts p
        where p.thread_id = ${thread} and p.seq between ${last.from} and ${last.to} order by p.seq`);
      const offsetPlan = await explain(lastByOffset);
      console.log('\nPlan, last page by seq range:');
      for (const l of rangePlan) console.log(`  ${l}`);
      console.log('Plan, last page by OFFSET:');
      for (const l of offsetPlan) console.log(`  ${l}`);
      console.log('Plan, last page by OFFSET forced to walk the index:');
      for (const l of indexPlan) console.log(`  ${l}`);
      // What one page request does, statement by statement, on a second app that records them.
      if (bench.url) {
        const capture = capturingDatabase(bench.url);
        const profiled = await startApp(bench.handle, capture.db);
        try {
          const rows: string[][] = [];
          for (const [label, url] of [
            ['posts?page=1', urls.first],
            [`posts?page=${pages}`, urls.last],
            ['/api/health', urls.health],
          ] as const) {
            await timedGet(profiled.port, url, people.cookie);
            capture.log.length = 0;
            const { ms: total } = await timedGet(profiled.port, url, people.cookie);
            const inSql = capture.log.reduce((a, c) => a + c.ms, 0);
            const top = [...capture.log].sort((a, b) => b.ms - a.ms)[0];
            rows.push([
              label,
              String(capture.log.length),
              ms(total),
              ms(inSql),
              top ? `${ms(top.ms)}  ${top.sql.replace(/\s+/g, ' ').trim().slice(0, 60)}…` : '',
            ]);
          }
          console.log('\nOne request, statement by statement (Kysely timings):');
          console.log(table(['GET', 'statements', 'request ms', 'in SQL ms', 'slowest statement'], rows));
        } finally {
          await profiled.stop();
          await capture.close();
        }
      }
      if (!rangePlan.some((l) => /Index Scan using forum_posts_thread_id_seq_key/.test(l)))
        console.log('WARNING: the range query does not use the (thread_id, seq) index.');
    } finally {
      await server.stop();
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
