// Table of the notification centre (see migration 0014_notifications).
import type { Generated } from 'kysely';

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
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
