// The audit log: who changed which status of what, and when.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';

export type AuditInsert = {
  entityType: string;
  entityId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  actorUserId?: string | null;
};

export type AuditRow = {
  id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  actor_name: string | null;
  created_at: Date;
};

export async function insertAudit(db: DbOrTx, e: AuditInsert): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      entity_type: e.entityType,
      entity_id: e.entityId,
      action: e.action,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      note: e.note ?? null,
      actor_user_id: e.actorUserId ?? null,
      // now() is frozen for a whole transaction; the wall clock keeps entries of one change in order.
      created_at: sql`clock_timestamp()`,
    })
    .execute();
}

/** Many entries at once, for set-based changes (chunked under PostgreSQL's parameter limit). */
export async function insertAudits(db: DbOrTx, entries: readonly AuditInsert[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + 1000).map((e) => ({
          entity_type: e.entityType,
          entity_id: e.entityId,
          action: e.action,
          from_status: e.fromStatus ?? null,
          to_status: e.toStatus ?? null,
          note: e.note ?? null,
          actor_user_id: e.actorUserId ?? null,
          created_at: sql`clock_timestamp()`,
        })),
      )
      .execute();
  }
}

/** Entries of the given entities, oldest first (the entity index covers this). */
export async function listAudit(
  db: DbOrTx,
  entities: ReadonlyArray<{ entityType: string; entityId: string }>,
  limit = 500,
): Promise<AuditRow[]> {
  if (entities.length === 0) return [];
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.action',
      'a.from_status',
      'a.to_status',
      'a.note',
      'u.name as actor_name',
      'a.created_at',
    ])
    .where((eb) =>
      eb.or(
        entities.map((e) =>
          eb.and([eb('a.entity_type', '=', e.entityType), eb('a.entity_id', '=', e.entityId)]),
        ),
      ),
    )
    .orderBy('a.created_at')
    .orderBy('a.seq')
    .limit(limit)
    .execute();
}
