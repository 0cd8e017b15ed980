// Every module's background job handlers and schedules, in one explicit list (like routes.ts).
import type { AppContext } from '../context.js';
import { eventsJobHandlers, eventsSchedules } from '../modules/events/events.jobs.js';
import { mentoringJobHandlers, mentoringSchedules } from '../modules/mentoring/mentoring.jobs.js';
import { newsletterJobHandlers, newsletterSchedules } from '../modules/newsletter/newsletter.jobs.js';
import {
  notificationsJobHandlers,
  notificationsSchedules,
} from '../modules/notifications/notifications.jobs.js';
import { resourcesJobHandlers } from '../modules/resources/resources.jobs.js';
import { trainingsJobHandlers, trainingsSchedules } from '../modules/trainings/trainings.jobs.js';
import type { JobHandlers, Schedule } from './jobs.js';

export function jobHandlers(ctx: AppContext): JobHandlers {
  return {
    ...newsletterJobHandlers(ctx),
    ...eventsJobHandlers(ctx),
    ...mentoringJobHandlers(),
    ...resourcesJobHandlers(ctx),
    ...trainingsJobHandlers(),
    ...notificationsJobHandlers(ctx),
  };
}

export const jobSchedules: readonly Schedule[] = [
  ...newsletterSchedules,
  ...eventsSchedules,
  ...mentoringSchedules,
  ...trainingsSchedules,
  ...notificationsSchedules,
];
