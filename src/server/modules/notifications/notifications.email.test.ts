// Notifications by email: the setting, immediate mails that batch a burst, the daily digest at 07:00 in Rome,
// per-notification overrides, the recipient's language, one-click unsubscribe, and no double sending.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/app.js';
import type { AppContext } from '../../context.js';
import { enqueueJob, runDueJobs } from '../../jobs/jobs.js';
import {
  IMMEDIATE_DELAY_MS,
  NOTIFICATIONS_DIGEST,
  NOTIFICATIONS_IMMEDIATE,
  NOTIFICATIONS_IMMEDIATE_SWEEP,
  nextDigest,
  planNextDigest,
  sendPendingMail,
} from './notifications.email.js';
import { notificationsJobHandlers } from './notifications.jobs.js';
import { notify } from './notifications.service.js';
import type { EmailMode } from './notifications.table.js';

let t: TestContext;
let handlers: ReturnType<typeof notificationsJobHandlers>;
beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://rete.example', NETWORK_NAME: 'Rete Prova' });
  handlers = notificationsJobHandlers({ config: t.config, db: t.db } as AppContext);
});
afterAll(() => t.close());

const texts = (title: string) => (l: string) =>
  ({
    it: { title: `${title} (it)`, body: 'Corpo del messaggio' },
    en: { title: `${title} (en)`, body: 'Message body' },
    ar: { title: `${title} (ar)`, body: 'نص الرسالة' },
  })[l as 'it' | 'en' | 'ar'];

async function send(
  users: TestUser[],
  title: string,
  opts: { link?: string; emailModes?: Map<string, EmailMode> } = {},
) {
  await t.db.transaction().execute((tx) =>
    notify(tx, {
      userIds: users.map((u) => u.id),
      kind: 'test.email',
      link: opts.link ?? '/notifications',
      text: texts(title),
      ...(opts.emailModes ? { emailModes: opts.emailModes } : {}),
    }),
  );
}

async function setMode(u: TestUser, emailMode: string) {
  return t.injectAs(u, { method: 'PUT', url: '/api/v1/notifications/settings', payload: { emailMode } });
}

async function mailsTo(u: TestUser) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'html_body', 'headers', 'locale', 'template'])
    .where('to_address', '=', u.email)
    .where('template', 'like', 'notifications.%')
    .orderBy('created_at')
    .execute();
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);

/** Runs the due jobs of some notification kinds as if the clock read `at`. */
async function runJobs(kinds: string[], at: Date) {
  const some = Object.fromEntries(
    kinds.map((k) => [k, handlers[k] as NonNullable<(typeof handlers)[string]>]),
  );
  for (;;) {
    const r = await runDueJobs(t.db, some, { now: () => at });
    expect(r.failed).toBe(0);
    if (r.done === 0) return;
  }
}
const runImmediate = (at = inMinutes(3)) => runJobs([NOTIFICATIONS_IMMEDIATE], at);
const sweep = () =>
  t.db.transaction().execute(async (tx) => {
    const job = { id: 'sweep', kind: NOTIFICATIONS_IMMEDIATE_SWEEP, attempts: 1, payload: {} };
    await handlers[NOTIFICATIONS_IMMEDIATE_SWEEP]?.(tx, job);
  });

async function digestAt(day: string) {
  // The planner, as the hourly schedule runs it shortly before 07:00 on that day in Rome.
  const at = new Date(`${day}T04:30:00Z`);
  await t.db.transaction().execute((tx) => planNextDigest(tx, at));
  await runJobs([NOTIFICATIONS_DIGEST], new Date(`${day}T06:59:00Z`));
}

describe('notification email settings', () => {
  it('should default to the daily digest, let me change it, and refuse bad values and anonymous callers', async () => {
    const u = await t.newUser();
    const get = () => t.injectAs(u, { method: 'GET', url: '/api/v1/notifications/settings' });
    expect((await get()).json()).toEqual({ emailMode: 'daily' });
    const put = await setMode(u, 'immediate');
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ emailMode: 'immediate' });
    expect((await get()).json()).toEqual({ emailMode: 'immediate' });

    const bad = await setMode(u, 'weekly');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('body.emailMode');
    const empty = await t.injectAs(u, { method: 'PUT', url: '/api/v1/notifications/settings', payload: {} });
    expect(empty.statusCode).toBe(400);

    expect(
      (await t.injectAs(null, { method: 'GET', url: '/api/v1/notifications/settings' })).statusCode,
    ).toBe(401);
    const anon = await t.injectAs(null, {
      method: 'PUT',
      url: '/api/v1/notifications/settings',
      payload: { emailMode: 'off' },
    });
    expect(anon.statusCode).toBe(401);
    expect((await get()).json()).toEqual({ emailMode: 'immediate' });
  });
});

describe('immediate notification mails', () => {
  it('should send one mail a couple of minutes after a burst, leaving out what I already read', async () => {
    const u = await t.newUser({ name: 'Anna Rossi' });
    await setMode(u, 'immediate');
    await send([u], 'Prima', { link: '/mentoring/1' });
    await send([u], 'Seconda', { link: '/mentoring/2' });
    await send([u], 'Terza', { link: '/mentoring/3' });
    const list = (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications' })).json();
    const seconda = list.items.find((n: { title: string }) => n.title.startsWith('Seconda'));
    await t.injectAs(u, { method: 'POST', url: `/api/v1/notifications/${seconda.id}/read` });

    // Not before the delay: more notifications may still come.
    await runImmediate(new Date());
    expect(await mailsTo(u)).toHaveLength(0);

    await runImmediate();
    const mails = await mailsTo(u);
    expect(mails).toHaveLength(1);
    const [m] = mails;
    expect(m?.subject).toBe('2 nuove notifiche – Rete Prova');
    expect(m?.locale).toBe('it');
    expect(m?.text_body).toContain('Gentile Anna Rossi');
    expect(m?.text_body).toContain('Prima (it)');
    expect(m?.text_body).toContain('Terza (it)');
    expect(m?.text_body).not.toContain('Seconda');
    expect(m?.text_body).toContain('https://rete.example/mentoring/1');
    expect(m?.text_body).toContain('https://rete.example/notifications#email-settings');
    expect(m?.text_body).toMatch(/https:\/\/rete\.example\/notifications\/unsubscribe\?token=[0-9a-f]{32}\./);
    expect(m?.html_body).toContain('<html lang="it" dir="ltr">');
    expect(m?.html_body).toContain('href="https://rete.example/mentoring/3"');
    expect(m?.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/rete\.example\/api\/v1\/notifications\/unsubscribe\?token=.+>$/,
    );
    expect(m?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Mailed once: running again sends nothing; a later notification makes a new mail of its own.
    await runImmediate(inMinutes(10));
    expect(await mailsTo(u)).toHaveLength(1);
    // Four minutes later (a new period of the job), a new notification.
    vi.setSystemTime(inMinutes(4));
    try {
      await send([u], 'Quarta');
      await runImmediate(inMinutes(3));
    } finally {
      vi.useRealTimers();
    }
    const after = await mailsTo(u);
    expect(after).toHaveLength(2);
    expect(after[1]?.subject).toBe('Quarta (it) – Rete Prova');
    expect(after[1]?.text_body).not.toContain('Prima');
  });

  it('should escape notification text in the HTML mail', async () => {
    const u = await t.newUser();
    await setMode(u, 'immediate');
    await t.db.transaction().execute((tx) =>
      notify(tx, {
        userIds: [u.id],
        kind: 'test.xss',
        link: 'javascript:alert(1)',
        text: () => ({ title: '<script>alert(1)</script>', body: '<img src=x onerror=alert(1)>' }),
      }),
    );
    await runImmediate();
    const [m] = await mailsTo(u);
    expect(m?.html_body).not.toContain('<script>');
    expect(m?.html_body).not.toContain('<img');
    expect(m?.html_body).not.toContain('javascript:');
    expect(m?.html_body).toContain('&lt;script&gt;');
  });

  it('should send immediate notifications whose job missed them with the next sweep', async () => {
    const u = await t.newUser();
    await setMode(u, 'immediate');
    await send([u], 'Persa');
    // As if the job had run just before this notification committed.
    await t.db.deleteFrom('jobs').where('key', 'like', `${NOTIFICATIONS_IMMEDIATE}:${u.id}@%`).execute();
    await sweep();
    expect(await mailsTo(u)).toHaveLength(0);
    await t.db
      .updateTable('notifications')
      .set({ created_at: new Date(Date.now() - 4 * IMMEDIATE_DELAY_MS) })
      .where('user_id', '=', u.id)
      .execute();
    await sweep();
    expect(await mailsTo(u)).toHaveLength(1);
  });
});

describe('daily digest', () => {
  it('should queue the digest for 07:00 in Rome, summer and winter', () => {
    expect(nextDigest(new Date('2031-07-01T04:00:00Z'))).toEqual({
      day: '2031-07-01',
      at: new Date('2031-07-01T05:00:00Z'),
    });
    expect(nextDigest(new Date('2031-01-15T07:00:00Z'))).toEqual({
      day: '2031-01-16',
      at: new Date('2031-01-16T06:00:00Z'),
    });
    // The night the clocks go forward (29 March 2031) still gives 07:00 local time.
    expect(nextDigest(new Date('2031-03-30T00:30:00Z')).at).toEqual(new Date('2031-03-30T05:00:00Z'));
  });

  it('should send each person one digest at 07:00 of what is unread and not mailed, once', async () => {
    const a = await t.newUser();
    const b = await t.newUser();
    await send([a, b], 'Uno');
    await send([a], 'Due');
    await send([b], 'Tre');
    const bList = (await t.injectAs(b, { method: 'GET', url: '/api/v1/notifications' })).json();
    for (const n of bList.items)
      await t.injectAs(b, { method: 'POST', url: `/api/v1/notifications/${n.id}/read` });

    // The immediate job does not touch daily notifications.
    await runImmediate(inMinutes(10));
    expect(await mailsTo(a)).toHaveLength(0);
    // Queued for 07:00 on that day: not due an hour before.
    const day = '2031-02-10';
    await t.db.transaction().execute((tx) => planNextDigest(tx, new Date(`${day}T04:30:00Z`)));
    await runJobs([NOTIFICATIONS_DIGEST], new Date(`${day}T05:00:00Z`));
    expect(await mailsTo(a)).toHaveLength(0);
    await runJobs([NOTIFICATIONS_DIGEST], new Date(`${day}T06:00:01Z`));

    const mails = await mailsTo(a);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.template).toBe('notifications.digest');
    expect(mails[0]?.subject).toBe('Il riepilogo delle sue notifiche – Rete Prova');
    expect(mails[0]?.text_body).toContain('Uno (it)');
    expect(mails[0]?.text_body).toContain('Due (it)');
    // b read everything in the app: no digest.
    expect(await mailsTo(b)).toHaveLength(0);

    await digestAt('2031-02-11');
    expect(await mailsTo(a)).toHaveLength(1);
  });

  it('should write the digest in the recipient’s language, right to left in Arabic', async () => {
    const omar = await t.newUser({ name: 'Omar' });
    const john = await t.newUser({ name: 'John' });
    await t.db.updateTable('users').set({ locale: 'ar' }).where('id', '=', omar.id).execute();
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', john.id).execute();
    await send([omar, john], 'Evento');
    await digestAt('2031-02-12');
    const [ar] = await mailsTo(omar);
    expect(ar?.locale).toBe('ar');
    expect(ar?.subject).toBe('ملخص إشعاراتك – Rete Prova');
    expect(ar?.html_body).toContain('<html lang="ar" dir="rtl">');
    expect(ar?.text_body).toContain('Evento (ar)');
    expect(ar?.text_body).toContain('نص الرسالة');
    const [en] = await mailsTo(john);
    expect(en?.subject).toBe('Your notification digest – Rete Prova');
    expect(en?.text_body).toContain('Dear John');
  });
});

describe('who gets mail', () => {
  it('should never mail someone who turned notification mails off, whatever the caller asks', async () => {
    const u = await t.newUser();
    await setMode(u, 'off');
    await send([u], 'Silenzio', { emailModes: new Map([[u.id, 'immediate']]) });
    await send([u], 'Ancora');
    const rows = await t.db
      .selectFrom('notifications')
      .select('email_mode')
      .where('user_id', '=', u.id)
      .execute();
    expect(rows.map((r) => r.email_mode)).toEqual(['off', 'off']);
    await runImmediate(inMinutes(10));
    await digestAt('2031-02-13');
    expect(await mailsTo(u)).toHaveLength(0);
    // Still in the app.
    expect((await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications' })).json().items).toHaveLength(
      2,
    );
  });

  it('should follow the caller’s choice per notification over the person’s own', async () => {
    const daily = await t.newUser();
    const immediate = await t.newUser();
    await setMode(immediate, 'immediate');
    const modes = new Map<string, EmailMode>([
      [daily.id, 'immediate'],
      [immediate.id, 'daily'],
    ]);
    await send([daily, immediate], 'Risposta nel thread', { emailModes: modes });
    await runImmediate(inMinutes(10));
    expect((await mailsTo(daily)).map((m) => m.template)).toEqual(['notifications.immediate']);
    expect(await mailsTo(immediate)).toHaveLength(0);
    await digestAt('2031-02-14');
    expect((await mailsTo(immediate)).map((m) => m.template)).toEqual(['notifications.digest']);
    expect((await mailsTo(daily)).map((m) => m.template)).toEqual(['notifications.immediate']);

    // A caller's "off" for one notification keeps just that one out of the mail.
    const quiet = await t.newUser();
    await setMode(quiet, 'immediate');
    await send([quiet], 'Muto', { emailModes: new Map([[quiet.id, 'off']]) });
    await runImmediate(inMinutes(10));
    expect(await mailsTo(quiet)).toHaveLength(0);
  });

  it('should not mail what was waiting once the person turns mails off', async () => {
    const u = await t.newUser();
    await setMode(u, 'immediate');
    await send([u], 'In attesa');
    await setMode(u, 'off');
    await runImmediate(inMinutes(10));
    expect(await mailsTo(u)).toHaveLength(0);
  });

  it('should send one mail when two processes run the same person’s jobs at the same time', async () => {
    const u = await t.newUser();
    await setMode(u, 'immediate');
    await send([u], 'A');
    await send([u], 'B');
    await send([u], 'C');
    // A second job for the same person (as when a burst spans two periods), run by a second worker.
    await enqueueJob(t.db, {
      kind: NOTIFICATIONS_IMMEDIATE,
      key: `${NOTIFICATIONS_IMMEDIATE}:${u.id}@test-second`,
      payload: { userId: u.id },
    });
    const some = { [NOTIFICATIONS_IMMEDIATE]: handlers[NOTIFICATIONS_IMMEDIATE] as never };
    const at = inMinutes(10);
    await Promise.all([runDueJobs(t.db, some, { now: () => at }), runDueJobs(t.db, some, { now: () => at })]);
    const mails = await mailsTo(u);
    expect(mails).toHaveLength(1);
    for (const title of ['A (it)', 'B (it)', 'C (it)']) expect(mails[0]?.text_body).toContain(title);

    // The same for two digest runs at once.
    const d = await t.newUser();
    await send([d], 'Giornaliera');
    await Promise.all([
      t.db.transaction().execute((tx) => sendPendingMail(tx, t.config, 'daily', [d.id])),
      t.db.transaction().execute((tx) => sendPendingMail(tx, t.config, 'daily', [d.id])),
    ]);
    expect(await mailsTo(d)).toHaveLength(1);
  });
});

describe('one-click unsubscribe', () => {
  async function mailedUser() {
    const u = await t.newUser();
    await setMode(u, 'immediate');
    await send([u], 'Con link');
    await runImmediate();
    const [m] = await mailsTo(u);
    const url = new URL((m?.headers['List-Unsubscribe'] ?? '').slice(1, -1));
    return { u, url, token: url.searchParams.get('token') ?? '', mail: m };
  }

  it('should turn notification mails off with the one-click POST from the mail, without a session', async () => {
    const { u, url, mail } = await mailedUser();
    expect(mail?.text_body).toContain(`/notifications/unsubscribe?token=${url.searchParams.get('token')}`);
    await send([u], 'Dopo');
    const res = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ emailMode: 'off', email: u.email });
    expect((await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications/settings' })).json()).toEqual({
      emailMode: 'off',
    });
    // What was waiting is not sent any more.
    await runImmediate(inMinutes(10));
    expect(await mailsTo(u)).toHaveLength(1);
  });

  it('should accept the token in a JSON body from the web page, twice without harm', async () => {
    const { u, token } = await mailedUser();
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/unsubscribe',
        payload: { token },
      });
      expect(res.statusCode).toBe(200);
    }
    const s = await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications/settings' });
    expect(s.json().emailMode).toBe('off');
  });

  it('should refuse a forged, altered or missing token with a 400 saying why', async () => {
    const { u, token } = await mailedUser();
    const other = await t.newUser();
    await setMode(other, 'daily');
    const [idPart, macPart] = token.split('.') as [string, string];
    const flipped = `${macPart.slice(0, -1)}${macPart.endsWith('A') ? 'B' : 'A'}`;
    const forged = [
      `${idPart}.${flipped}`,
      `${other.id.replaceAll('-', '')}.${macPart}`,
      `${'0'.repeat(32)}.${macPart}`,
    ];
    for (const bad of forged) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(bad)}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error, bad).toMatchObject({ code: 'INVALID_TOKEN' });
      expect(res.json().error.details.fields[0].path).toBe('token');
    }
    const shapeless = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/unsubscribe',
      payload: { token: 'x'.repeat(40) },
    });
    expect(shapeless.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/notifications/unsubscribe' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].path).toBe('token');
    for (const who of [u, other]) {
      const s = await t.injectAs(who, { method: 'GET', url: '/api/v1/notifications/settings' });
      expect(s.json().emailMode).not.toBe('off');
    }
  });
});
