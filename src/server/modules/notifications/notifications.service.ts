// The notification centre: `notify` for every module (inside the caller's transaction), and the
// recipient's own list, unread count and "mark as read".
import type {
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationSettings,
  UnreadCount,
  UnsubscribeResult,
} from '../../../shared/notifications.js';
import { UNREAD_COUNT_CAP } from '../../../shared/notifications.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../auth/auth.table.js';
import {
  DEFAULT_EMAIL_MODE,
  newUnsubscribeKey,
  resolveEmailMode,
  scheduleImmediate,
  tokenMatches,
  tokenUserId,
} from './notifications.email.js';
import * as repo from './notifications.repository.js';
import type { EmailMode } from './notifications.table.js';

export type NotificationText = { title: string; body?: string };
export type { EmailMode };

/**
 * Tell people about something. Call it with the transaction of the change, so the notification exists
 * exactly when the change does. The text is rendered once per language of the recipients.
 *
 * Mail: each notification is mailed according to the recipient's setting (default: in the daily digest), or
 * `emailModes.get(userId)` when given (e.g. how that person watches a forum thread); a person whose setting
 * is `off` never gets mail. Immediate ones are sent a couple of minutes later, together with everything else
 * of that person still unread and not yet mailed.
 */
export async function notify(
  tx: DbOrTx,
  n: {
    userIds: readonly string[];
    kind: string;
    link?: string | null;
    text: (locale: Locale) => NotificationText;
    emailModes?: ReadonlyMap<string, EmailMode>;
  },
): Promise<number> {
  const ids = [...new Set(n.userIds)];
  const users = await repo.recipientsOf(tx, ids);
  const byLocale = new Map<Locale, NotificationText>();
  const rows = users.map((u) => {
    let text = byLocale.get(u.locale);
    if (!text) {
      text = n.text(u.locale);
      byLocale.set(u.locale, text);
    }
    return {
      userId: u.id,
      kind: n.kind,
      locale: u.locale,
      title: text.title.slice(0, 300),
      body: (text.body ?? '').slice(0, 2000),
      link: n.link ?? null,
      emailMode: resolveEmailMode(u.email_mode, n.emailModes?.get(u.id)),
    };
  });
  await repo.insertNotifications(tx, rows);
  await scheduleImmediate(
    tx,
    rows.filter((r) => r.emailMode === 'immediate').map((r) => r.userId),
  );
  return rows.length;
}

function mustLogIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return actor;
}

type Row = Awaited<ReturnType<typeof repo.listNotifications>>[number];
const toDto = (r: Row): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  readAt: r.read_at ? r.read_at.toISOString() : null,
  createdAt: r.created_at.toISOString(),
});

function decodeCursor(s: string | undefined) {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as { t: string; id: string };
    if (typeof c.t !== 'string' || Number.isNaN(Date.parse(c.t)) || !/^[0-9a-f-]{36}$/i.test(c.id)) {
      throw new Error('bad');
    }
    return { createdAt: new Date(c.t), id: c.id };
  } catch {
    throw fieldError('cursor', 'invalid cursor');
  }
}

export async function listMine(
  ctx: AppContext,
  actor: Actor | null,
  q: NotificationListQuery,
): Promise<NotificationList> {
  const me = mustLogIn(actor);
  const rows = await repo.listNotifications(ctx.db, me.userId, {
    unread: q.unread,
    after: decodeCursor(q.cursor),
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toDto),
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(JSON.stringify({ t: last.created_at.toISOString(), id: last.id })).toString('base64url')
        : null,
  };
}

export async function unreadCount(ctx: AppContext, actor: Actor | null): Promise<UnreadCount> {
  const me = mustLogIn(actor);
  const count = await repo.countUnread(ctx.db, me.userId, UNREAD_COUNT_CAP);
  return { count, capped: count >= UNREAD_COUNT_CAP };
}

export async function markRead(ctx: AppContext, actor: Actor | null, id: string): Promise<Notification> {
  const me = mustLogIn(actor);
  // Someone else's notification is "not found", never "forbidden": ids of others' notifications leak nothing.
  const row = await repo.markRead(ctx.db, me.userId, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such notification');
  return toDto(row);
}

export async function markAllRead(ctx: AppContext, actor: Actor | null): Promise<{ updated: number }> {
  const me = mustLogIn(actor);
  return { updated: await repo.markAllRead(ctx.db, me.userId) };
}

// --- email settings and one-click unsubscribe ----------------------------------------------------------------

export async function getSettings(ctx: AppContext, actor: Actor | null): Promise<NotificationSettings> {
  const me = mustLogIn(actor);
  const row = await repo.findSettings(ctx.db, me.userId);
  return { emailMode: row?.email_mode ?? DEFAULT_EMAIL_MODE };
}

async function setEmailMode(tx: DbOrTx, userId: string, mode: EmailMode): Promise<EmailMode> {
  const row = await repo.upsertEmailMode(tx, userId, mode, newUnsubscribeKey());
  // Off means off now: what was waiting for the next mail or digest is not sent either.
  if (mode === 'off') await repo.cancelPendingMail(tx, [userId]);
  return row.email_mode;
}

export async function updateSettings(
  ctx: AppContext,
  actor: Actor | null,
  body: NotificationSettings,
): Promise<NotificationSettings> {
  const me = mustLogIn(actor);
  const emailMode = await ctx.db.transaction().execute((tx) => setEmailMode(tx, me.userId, body.emailMode));
  return { emailMode };
}

/** The link of a notification mail: no session needed, the signed token is the authorisation. */
export async function unsubscribe(ctx: AppContext, token: string): Promise<UnsubscribeResult> {
  const userId = tokenUserId(token);
  if (!userId)
    throw fieldError('token', 'not an unsubscribe link from a notification email', 'INVALID_TOKEN');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await repo.findSettings(tx, userId);
    const user = row ? await repo.findUserEmail(tx, userId) : undefined;
    if (!row || !user || !tokenMatches(token, userId, row.unsubscribe_key)) {
      throw fieldError('token', 'the link is not valid (altered or not from our emails)', 'INVALID_TOKEN');
    }
    await setEmailMode(tx, userId, 'off');
    return { emailMode: 'off' as const, email: user.email };
  });
}
