import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, unique } from '../../../test/app.js';
import { hashToken } from '../modules/auth/tokens.js';
import { CliError, createAdmin } from './admin.js';

describe('admin:create', () => {
  let ctx: TestContext;
  const publicUrl = 'https://rete.example.org';

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const userByEmail = (email: string) =>
    ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'network_role', 'password_hash', 'email_verified_at'])
      .where('email', '=', email)
      .executeTakeFirst();

  it('should create an admin with a password who can log in straight away', async () => {
    const email = `${unique('boss')}@example.org`;
    const result = await createAdmin(ctx.db, {
      email,
      name: 'Laura Neri',
      password: 'una-password-lunga',
      publicUrl,
    });
    expect(result).toMatchObject({ outcome: 'created', invitationUrl: null });
    const user = await userByEmail(email);
    expect(user?.network_role).toBe('admin');
    expect(user?.name).toBe('Laura Neri');
    expect(user?.email_verified_at).not.toBeNull();
    expect(await argon2.verify(user?.password_hash ?? '', 'una-password-lunga')).toBe(true);
  });

  it('should print a one-time invitation link when no password is given', async () => {
    const email = `${unique('invited')}@example.org`;
    const result = await createAdmin(ctx.db, { email, publicUrl });
    expect(result.outcome).toBe('created');
    expect(result.invitationUrl).toMatch(/^https:\/\/rete\.example\.org\/invitation\?token=[\w-]+$/);
    const token = new URL(result.invitationUrl ?? '').searchParams.get('token') ?? '';
    const stored = await ctx.db
      .selectFrom('auth_tokens')
      .select(['user_id', 'purpose', 'used_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    expect(stored).toMatchObject({ user_id: result.userId, purpose: 'invitation', used_at: null });
    const user = await userByEmail(email);
    expect(user?.network_role).toBe('admin');
    expect(user?.password_hash).toBeNull();
  });

  it('should promote an existing account without touching its password', async () => {
    const existing = await ctx.newUser({ password: 'la-mia-password-1' });
    const result = await createAdmin(ctx.db, { email: existing.email.toUpperCase(), publicUrl });
    expect(result).toMatchObject({ outcome: 'promoted', invitationUrl: null, userId: existing.id });
    const user = await userByEmail(existing.email);
    expect(user?.network_role).toBe('admin');
    expect(await argon2.verify(user?.password_hash ?? '', 'la-mia-password-1')).toBe(true);
  });

  it('should refuse a bad email or a short password with a clear message', async () => {
    await expect(createAdmin(ctx.db, { email: 'not-an-email', publicUrl })).rejects.toThrow(CliError);
    await expect(createAdmin(ctx.db, { email: 'not-an-email', publicUrl })).rejects.toThrow(/valid email/);
    await expect(
      createAdmin(ctx.db, { email: `${unique('short')}@example.org`, password: 'short', publicUrl }),
    ).rejects.toThrow(/at least 10 characters/);
  });
});
