// Rate limits kept in the auth_attempts table, so every app process behind a load balancer sees the
// same counts. An attempt is recorded before it is counted: of N simultaneous requests the k-th to
// commit sees at least k rows, so no burst gets past the limit.
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import * as repo from './auth.repository.js';

export type Limit = { key: string; max: number; windowSeconds: number };

export type AttemptTicket = { ids: Array<string | number> };

/** Rows older than this are never counted by any limit and may go. */
const KEEP_SECONDS = 24 * 60 * 60;

export const LIMITS = {
  loginPerEmail: (email: string): Limit => ({
    key: `login:${email.toLowerCase()}`,
    max: 10,
    windowSeconds: 15 * 60,
  }),
  loginPerIp: (ip: string): Limit => ({ key: `login-ip:${ip}`, max: 30, windowSeconds: 15 * 60 }),
  forgotPerEmail: (email: string): Limit => ({
    key: `forgot:${email.toLowerCase()}`,
    max: 5,
    windowSeconds: 60 * 60,
  }),
  forgotPerIp: (ip: string): Limit => ({ key: `forgot-ip:${ip}`, max: 30, windowSeconds: 60 * 60 }),
  changePassword: (userId: string): Limit => ({
    key: `password-change:${userId}`,
    max: 10,
    windowSeconds: 15 * 60,
  }),
  verifyResend: (userId: string): Limit => ({
    key: `verify-resend:${userId}`,
    max: 5,
    windowSeconds: 60 * 60,
  }),
};

/**
 * Records one attempt under every limit and throws RATE_LIMITED when any is over its maximum.
 * The returned ticket lets a successful attempt be forgiven (see `forgive`).
 */
export async function takeAttempt(db: Db, limits: Limit[]): Promise<AttemptTicket> {
  await repo.purgeOldAttempts(db, KEEP_SECONDS, 200);
  const ids = await repo.insertAttempts(
    db,
    limits.map((l) => l.key),
  );
  for (const limit of limits) {
    const n = await repo.countAttempts(db, limit.key, limit.windowSeconds);
    if (n > limit.max) {
      throw new AppError('RATE_LIMITED', 'Too many attempts; try again later', {
        retryAfterSeconds: limit.windowSeconds,
      });
    }
  }
  return { ids };
}

/** A successful attempt does not count against the shared limits (e.g. many people behind one NAT). */
export async function forgive(db: Db, ticket: AttemptTicket, resetKeys: string[] = []): Promise<void> {
  await repo.deleteAttemptsById(db, ticket.ids);
  for (const key of resetKeys) await repo.deleteAttemptsByKey(db, key);
}
