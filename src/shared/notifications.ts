// Schemas of the notification centre: every module tells people about things through `notify` on the
// server; people read their own notifications here.
//
// | method | path | who | request | response |
// | GET    | /api/v1/notifications | logged in (own only) | NotificationListQuery | NotificationList |
// | GET    | /api/v1/notifications/unread-count | logged in | – | UnreadCount |
// | POST   | /api/v1/notifications/{id}/read | the recipient | – | Notification |
// | POST   | /api/v1/notifications/read-all | logged in | – | ReadAllResult |
// | GET    | /api/v1/notifications/settings | logged in | – | NotificationSettings |
// | PUT    | /api/v1/notifications/settings | logged in | NotificationSettings | NotificationSettings |
// | POST   | /api/v1/notifications/unsubscribe?token= | the token (one-click, RFC 8058) | – | UnsubscribeResult |
//
// Decisions worth knowing:
// - Title and body are rendered in the recipient's language when the notification is created, so the list
//   is a plain indexed read; `locale` records which one.
// - The unread count stops at UNREAD_COUNT_CAP (the badge shows "99+"), so it stays cheap for anyone.
// - Email: each person chooses `off`, `immediate` (one mail a couple of minutes after the first new
//   notification, listing everything still unread) or `daily` (one digest at 07:00 Europe/Rome); the default
//   is `daily`. A module may override the choice per notification (e.g. a forum thread watched "immediately"),
//   but a person who chose `off` never gets a mail. Every mail carries a signed one-click unsubscribe link.
import { z } from 'zod';

export const UNREAD_COUNT_CAP = 100;

export const NotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app, e.g. /mentoring/{id}. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({ items: z.array(Notification), nextCursor: z.string().nullable() });
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({
  count: z.number().int(),
  /** True when there are at least UNREAD_COUNT_CAP unread: show "99+". */
  capped: z.boolean(),
});
export type UnreadCount = z.infer<typeof UnreadCount>;

export const ReadAllResult = z.object({ updated: z.number().int() });
export type ReadAllResult = z.infer<typeof ReadAllResult>;

export const EMAIL_MODES = ['off', 'immediate', 'daily'] as const;
export const EmailMode = z.enum(EMAIL_MODES);
export type EmailMode = z.infer<typeof EmailMode>;

export const NotificationSettings = z.object({ emailMode: EmailMode });
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** The token from the link in a notification mail; in the query (one-click) or the body (the web page). */
export const UnsubscribeToken = z.string().min(20).max(200);

export const UnsubscribeResult = z.object({
  emailMode: z.literal('off'),
  /** The address the link was sent to, so the page can say whose mails stopped. */
  email: z.string(),
});
export type UnsubscribeResult = z.infer<typeof UnsubscribeResult>;
