// Background work of the newsletter: the dispatcher (scheduled campaigns, batches into the outbox at the
// configured rate) and the daily removal of subscription requests nobody confirmed.
import type { AppContext } from '../../context.js';
import type { JobHandlers, Schedule } from '../../jobs/jobs.js';
import { dispatchNewsletters } from './newsletter.dispatch.js';
import { eventContacts } from './newsletter.events.js';
import { expirePending } from './newsletter.service.js';

export function newsletterJobHandlers(ctx: AppContext): JobHandlers {
  return {
    'newsletter.dispatch': async (tx) => {
      await dispatchNewsletters(tx, ctx.config, eventContacts);
    },
    'newsletter.expire': async (tx) => {
      await expirePending(tx);
    },
  };
}

export const newsletterSchedules: readonly Schedule[] = [
  { kind: 'newsletter.dispatch', everyMs: 10_000 },
  { kind: 'newsletter.expire', everyMs: 24 * 60 * 60 * 1000 },
];
