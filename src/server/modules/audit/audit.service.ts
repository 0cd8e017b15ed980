// Recording and reading the audit log. Callers pass the transaction of the change so both land or neither.
import type { DbOrTx, Tx } from '../../db/database.js';
import { type AuditInsert, insertAudit, insertAudits, listAudit } from './audit.repository.js';

export type AuditEntryDto = {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorName: string | null;
  createdAt: string;
};

export async function recordAudit(tx: Tx | DbOrTx, entry: AuditInsert): Promise<void> {
  await insertAudit(tx, entry);
}

/** Many entries in one go (a set-based change: e.g. a whole waitlist promoted at once). */
export async function recordAudits(tx: Tx | DbOrTx, entries: readonly AuditInsert[]): Promise<void> {
  if (entries.length > 0) await insertAudits(tx, entries);
}

export async function auditEntries(
  db: DbOrTx,
  entities: ReadonlyArray<{ entityType: string; entityId: string }>,
): Promise<AuditEntryDto[]> {
  const rows = await listAudit(db, entities);
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    note: r.note,
    actorName: r.actor_name,
    createdAt: r.created_at.toISOString(),
  }));
}
