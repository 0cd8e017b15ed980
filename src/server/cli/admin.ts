// Creating or promoting a network admin, for `npm run admin:create` on a real deployment.
import argon2 from 'argon2';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { inviteUser } from '../modules/auth/invitations.js';

export class CliError extends Error {}

export type CreateAdminResult = {
  userId: string;
  email: string;
  /** 'created' a new account, or 'promoted' an existing one to network admin. */
  outcome: 'created' | 'promoted';
  /** Set when the person must still choose a password through the one-time link. */
  invitationUrl: string | null;
};

const MIN_PASSWORD = 10;

export async function createAdmin(
  db: Db,
  opts: { email: string; name?: string | undefined; password?: string | undefined; publicUrl: string },
): Promise<CreateAdminResult> {
  const email = opts.email.trim();
  if (!z.email().safeParse(email).success) {
    throw new CliError(`"${opts.email}" is not a valid email address.`);
  }
  if (opts.password !== undefined && opts.password.length < MIN_PASSWORD) {
    throw new CliError(`The password must be at least ${MIN_PASSWORD} characters long.`);
  }
  const name = opts.name?.trim() || email.split('@')[0] || email;
  const passwordHash = opts.password ? await argon2.hash(opts.password, { type: argon2.argon2id }) : null;

  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('users')
      .select(['id', 'email', 'password_hash', 'email_verified_at'])
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .forUpdate()
      .executeTakeFirst();
    if (passwordHash) {
      // Whoever runs this on the server vouches for the address, so it counts as verified.
      if (existing) {
        await tx
          .updateTable('users')
          .set({
            network_role: 'admin',
            password_hash: passwordHash,
            email_verified_at: existing.email_verified_at ?? new Date(),
            disabled_at: null,
            updated_at: new Date(),
            ...(opts.name ? { name } : {}),
          })
          .where('id', '=', existing.id)
          .execute();
        return { userId: existing.id, email: existing.email, outcome: 'promoted', invitationUrl: null };
      }
      const row = await tx
        .insertInto('users')
        .values({
          email,
          name,
          password_hash: passwordHash,
          email_verified_at: new Date(),
          network_role: 'admin',
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { userId: row.id, email, outcome: 'created', invitationUrl: null };
    }
    const invited = await inviteUser(tx, { email, name, locale: 'it', data: { networkRole: 'admin' } });
    await tx
      .updateTable('users')
      .set({ network_role: 'admin', disabled_at: null, updated_at: new Date() })
      .where('id', '=', invited.userId)
      .execute();
    return {
      userId: invited.userId,
      email: existing?.email ?? email,
      outcome: existing ? 'promoted' : 'created',
      invitationUrl: invited.token ? `${opts.publicUrl}/invitation?token=${invited.token}` : null,
    };
  });
}
