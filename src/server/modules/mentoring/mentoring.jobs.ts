// Background work of mentoring: tell owners of actions that became overdue (once per action).
import type { JobHandlers, Schedule } from '../../jobs/jobs.js';
import { notifyOverdueActions } from './mentoring.service.js';

export const MENTORING_OVERDUE = 'mentoring.overdue_actions';

export function mentoringJobHandlers(): JobHandlers {
  return {
    [MENTORING_OVERDUE]: async (tx) => {
      await notifyOverdueActions(tx);
    },
  };
}

// Hourly rather than daily, so an action is reported soon after midnight; each is reported only once.
export const mentoringSchedules: readonly Schedule[] = [{ kind: MENTORING_OVERDUE, everyMs: 60 * 60 * 1000 }];
