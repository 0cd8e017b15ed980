// The notification centre: `notify` for every module (inside the caller's transaction), and the
// recipient's own list, unread count and "mark as read".
import type {
  Notification,
  NotificationList,
  NotificationListQuery,
  UnreadCount,
} from '../../../shared/notifications.js';
import { UNREAD_COUNT_CAP } from '../../../shared/notifications.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import type { Locale } from '../auth/auth.table.js';
import * as repo from './notifications.repository.js';

export type NotificationText = { title: string; body?: string };

/**
 * Tell people about something. Call it with the transaction of the change, so the notification exists
 * exactly when the change does. The text is rendered once per language of the recipients.
 */
export async function notify(
  tx: DbOrTx,
  n: {
    userIds: readonly string[];
    kind: string;
    link?: string | null;
    text: (locale: Locale) => NotificationText;
  },
): Promise<number> {
  const ids = [...new Set(n.userIds)];
  const users = await repo.localesOf(tx, ids);
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
    };
  });
  await repo.insertNotifications(tx, rows);
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
