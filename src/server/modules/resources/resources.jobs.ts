// Background work of the library: text extraction of an uploaded version (`resources.extract`), so the
// upload answers at once and search finds words inside the document a moment later.
import type { AppContext } from '../../context.js';
import type { JobHandlers } from '../../jobs/jobs.js';
import { EXTRACT_JOB, runExtraction } from './resources.service.js';

export function resourcesJobHandlers(ctx: AppContext): JobHandlers {
  return {
    [EXTRACT_JOB]: async (tx, job) => {
      const versionId = job.payload.versionId;
      if (typeof versionId === 'string') await runExtraction(ctx, tx, versionId);
    },
  };
}
