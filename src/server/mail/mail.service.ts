// Staff read the outbox in the app: without SMTP this is where mail can be read at all.
import type { OutboxItem, OutboxMail, OutboxPage, OutboxQuery } from '../../shared/mail.js';
import type { Db } from '../db/database.js';
import { AppError, fieldError } from '../errors.js';
import { type Actor, isStaff } from '../modules/auth/actor.js';
import { listOutboxPage, type OutboxCursor } from './mail.repository.js';
import { findMail } from './outbox.repository.js';

function requireStaff(actor: Actor | null): void {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff can read the outbox');
}

const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const encodeCursor = (c: OutboxCursor): string => Buffer.from(`${c.createdAt}|${c.id}`).toString('base64url');

function decodeCursor(s: string): OutboxCursor {
  const m = CURSOR.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw fieldError('before', 'Invalid cursor');
  return { createdAt: m[1]!, id: m[2]! };
}

type Row = {
  id: string;
  to_address: string;
  subject: string;
  template: string;
  locale: string;
  status: OutboxItem['status'];
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  last_error: string | null;
};

const toItem = (r: Row): OutboxItem => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  template: r.template,
  locale: r.locale,
  status: r.status,
  attempts: r.attempts,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  lastError: r.last_error,
});

export async function listOutbox(db: Db, actor: Actor | null, query: OutboxQuery): Promise<OutboxPage> {
  requireStaff(actor);
  const before = query.before ? decodeCursor(query.before) : undefined;
  // One row more than asked tells whether there is a next page without a count.
  const rows = await listOutboxPage(db, { limit: query.limit + 1, before, to: query.to });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: last.created_at_exact, id: last.id })
        : null,
  };
}

// Links that act as a password (reset, invitation, verification, edit an application).
const TOKEN_IN_LINK = /([?&]token=)[A-Za-z0-9_-]+/g;
const redact = (s: string) => s.replace(TOKEN_IN_LINK, '$1[redacted]');

/**
 * With real delivery (SMTP configured) staff see mails without their one-time links, which belong to
 * the recipient alone; without SMTP the outbox is the only way mail is read, so links stay.
 */
export async function getOutboxMail(
  db: Db,
  actor: Actor | null,
  id: string,
  opts: { redactLinks: boolean },
): Promise<OutboxMail> {
  requireStaff(actor);
  const m = await findMail(db, id);
  if (!m) throw new AppError('NOT_FOUND', 'No such mail');
  const show = opts.redactLinks ? redact : (s: string) => s;
  return { ...toItem(m), text: show(m.text_body), html: m.html_body === null ? null : show(m.html_body) };
}
