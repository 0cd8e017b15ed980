// Schemas of the notification centre: every module tells people about things through `notify` on the
// server; people read their own notifications here.
//
// | method | path | who | request | response |
// | GET    | /api/v1/notifications | logged in (own only) | NotificationListQuery | NotificationList |
// | GET    | /api/v1/notifications/unread-count | logged in | – | UnreadCount |
// | POST   | /api/v1/notifications/{id}/read | the recipient | – | Notification |
// | POST   | /api/v1/notifications/read-all | logged in | – | ReadAllResult |
//
// Decisions worth knowing:
// - Title and body are rendered in the recipient's language when the notification is created, so the list
//   is a plain indexed read; `locale` records which one.
// - The unread count stops at UNREAD_COUNT_CAP (the badge shows "99+"), so it stays cheap for anyone.
// - Email digests are not sent yet; `emailed_at` in the table is there for a future digest job.
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
