// Tables of the notification centre (see migrations 0014_notifications and 0018_notification_email).
import type { ColumnType, Generated } from 'kysely';

/** How a notification goes out by mail: not at all, within minutes, or in the morning digest. */
export type EmailMode = 'off' | 'immediate' | 'daily';

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  locale: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  read_at: Date | null;
  emailed_at: Date | null;
  /** Resolved when the notification is created, from the person's setting and the caller's override. */
  email_mode: ColumnType<EmailMode, EmailMode | undefined, EmailMode>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One row per person who has changed the setting or received a mail; no row means the default (daily). */
export interface NotificationSettingsTable {
  user_id: string;
  email_mode: ColumnType<EmailMode, EmailMode | undefined, EmailMode>;
  unsubscribe_key: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
