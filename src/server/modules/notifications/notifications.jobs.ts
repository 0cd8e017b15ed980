// Background work of notifications: the immediate mail of one person (enqueued by `notify`), the daily digest
// (queued by an hourly planner for 07:00 Europe/Rome) and its follow-up batches, and a sweep for immediate
// notifications whose job missed them.
import type { AppContext } from '../../context.js';
import type { JobHandlers, Schedule } from '../../jobs/jobs.js';
import {
  NOTIFICATIONS_DIGEST,
  NOTIFICATIONS_DIGEST_PLAN,
  NOTIFICATIONS_IMMEDIATE,
  NOTIFICATIONS_IMMEDIATE_SWEEP,
  planNextDigest,
  sendDailyDigests,
  sendImmediate,
  sweepImmediate,
} from './notifications.email.js';

export function notificationsJobHandlers(ctx: AppContext): JobHandlers {
  return {
    [NOTIFICATIONS_IMMEDIATE]: async (tx, job) => {
      const userId = job.payload.userId;
      if (typeof userId === 'string') await sendImmediate(tx, ctx.config, userId);
    },
    [NOTIFICATIONS_DIGEST]: async (tx, job) => {
      const day =
        typeof job.payload.day === 'string' ? job.payload.day : new Date().toISOString().slice(0, 10);
      const part = typeof job.payload.part === 'number' ? job.payload.part : 1;
      await sendDailyDigests(tx, ctx.config, { day, part });
    },
    [NOTIFICATIONS_DIGEST_PLAN]: async (tx) => {
      await planNextDigest(tx);
    },
    [NOTIFICATIONS_IMMEDIATE_SWEEP]: async (tx) => {
      await sweepImmediate(tx, ctx.config);
    },
  };
}

// Schedules run once per period of everyMs (UTC-aligned); the planner turns that into "07:00 in Rome".
export const notificationsSchedules: readonly Schedule[] = [
  { kind: NOTIFICATIONS_DIGEST_PLAN, everyMs: 60 * 60 * 1000 },
  { kind: NOTIFICATIONS_IMMEDIATE_SWEEP, everyMs: 10 * 60 * 1000 },
];
