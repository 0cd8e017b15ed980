// Every module's background job handlers and schedules, in one explicit list (like routes.ts).
import type { AppContext } from '../context.js';
import { eventsJobHandlers, eventsSchedules } from '../modules/events/events.jobs.js';
import { newsletterJobHandlers, newsletterSchedules } from '../modules/newsletter/newsletter.jobs.js';
import type { JobHandlers, Schedule } from './jobs.js';

export function jobHandlers(ctx: AppContext): JobHandlers {
  return {
    ...newsletterJobHandlers(ctx),
    ...eventsJobHandlers(ctx),
  };
}

export const jobSchedules: readonly Schedule[] = [...newsletterSchedules, ...eventsSchedules];
