import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import { inviteUser } from './invitations.js';
import { hashPassword } from './passwords.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const PASSWORD = 'correct horse battery';

// Every test uses its own client address: the per-address login limit is shared by the whole database.
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const freshEmail = () => `${unique('auth')}@example.org`;

type Client = { cookie?: string; csrf?: string; ip?: string };

function call(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, client: Client = {}) {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  return ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    remoteAddress: client.ip ?? freshIp(),
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
  });
}

function sessionCookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'trama_session');
  if (!c) throw new Error('no session cookie');
  return `trama_session=${c.value}`;
}

async function loginAs(email: string, password = PASSWORD, ip = freshIp()): Promise<Client> {
  const res = await call('POST', '/auth/login', { email, password }, { ip });
  expect(res.statusCode).toBe(200);
  return { cookie: sessionCookieOf(res), csrf: res.json().csrfToken, ip };
}

async function latestMail(to: string, template: string) {
  return ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('to_address', '=', to)
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

function tokenIn(text: string, page: string): string {
  const m = new RegExp(`/${page}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${page} link in mail`);
  return m[1];
}

async function userWithPassword(): Promise<TestUser> {
  const u = await ctx.newUser({ email: freshEmail() });
  // Hashed as the service hashes, so logins in these tests cost what they cost in production.
  await ctx.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(PASSWORD) })
    .where('id', '=', u.id)
    .execute();
  return u;
}

const asClient = (u: TestUser): Client => ({ cookie: u.cookie, csrf: u.csrf });

describe('registration and email verification', () => {
  it('should register, mail a verification link in the chosen language and verify the address once', async () => {
    const email = freshEmail();
    const reg = await call('POST', '/auth/register', {
      email,
      name: 'Amina Yusuf',
      password: PASSWORD,
      locale: 'en',
    });
    expect(reg.statusCode).toBe(201);

    const mail = await latestMail(email, 'auth.verify_email');
    expect(mail.locale).toBe('en');
    expect(mail.subject).toContain('Confirm your email address');
    expect(mail.text_body).toContain('Amina Yusuf');
    expect(mail.text_body).toContain(`${ctx.config.publicUrl}/verify-email?token=`);

    // An unverified address may log in; the session says it is not verified yet.
    const client = await loginAs(email);
    let session = await call('GET', '/auth/session', undefined, client);
    expect(session.json().user).toMatchObject({
      email,
      name: 'Amina Yusuf',
      locale: 'en',
      emailVerified: false,
    });

    const token = tokenIn(mail.text_body, 'verify-email');
    const verified = await call('POST', '/auth/verify-email', { token });
    expect(verified.statusCode).toBe(200);
    session = await call('GET', '/auth/session', undefined, client);
    expect(session.json().user.emailVerified).toBe(true);

    const again = await call('POST', '/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('INVALID_TOKEN');
  });

  it('should write the verification mail in Italian and Arabic for people who chose them', async () => {
    const it1 = freshEmail();
    const ar = freshEmail();
    await call('POST', '/auth/register', { email: it1, name: 'Giulia', password: PASSWORD, locale: 'it' });
    await call('POST', '/auth/register', { email: ar, name: 'سارة', password: PASSWORD, locale: 'ar' });
    expect((await latestMail(it1, 'auth.verify_email')).subject).toContain('Conferma il tuo indirizzo email');
    const arMail = await latestMail(ar, 'auth.verify_email');
    expect(arMail.subject).toContain('تأكيد عنوان بريدك الإلكتروني');
    expect(arMail.text_body).toContain('مرحبًا سارة');
  });

  it('should refuse a second account for the same email written in another case', async () => {
    const email = freshEmail();
    const body = { email, name: 'Primo', password: PASSWORD, locale: 'it' };
    expect((await call('POST', '/auth/register', body)).statusCode).toBe(201);
    const dup = await call('POST', '/auth/register', { ...body, email: email.toUpperCase() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('should refuse a password shorter than 10 characters and a malformed email with field errors', async () => {
    const res = await call('POST', '/auth/register', {
      email: 'not-an-email',
      name: 'X',
      password: 'short',
      locale: 'it',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('should refuse an unknown verification token with INVALID_TOKEN', async () => {
    const res = await call('POST', '/auth/verify-email', { token: 'A'.repeat(43) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('login and logout', () => {
  it('should log in with an httpOnly cookie and return the CSRF token', async () => {
    const u = await userWithPassword();
    const res = await call('POST', '/auth/login', { email: u.email.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: u.id, email: u.email, emailVerified: true, memberships: [] });
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = res.cookies.find((c) => c.name === 'trama_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');

    const session = await call('GET', '/auth/session', undefined, { cookie: sessionCookieOf(res) });
    expect(session.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
  });

  it('should answer a wrong password and an unknown email alike with 401 INVALID_CREDENTIALS', async () => {
    const u = await userWithPassword();
    const wrong = await call('POST', '/auth/login', { email: u.email, password: 'wrong password!' });
    const unknown = await call('POST', '/auth/login', { email: freshEmail(), password: PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(res.cookies.find((c) => c.name === 'trama_session')).toBeUndefined();
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('should not let an invited person without a password log in', async () => {
    const email = freshEmail();
    await ctx.db.transaction().execute((tx) => inviteUser(tx, { email, name: 'Invitata', locale: 'it' }));
    const res = await call('POST', '/auth/login', { email, password: PASSWORD });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('should end the session on logout so the old cookie no longer works', async () => {
    const u = await userWithPassword();
    const client = await loginAs(u.email);
    const out = await call('POST', '/auth/logout', undefined, client);
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'trama_session');
    expect(cleared?.value).toBe('');

    const session = await call('GET', '/auth/session', undefined, client);
    expect(session.json()).toEqual({ user: null, csrfToken: null });
    const change = await call('PATCH', '/auth/me', { name: 'Hacker' }, client);
    expect(change.statusCode).toBe(401);
  });

  it('should refuse a logged-in write without the CSRF header with 403', async () => {
    const u = await userWithPassword();
    const client = await loginAs(u.email);
    const noHeader = await call('PATCH', '/auth/me', { name: 'Nuovo nome' }, { cookie: client.cookie });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('CSRF_INVALID');
    const wrongHeader = await call('POST', '/auth/logout', undefined, {
      cookie: client.cookie,
      csrf: 'nope',
    });
    expect(wrongHeader.statusCode).toBe(403);
    // Nothing happened: the name is unchanged and the session still works.
    const session = await call('GET', '/auth/session', undefined, client);
    expect(session.json().user.name).toBe(u.name);
  });
});

describe('rate limits', () => {
  it('should answer 429 after 10 failed logins for one email, even with the right password, in every app process', async () => {
    const u = await userWithPassword();
    const other = await createTestContext();
    try {
      for (let i = 0; i < 10; i++) {
        // Alternate between two app instances: the count lives in the database, not in a process.
        const app = i % 2 === 0 ? ctx.app : other.app;
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: u.email, password: `wrong password ${i}` },
          remoteAddress: freshIp(),
        });
        expect(res.statusCode).toBe(401);
      }
      const blocked = await other.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: PASSWORD },
        remoteAddress: freshIp(),
      });
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await other.close();
    }
    // Other people are not affected.
    const someoneElse = await userWithPassword();
    expect(
      (await call('POST', '/auth/login', { email: someoneElse.email, password: PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('should let no more than 10 of 20 simultaneous wrong guesses for one email through to a password check', async () => {
    const u = await userWithPassword();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('POST', '/auth/login', { email: u.email, password: 'parallel guess' }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    // Each attempt is counted before it is checked, so a burst may be refused early but never let past.
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
    expect((await call('POST', '/auth/login', { email: u.email, password: PASSWORD })).statusCode).toBe(429);
  });

  it('should answer 429 after 30 failed logins from one address, whatever the emails', async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++) {
      const res = await call('POST', '/auth/login', { email: freshEmail(), password: 'guess guess' }, { ip });
      expect(res.statusCode).toBe(401);
    }
    const u = await userWithPassword();
    const blocked = await call('POST', '/auth/login', { email: u.email, password: PASSWORD }, { ip });
    expect(blocked.statusCode).toBe(429);
    expect((await call('POST', '/auth/login', { email: u.email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('should forget earlier failures after a successful login', async () => {
    const u = await userWithPassword();
    for (let i = 0; i < 6; i++)
      await call('POST', '/auth/login', { email: u.email, password: 'wrong password' });
    await loginAs(u.email);
    // 12 failures in all: only the 6 after the success count.
    for (let i = 0; i < 6; i++) {
      const res = await call('POST', '/auth/login', { email: u.email, password: 'wrong password' });
      expect(res.statusCode).toBe(401);
    }
  });

  it('should limit password reset requests to 5 an hour per email', async () => {
    const u = await userWithPassword();
    for (let i = 0; i < 5; i++) {
      expect((await call('POST', '/auth/password/forgot', { email: u.email })).statusCode).toBe(202);
    }
    const blocked = await call('POST', '/auth/password/forgot', { email: u.email });
    expect(blocked.statusCode).toBe(429);
    const mails = await ctx.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', u.email)
      .where('template', '=', 'auth.reset_password')
      .execute();
    expect(mails).toHaveLength(5);
  });

  it('should remove attempts older than a day when new ones are recorded', async () => {
    const key = `login:${freshEmail()}`;
    await ctx.db
      .insertInto('auth_attempts')
      .values({ key, created_at: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) })
      .execute();
    // Several rounds: each round clears a bounded slice of the oldest rows.
    for (let i = 0; i < 5; i++) await call('POST', '/auth/login', { email: freshEmail(), password: 'x' });
    const left = await ctx.db.selectFrom('auth_attempts').select('id').where('key', '=', key).execute();
    expect(left).toHaveLength(0);
  });
});

describe('passwords', () => {
  it('should reset a forgotten password by a single-use link and end every session', async () => {
    const u = await userWithPassword();
    const client = await loginAs(u.email);
    const forgot = await call('POST', '/auth/password/forgot', { email: u.email });
    expect(forgot.statusCode).toBe(202);
    const mail = await latestMail(u.email, 'auth.reset_password');
    expect(mail.subject).toContain('Reimposta la password');
    const token = tokenIn(mail.text_body, 'reset-password');

    const reset = await call('POST', '/auth/password/reset', { token, password: 'a brand new secret' });
    expect(reset.statusCode).toBe(200);
    expect((await call('GET', '/auth/session', undefined, client)).json().user).toBeNull();
    expect((await call('POST', '/auth/login', { email: u.email, password: PASSWORD })).statusCode).toBe(401);
    await loginAs(u.email, 'a brand new secret');

    const reuse = await call('POST', '/auth/password/reset', { token, password: 'yet another secret' });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('INVALID_TOKEN');
    expect((await latestMail(u.email, 'auth.password_changed')).text_body).toContain(u.name);
  });

  it('should accept a reset link only once even when it is used twice at the same moment', async () => {
    const u = await userWithPassword();
    await call('POST', '/auth/password/forgot', { email: u.email });
    const token = tokenIn((await latestMail(u.email, 'auth.reset_password')).text_body, 'reset-password');
    const [a, b] = await Promise.all([
      call('POST', '/auth/password/reset', { token, password: 'first new secret' }),
      call('POST', '/auth/password/reset', { token, password: 'second new secret' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
    const winner = a.statusCode === 200 ? 'first new secret' : 'second new secret';
    await loginAs(u.email, winner);
  });

  it('should refuse an expired reset link', async () => {
    const u = await userWithPassword();
    await call('POST', '/auth/password/forgot', { email: u.email });
    const token = tokenIn((await latestMail(u.email, 'auth.reset_password')).text_body, 'reset-password');
    await ctx.db
      .updateTable('auth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', u.id)
      .where('purpose', '=', 'reset_password')
      .execute();
    const res = await call('POST', '/auth/password/reset', { token, password: 'a brand new secret' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
    await loginAs(u.email);
  });

  it('should answer a reset request for an unknown email the same way, without sending mail', async () => {
    const email = freshEmail();
    const res = await call('POST', '/auth/password/forgot', { email });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    const mails = await ctx.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', email)
      .execute();
    expect(mails).toHaveLength(0);
  });

  it('should change the password only with the current one and end the other sessions', async () => {
    const u = await userWithPassword();
    const here = await loginAs(u.email);
    const elsewhere = await loginAs(u.email);

    const wrong = await call(
      'POST',
      '/auth/password/change',
      { currentPassword: 'not my password', newPassword: 'another long secret' },
      here,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].path).toBe('currentPassword');

    const ok = await call(
      'POST',
      '/auth/password/change',
      { currentPassword: PASSWORD, newPassword: 'another long secret' },
      here,
    );
    expect(ok.statusCode).toBe(200);
    expect((await call('GET', '/auth/session', undefined, here)).json().user.id).toBe(u.id);
    expect((await call('GET', '/auth/session', undefined, elsewhere)).json().user).toBeNull();
    await loginAs(u.email, 'another long secret');
    expect((await call('POST', '/auth/login', { email: u.email, password: PASSWORD })).statusCode).toBe(401);
  });
});

describe('profile and personal data', () => {
  it('should update my name, interface language and spoken languages', async () => {
    const u = await userWithPassword();
    const res = await call(
      'PATCH',
      '/auth/me',
      { name: 'Nome Nuovo', locale: 'ar', languages: ['ar', 'it', 'ar'] },
      asClient(u),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Nome Nuovo', locale: 'ar', languages: ['ar', 'it'] });
    const bad = await call('PATCH', '/auth/me', { languages: ['italian'] }, asClient(u));
    expect(bad.statusCode).toBe(400);
  });

  it('should export everything held about me as a JSON attachment, without secrets', async () => {
    const u = await userWithPassword();
    const org = await ctx.newOrganisation();
    await ctx.addMember(org.id, u, 'org_admin');
    await ctx.db
      .insertInto('audit_log')
      .values({
        entity_type: 'organisation',
        entity_id: org.id,
        action: 'profile_updated',
        actor_user_id: u.id,
      })
      .execute();
    await call('POST', '/auth/password/forgot', { email: u.email });
    const client = await loginAs(u.email);

    const res = await call('GET', '/auth/me/export', undefined, client);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="trama-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = res.json();
    expect(data.profile).toMatchObject({ id: u.id, email: u.email, name: u.name, hasPassword: true });
    expect(data.memberships).toEqual([
      expect.objectContaining({ organisationId: org.id, organisationName: org.name, role: 'org_admin' }),
    ]);
    expect(data.auditEntries).toEqual([
      expect.objectContaining({ entityId: org.id, action: 'profile_updated' }),
    ]);
    expect(data.mails).toEqual([expect.objectContaining({ to: u.email, template: 'auth.reset_password' })]);
    expect(data.mails[0].text).toContain('/reset-password?token=[removed]');
    expect(data.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(res.body).not.toContain('argon2');
    expect(res.body).not.toContain(client.cookie!.split('=')[1]);
  });

  it('should refuse the export to anonymous visitors', async () => {
    const res = await call('GET', '/auth/me/export');
    expect(res.statusCode).toBe(401);
  });
});

describe('invitations', () => {
  it('should show an invitation with its organisation and accept it: password set, email verified, logged in', async () => {
    const org = await ctx.newOrganisation();
    const email = freshEmail();
    const invite = await ctx.db
      .transaction()
      .execute((tx) =>
        inviteUser(tx, { email, name: 'Karim', locale: 'ar', data: { organisationId: org.id } }),
      );
    const token = invite.token!;

    const info = await call('GET', `/auth/invitations/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ email, name: 'Karim', organisationName: org.name });

    const accept = await call('POST', '/auth/invitations/accept', {
      token,
      password: 'my own password',
      name: 'Karim Haddad',
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json().user).toMatchObject({
      email,
      name: 'Karim Haddad',
      emailVerified: true,
      locale: 'ar',
    });
    const session = await call('GET', '/auth/session', undefined, { cookie: sessionCookieOf(accept) });
    expect(session.json().user.id).toBe(invite.userId);

    expect((await call('GET', `/auth/invitations/${token}`)).statusCode).toBe(400);
    const again = await call('POST', '/auth/invitations/accept', { token, password: 'stolen password!' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('INVALID_TOKEN');
    await loginAs(email, 'my own password');
  });

  it('should show no organisation when the invitation is not for one, and refuse unknown tokens', async () => {
    const email = freshEmail();
    const invite = await ctx.db
      .transaction()
      .execute((tx) => inviteUser(tx, { email, name: 'Ada', locale: 'it' }));
    expect((await call('GET', `/auth/invitations/${invite.token}`)).json().organisationName).toBeNull();
    const bad = await call('GET', `/auth/invitations/${'B'.repeat(43)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('people and network roles', () => {
  it('should let staff find people but not members or anonymous visitors', async () => {
    const staff = await ctx.newUser({ networkRole: 'staff' });
    const member = await ctx.newUser();
    const name = `Zainab ${unique('n')}`;
    const target = await ctx.newUser({ name, networkRole: 'expert' });

    const list = await ctx.injectAs(staff, {
      method: 'GET',
      url: `/api/v1/users?q=${encodeURIComponent(name)}`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([{ id: target.id, email: target.email, name, networkRole: 'expert' }]);
    const byRole = await ctx.injectAs(staff, { method: 'GET', url: '/api/v1/users?role=expert&limit=100' });
    expect(byRole.json().items.every((i: { networkRole: string }) => i.networkRole === 'expert')).toBe(true);

    expect((await ctx.injectAs(member, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    expect((await ctx.injectAs(null, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('should let only an admin set network roles, never removing their own admin role', async () => {
    const admin = await ctx.newUser({ networkRole: 'admin' });
    const staff = await ctx.newUser({ networkRole: 'staff' });
    const person = await ctx.newUser();

    const bystaff = await ctx.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/users/${person.id}`,
      payload: { networkRole: 'staff' },
    });
    expect(bystaff.statusCode).toBe(403);

    const promote = await ctx.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${person.id}`,
      payload: { networkRole: 'staff' },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json().networkRole).toBe('staff');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'network_role_changed', from_status: null, to_status: 'staff' });
    // The promoted person's next request already carries the new role.
    expect((await ctx.injectAs(person, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);

    const self = await ctx.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${admin.id}`,
      payload: { networkRole: null },
    });
    expect(self.statusCode).toBe(409);

    const badId = await ctx.injectAs(admin, {
      method: 'PATCH',
      url: '/api/v1/users/123',
      payload: { networkRole: null },
    });
    expect(badId.statusCode).toBe(400);
  });
});
