import type { DbOrTx } from '../../db/database.js';

export async function insertSession(
  db: DbOrTx,
  row: { id_hash: string; user_id: string; csrf_token: string; expires_at: Date; user_agent: string | null },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionWithUser(db: DbOrTx, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.locale',
      'users.network_role',
      'users.email_verified_at',
      'users.disabled_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function findMembershipsOfUser(db: DbOrTx, userId: string) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select(['organisation_members.organisation_id', 'organisation_members.role'])
    .where('organisation_members.user_id', '=', userId)
    .where('organisations.status', 'in', ['member', 'suspended'])
    .execute();
}

export async function touchSession(db: DbOrTx, idHash: string, expiresAt: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: new Date(), expires_at: expiresAt, updated_at: new Date() })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptIdHash?: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(exceptIdHash !== undefined, (q) => q.where('id_hash', '!=', exceptIdHash!))
    .execute();
}
