// Event fixtures shared by the events test files: a published in-person event a few days ahead.
import type { TestContext, TestUser } from '../../../../test/app.js';
import { unique } from '../../../../test/app.js';

export const HOUR = 60 * 60 * 1000;
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/** Creates an event through the API (2 seats in person, published) and returns its detail. */
export function eventMaker(t: () => TestContext, staff: () => TestUser) {
  return async (body: Record<string, unknown> = {}, as: TestUser = staff()) => {
    const res = await t().injectAs(as, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'national_event',
        format: 'in_person',
        title: { it: `Incontro ${unique()}`, en: 'Meeting' },
        startsAt: hoursFromNow(72),
        endsAt: hoursFromNow(75),
        venue: { name: 'Casa della Città', municipality: 'Roma', provinceCode: 'RM' },
        capacityInPerson: 2,
        status: 'published',
        ...body,
      },
    });
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
}
