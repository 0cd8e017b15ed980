import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../test/app.js';
import { enqueueMail } from './outbox.js';

let ctx: TestContext;
let staff: TestUser;
beforeAll(async () => {
  ctx = await createTestContext();
  staff = await ctx.newUser({ networkRole: 'staff' });
});
afterAll(() => ctx.close());

const recipient = () => `${unique('outbox')}@example.org`;

async function pages(to: string, limit: number) {
  const seen: Array<{ id: string; subject: string }> = [];
  let cursor: string | null = null;
  let rounds = 0;
  do {
    const query: string = `to=${encodeURIComponent(to)}&limit=${limit}${cursor ? `&before=${cursor}` : ''}`;
    const res = await ctx.injectAs(staff, { method: 'GET', url: `/api/v1/mail/outbox?${query}` });
    expect(res.statusCode).toBe(200);
    seen.push(...res.json().items);
    cursor = res.json().nextCursor;
    rounds++;
  } while (cursor && rounds < 20);
  return { seen, rounds };
}

describe('mail outbox for staff', () => {
  it('should page through every mail exactly once, newest first, even when many share one timestamp', async () => {
    const to = recipient();
    // One transaction: every row gets the same created_at, the hard case for a keyset cursor.
    await ctx.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 5; i++) {
        await enqueueMail(tx, {
          to,
          subject: `Batch ${i}`,
          text: `Body ${i}`,
          locale: 'it',
          template: 'test.batch',
        });
      }
    });
    await enqueueMail(ctx.db, {
      to,
      subject: 'Latest',
      text: 'Newest',
      locale: 'en',
      template: 'test.single',
    });

    const { seen, rounds } = await pages(to.toUpperCase(), 2);
    expect(rounds).toBe(3);
    expect(seen).toHaveLength(6);
    expect(new Set(seen.map((m) => m.id)).size).toBe(6);
    expect(seen[0]).toMatchObject({ subject: 'Latest', to, status: 'pending', attempts: 0, sentAt: null });
  });

  it('should show one mail with its text', async () => {
    const to = recipient();
    const id = await enqueueMail(ctx.db, {
      to,
      subject: 'Invito',
      text: 'Ecco il tuo invito.',
      html: '<p>Ecco il tuo invito.</p>',
      locale: 'it',
      template: 'test.invite',
    });
    const res = await ctx.injectAs(staff, { method: 'GET', url: `/api/v1/mail/outbox/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      to,
      subject: 'Invito',
      text: 'Ecco il tuo invito.',
      html: '<p>Ecco il tuo invito.</p>',
      template: 'test.invite',
    });
    const missing = await ctx.injectAs(staff, {
      method: 'GET',
      url: '/api/v1/mail/outbox/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect((await ctx.injectAs(staff, { method: 'GET', url: '/api/v1/mail/outbox/nope' })).statusCode).toBe(
      400,
    );
  });

  it('should refuse a malformed cursor with a 400', async () => {
    const res = await ctx.injectAs(staff, { method: 'GET', url: '/api/v1/mail/outbox?before=garbage' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('before');
  });

  it('should keep the outbox from anyone but network staff', async () => {
    const member = await ctx.newUser();
    const expert = await ctx.newUser({ networkRole: 'expert' });
    const admin = await ctx.newUser({ networkRole: 'admin' });
    expect((await ctx.injectAs(null, { method: 'GET', url: '/api/v1/mail/outbox' })).statusCode).toBe(401);
    expect((await ctx.injectAs(member, { method: 'GET', url: '/api/v1/mail/outbox' })).statusCode).toBe(403);
    expect((await ctx.injectAs(expert, { method: 'GET', url: '/api/v1/mail/outbox' })).statusCode).toBe(403);
    expect((await ctx.injectAs(admin, { method: 'GET', url: '/api/v1/mail/outbox' })).statusCode).toBe(200);
  });
});

describe('one-time links in the outbox', () => {
  const mailWithLink = async () =>
    enqueueMail(ctx.db, {
      to: recipient(),
      subject: 'Reimposta la password',
      text: 'Apri http://localhost:3000/reset-password?token=abcDEF123_-xyz per scegliere una nuova password.',
      html: '<a href="http://localhost:3000/reset-password?token=abcDEF123_-xyz">Reimposta</a>',
      locale: 'it',
      template: 'auth.reset_password',
    });

  it('should show staff the whole mail when there is no SMTP server, since the app is the only way to read it', async () => {
    const id = await mailWithLink();
    const res = await ctx.injectAs(staff, { method: 'GET', url: `/api/v1/mail/outbox/${id}` });
    expect(res.json().text).toContain('token=abcDEF123_-xyz');
  });

  it('should hide one-time links from staff when mail is really delivered', async () => {
    const withSmtp = await createTestContext({ SMTP_URL: 'smtp://127.0.0.1:2525' });
    try {
      const id = await mailWithLink();
      const res = await withSmtp.injectAs(await withSmtp.login(staff), {
        method: 'GET',
        url: `/api/v1/mail/outbox/${id}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().text).not.toContain('abcDEF123');
      expect(res.json().text).toContain('reset-password?token=[redacted]');
      expect(res.json().html).not.toContain('abcDEF123');
    } finally {
      await withSmtp.close();
    }
  });
});
