import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, unique } from '../../../test/app.js';
import { enqueueJob, enqueueScheduled, type JobHandlers, jobBackoffMs, runDueJobs } from './jobs.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const jobRow = (key: string) =>
  t.db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

describe('background jobs', () => {
  it('should create a keyed job only once', async () => {
    const key = unique('once');
    expect(await enqueueJob(t.db, { kind: 'test.noop', key })).toBe(true);
    expect(await enqueueJob(t.db, { kind: 'test.noop', key })).toBe(false);
    const rows = await t.db.selectFrom('jobs').select('id').where('key', '=', key).execute();
    expect(rows).toHaveLength(1);
    await runDueJobs(t.db, { 'test.noop': async () => {} });
  });

  it('should run each job once when several workers poll at the same time, keeping what it wrote', async () => {
    const kind = unique('test.count');
    const seen: string[] = [];
    const handlers: JobHandlers = {
      [kind]: async (tx, job) => {
        seen.push(job.payload.n as string);
        await tx
          .insertInto('app_meta')
          .values({ key: `${kind}:${job.payload.n}`, value: '"ran"' })
          .execute();
      },
    };
    for (let n = 0; n < 8; n++) await enqueueJob(t.db, { kind, payload: { n: String(n) } });
    await Promise.all([runDueJobs(t.db, handlers), runDueJobs(t.db, handlers), runDueJobs(t.db, handlers)]);
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    const marks = await t.db.selectFrom('app_meta').select('key').where('key', 'like', `${kind}:%`).execute();
    expect(marks).toHaveLength(8);
  });

  it('should roll back what a failing job wrote and retry it later with the error recorded', async () => {
    const kind = unique('test.fail');
    const key = unique('fail');
    let calls = 0;
    const handlers: JobHandlers = {
      [kind]: async (tx) => {
        calls++;
        await tx.insertInto('app_meta').values({ key, value: '"half-done"' }).execute();
        if (calls === 1) throw new Error('SMTP down');
      },
    };
    await enqueueJob(t.db, { kind, key });
    const first = await runDueJobs(t.db, handlers);
    expect(first.failed).toBe(1);
    const failed = await jobRow(key);
    expect(failed.status).toBe('pending');
    expect(failed.last_error).toBe('SMTP down');
    expect(failed.attempts).toBe(1);
    expect(failed.run_at.getTime()).toBeGreaterThan(Date.now() + jobBackoffMs(1) - 5_000);
    expect(await t.db.selectFrom('app_meta').select('key').where('key', '=', key).execute()).toHaveLength(0);

    // Not due yet: nothing runs. After the backoff it succeeds.
    expect((await runDueJobs(t.db, handlers)).done + calls).toBe(1);
    const later = new Date(Date.now() + jobBackoffMs(1) + 1000);
    const second = await runDueJobs(t.db, handlers, { now: () => later });
    expect(second.done).toBeGreaterThanOrEqual(1);
    expect((await jobRow(key)).status).toBe('done');
    expect(await t.db.selectFrom('app_meta').select('key').where('key', '=', key).execute()).toHaveLength(1);
  });

  it('should enqueue a scheduled job once per period', async () => {
    const kind = unique('test.tick');
    const at = new Date('2026-12-03T10:00:30Z');
    await enqueueScheduled(t.db, [{ kind, everyMs: 60_000 }], at);
    await enqueueScheduled(t.db, [{ kind, everyMs: 60_000 }], new Date('2026-12-03T10:00:59Z'));
    await enqueueScheduled(t.db, [{ kind, everyMs: 60_000 }], new Date('2026-12-03T10:01:00Z'));
    const rows = await t.db.selectFrom('jobs').select('key').where('kind', '=', kind).execute();
    expect(rows).toHaveLength(2);
    await t.db.deleteFrom('jobs').where('kind', '=', kind).execute();
  });
});
