import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<string>;
  entity_type: string;
  entity_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  actor_user_id: string | null;
  /** Insertion order, the tiebreaker for entries with the same timestamp. */
  seq: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
