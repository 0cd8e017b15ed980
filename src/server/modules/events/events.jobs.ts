// Background work of the events module: reminder mails a day before (job `events.reminders`, every 5
// minutes) and removal of guest registrations whose confirmation link expired (`events.expire_pending`).
import type { AppContext } from '../../context.js';
import type { JobHandlers, Schedule } from '../../jobs/jobs.js';
import { expirePendingRegistrations, sendDueReminders } from './events.service.js';

export const EVENTS_REMINDERS = 'events.reminders';
export const EVENTS_EXPIRE_PENDING = 'events.expire_pending';

export function eventsJobHandlers(ctx: AppContext): JobHandlers {
  return {
    [EVENTS_REMINDERS]: async (tx) => {
      await sendDueReminders(tx, ctx.config, new Date());
    },
    [EVENTS_EXPIRE_PENDING]: async (tx) => {
      await expirePendingRegistrations(tx, new Date());
    },
  };
}

export const eventsSchedules: readonly Schedule[] = [
  { kind: EVENTS_REMINDERS, everyMs: 5 * 60 * 1000 },
  { kind: EVENTS_EXPIRE_PENDING, everyMs: 60 * 60 * 1000 },
];
