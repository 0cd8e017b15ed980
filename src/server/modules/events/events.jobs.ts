// Background work of the events module: reminder mails a day before (job `events.reminders`, every 5 minutes).
import type { AppContext } from '../../context.js';
import type { JobHandlers, Schedule } from '../../jobs/jobs.js';
import { sendDueReminders } from './events.service.js';

export const EVENTS_REMINDERS = 'events.reminders';

export function eventsJobHandlers(ctx: AppContext): JobHandlers {
  return {
    [EVENTS_REMINDERS]: async (tx) => {
      await sendDueReminders(tx, ctx.config, new Date());
    },
  };
}

export const eventsSchedules: readonly Schedule[] = [{ kind: EVENTS_REMINDERS, everyMs: 5 * 60 * 1000 }];
