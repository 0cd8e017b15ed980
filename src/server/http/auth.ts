// Session cookie → req.actor on every request; CSRF check on every state-changing one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Actor } from '../modules/auth/actor.js';
import { resolveSession } from '../modules/auth/sessions.service.js';

export const SESSION_COOKIE = 'trama_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionIdHash: string | null;
    csrfToken: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Paths authorised by a token in the request, not by the session: RFC 8058 one-click unsubscribe is a POST
 * from a mail provider, with no Origin we know and no CSRF header. A forged request needs the token anyway.
 */
const CSRF_EXEMPT = new Set(['/api/v1/newsletter/unsubscribe', '/api/v1/notifications/unsubscribe']);

export function registerAuthHooks(app: FastifyInstance, config: Config, db: Db): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/calendar/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await resolveSession(db, token, config.sessionDays);
      if (s) {
        req.actor = s.actor;
        req.sessionIdHash = s.sessionIdHash;
        req.csrfToken = s.csrfToken;
      }
    }
    if (SAFE.has(req.method)) return;
    if (CSRF_EXEMPT.has(req.url.split('?')[0] ?? '')) return;
    // A logged-in browser must echo its session's CSRF token; an anonymous one must come from our origin.
    if (req.csrfToken) {
      if (req.headers[CSRF_HEADER] !== req.csrfToken) {
        throw new AppError('CSRF_INVALID', 'Missing or wrong CSRF token');
      }
    } else {
      const origin = req.headers.origin;
      if (origin && origin !== new URL(config.publicUrl).origin && !isLoopbackOrigin(origin, config)) {
        throw new AppError('CSRF_INVALID', 'Cross-site request refused');
      }
    }
  });
}

function isLoopbackOrigin(origin: string, config: Config): boolean {
  try {
    const u = new URL(origin);
    return (u.hostname === 'localhost' || u.hostname === '127.0.0.1') && Number(u.port || 80) === config.port;
  } catch {
    return false;
  }
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
  });
}

/** The actor, or a 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return req.actor;
}
