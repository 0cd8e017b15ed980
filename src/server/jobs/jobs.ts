// Durable background jobs. A job runs inside a transaction that also marks it done, so whatever a handler
// writes with the transaction it is given (an outbox mail, a "reminder sent" flag) happens exactly once,
// even with several app processes polling and crashes in between. Handlers must use only that
// transaction: on the embedded database transactions run one at a time, so opening another would wait
// forever.
import { sql } from 'kysely';
import type { Db, DbOrTx, Tx } from '../db/database.js';

export type Job = { id: string; kind: string; attempts: number; payload: Record<string, unknown> };
export type JobHandler = (tx: Tx, job: Job) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;
/** A job of `kind` enqueued once per period of `everyMs`, whichever process gets there first. */
export type Schedule = { kind: string; everyMs: number };

export const MAX_JOB_ATTEMPTS = 10;

/** Retry delay after the n-th failed attempt: 10 s, 20 s, 40 s, … capped at one hour. */
export function jobBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Queue a job; pass the transaction that writes the change it is about, so both land or neither.
 * With a `key`, a second job with the same key is not created (returns false): use it for work that must
 * happen once, e.g. `events.reminder:<registration id>`.
 */
export async function enqueueJob(
  db: DbOrTx,
  job: { kind: string; payload?: Record<string, unknown>; runAt?: Date; key?: string },
): Promise<boolean> {
  const rows = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      key: job.key ?? null,
      payload: JSON.stringify(job.payload ?? {}),
      ...(job.runAt ? { run_at: job.runAt } : {}),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Runs due jobs one at a time, each in its own transaction; returns how many succeeded and failed. */
export async function runDueJobs(
  db: Db,
  handlers: JobHandlers,
  opts: { max?: number; now?: () => Date } = {},
): Promise<{ done: number; failed: number }> {
  const now = opts.now ?? (() => new Date());
  const max = opts.max ?? 50;
  const kinds = Object.keys(handlers);
  if (kinds.length === 0) return { done: 0, failed: 0 };
  let done = 0;
  let failed = 0;
  for (let i = 0; i < max; i++) {
    let claimed: Job | undefined;
    let error: unknown;
    try {
      await db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('jobs')
          .select(['id', 'kind', 'attempts', 'payload'])
          .where('status', '=', 'pending')
          // Only kinds this process knows: during a rolling upgrade an older process must leave a newer
          // kind of job to the processes that can run it, not fail it.
          .where('kind', 'in', kinds)
          // Without an injected clock, the database's: run_at defaults to now() with microseconds, which a
          // JavaScript Date (milliseconds) can place in the future of a job enqueued a moment ago.
          .where('run_at', '<=', opts.now ? opts.now() : sql<Date>`now()`)
          .orderBy('run_at')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!row) return;
        claimed = { ...row, attempts: row.attempts + 1 };
        const handler = handlers[row.kind] as JobHandler;
        await handler(tx, claimed);
        await tx
          .updateTable('jobs')
          .set({
            status: 'done',
            attempts: claimed.attempts,
            finished_at: now(),
            last_error: null,
            updated_at: now(),
          })
          .where('id', '=', row.id)
          .execute();
      });
    } catch (err) {
      error = err;
    }
    if (!claimed) {
      if (error) throw error;
      break;
    }
    if (error === undefined) {
      done++;
      continue;
    }
    failed++;
    const giveUp = claimed.attempts >= MAX_JOB_ATTEMPTS;
    await db
      .updateTable('jobs')
      .set({
        status: giveUp ? 'failed' : 'pending',
        attempts: claimed.attempts,
        run_at: new Date(now().getTime() + jobBackoffMs(claimed.attempts)),
        last_error: String((error as Error)?.message ?? error).slice(0, 1000),
        finished_at: giveUp ? now() : null,
        updated_at: now(),
      })
      .where('id', '=', claimed.id)
      .execute();
  }
  return { done, failed };
}

/** Enqueues this period's job of every schedule (a no-op where another process already did). */
export async function enqueueScheduled(db: DbOrTx, schedules: readonly Schedule[], now = new Date()) {
  for (const s of schedules) {
    const slot = Math.floor(now.getTime() / s.everyMs);
    await enqueueJob(db, { kind: s.kind, key: `${s.kind}@${slot}` });
  }
}

/** Finished jobs are kept for a week, for staff and for debugging, then deleted. */
export async function pruneFinishedJobs(db: DbOrTx, now = new Date()): Promise<void> {
  await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000))
    .execute();
}

const PRUNE: Schedule = { kind: 'jobs.prune', everyMs: 24 * 60 * 60 * 1000 };

/** Polls for due jobs until stopped. Every app process may run one. */
export function startJobWorker(
  db: Db,
  handlers: JobHandlers,
  opts: { schedules?: readonly Schedule[]; intervalMs?: number; onError?: (err: unknown) => void } = {},
): { stop: () => Promise<void> } {
  const all: JobHandlers = {
    ...handlers,
    [PRUNE.kind]: async (tx) => pruneFinishedJobs(tx),
  };
  const schedules = [...(opts.schedules ?? []), PRUNE];
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      await enqueueScheduled(db, schedules);
      let r: { done: number; failed: number };
      do {
        r = await runDueJobs(db, all);
      } while (!stopped && r.done + r.failed > 0);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, opts.intervalMs ?? 2000);
  running = running.then(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** How many jobs wait, for the health of the worker (staff pages, tests). */
export async function pendingJobCount(db: DbOrTx, kind?: string): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select(sql<string>`count(*)`.as('n'))
    .where('status', '=', 'pending')
    .$if(kind !== undefined, (qb) => qb.where('kind', '=', kind as string))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
