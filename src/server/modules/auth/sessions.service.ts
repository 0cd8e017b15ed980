// Database-backed sessions: any number of app processes share them.
import type { Db } from '../../db/database.js';
import type { Actor } from './actor.js';
import * as repo from './sessions.repository.js';
import { hashToken, newToken } from './tokens.js';

export type ResolvedSession = { actor: Actor; sessionIdHash: string; csrfToken: string };

const DAY = 24 * 60 * 60 * 1000;

export async function createSession(
  db: Db,
  userId: string,
  opts: { days: number; userAgent?: string | undefined },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + opts.days * DAY);
  await repo.insertSession(db, {
    id_hash: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: expiresAt,
    user_agent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export async function resolveSession(db: Db, token: string, days: number): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null;
  const idHash = hashToken(token);
  const row = await repo.findSessionWithUser(db, idHash);
  if (!row) return null;
  if (row.expires_at.getTime() < Date.now() || row.disabled_at) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  // Sliding expiry, written at most once an hour per session to keep reads cheap.
  if (Date.now() - row.last_seen_at.getTime() > 60 * 60 * 1000) {
    await repo.touchSession(db, idHash, new Date(Date.now() + days * DAY));
  }
  const memberships = await repo.findMembershipsOfUser(db, row.user_id);
  return {
    sessionIdHash: idHash,
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      locale: row.locale,
      networkRole: row.network_role,
      emailVerified: row.email_verified_at !== null,
      memberships: new Map(memberships.map((m) => [m.organisation_id, m.role])),
    },
  };
}

export async function endSession(db: Db, sessionIdHash: string): Promise<void> {
  await repo.deleteSession(db, sessionIdHash);
}

export async function endOtherSessions(db: Db, userId: string, keepIdHash?: string): Promise<void> {
  await repo.deleteSessionsOfUser(db, userId, keepIdHash);
}
