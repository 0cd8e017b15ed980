// Invitations: other modules (application approval, "invite a colleague") call inviteUser inside their
// transaction, then send their own mail with the link `${publicUrl}/invitation?token=…` when a token is given.
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { Locale } from './auth.table.js';
import { hashToken, newToken } from './tokens.js';

export const INVITATION_DAYS = 14;

export type InviteResult = {
  userId: string;
  /** Set when the person must still choose a password; null when the account is already usable. */
  token: string | null;
  existing: boolean;
};

export async function inviteUser(
  tx: Tx,
  input: { email: string; name: string; locale: Locale; data?: Record<string, unknown> },
): Promise<InviteResult> {
  const email = input.email.trim();
  const found = await tx
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
  if (found?.password_hash) return { userId: found.id, token: null, existing: true };
  const userId =
    found?.id ??
    (
      await tx
        .insertInto('users')
        .values({
          email,
          name: input.name.trim(),
          locale: input.locale,
          password_hash: null,
          email_verified_at: null,
          network_role: null,
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const token = newToken();
  await tx
    .insertInto('auth_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose: 'invitation',
      data: JSON.stringify(input.data ?? {}),
      expires_at: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
      used_at: null,
    })
    .execute();
  return { userId, token, existing: found !== undefined };
}
