// Input no column can store: PostgreSQL text cannot hold the NUL character, so a "\u0000" anywhere in a
// request would reach the database and fail there as a 500. It is refused up front, for every route, as
// the 400 the schemas give, naming the field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

function findNul(value: unknown, path: string[], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNul(v, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    for (const [part, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const found = findNul(value, []);
      if (found) {
        const path = [part, ...found].join('.');
        return reply.status(400).send({
          error: {
            code: 'VALIDATION_FAILED',
            message: `${path}: must not contain the NUL character`,
            details: { fields: [{ path, message: 'must not contain the NUL character' }] },
          },
        });
      }
    }
  });
}
