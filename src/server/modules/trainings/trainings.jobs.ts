// Background work of trainings: tell people once that they completed a course.
import type { JobHandlers, Schedule } from '../../jobs/jobs.js';
import { notifyCompletions } from './trainings.service.js';

export const TRAININGS_COMPLETIONS = 'trainings.completions';

export function trainingsJobHandlers(): JobHandlers {
  return {
    [TRAININGS_COMPLETIONS]: async (tx) => {
      await notifyCompletions(tx);
    },
  };
}

export const trainingsSchedules: readonly Schedule[] = [
  { kind: TRAININGS_COMPLETIONS, everyMs: 60 * 60 * 1000 },
];
