// Every module's background job handlers and schedules, in one explicit list (like routes.ts).
import type { AppContext } from '../context.js';
import type { JobHandlers, Schedule } from './jobs.js';

export function jobHandlers(_ctx: AppContext): JobHandlers {
  return {};
}

export const jobSchedules: readonly Schedule[] = [];
