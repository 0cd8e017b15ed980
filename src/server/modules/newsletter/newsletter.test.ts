import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import { deliverDueMails, smtpTransport } from '../../mail/outbox.js';
import { dispatchNewsletters } from './newsletter.dispatch.js';
import { expirePending } from './newsletter.service.js';

let t: TestContext;
let staff: TestUser;

beforeAll(async () => {
  t = await createTestContext({ NEWSLETTER_RATE_PER_MINUTE: '5', PUBLIC_URL: 'https://rete.example' });
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('newsletter_deliveries').execute();
  await t.db.deleteFrom('newsletter_campaigns').execute();
  await t.db.deleteFrom('newsletter_subscriptions').execute();
  await t.db.deleteFrom('mail_outbox').execute();
  await t.db.deleteFrom('auth_attempts').execute();
});

const email = () => `${unique('nl')}@example.org`;
const mailsTo = (to: string) =>
  t.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', to).orderBy('created_at').execute();
const linkToken = (text: string, path: string) =>
  new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(text)?.[1] ?? '';

async function subscribe(addr: string, body: Record<string, unknown> = {}) {
  return t.injectAs(null, {
    method: 'POST',
    url: '/api/v1/newsletter/subscriptions',
    payload: { email: addr, locale: 'it', ...body },
  });
}

/** Subscribes and confirms through the link in the mail, as a person would. */
async function confirmed(addr: string, body: Record<string, unknown> = {}) {
  expect((await subscribe(addr, body)).statusCode).toBe(202);
  const mail = (await mailsTo(addr)).at(-1);
  const token = linkToken(mail?.text_body ?? '', '/newsletter/confirm');
  const res = await t.injectAs(null, {
    method: 'POST',
    url: '/api/v1/newsletter/subscriptions/confirm',
    payload: { token },
  });
  expect(res.statusCode).toBe(200);
}

async function campaign(audience: Record<string, unknown>, contents?: Record<string, unknown>) {
  const res = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/newsletter/campaigns',
    payload: {
      contents: contents ?? {
        it: { subject: 'Notizie dalla rete', body: 'Ciao a **tutti**.' },
        en: { subject: 'News from the network', body: 'Hello **everyone**.' },
      },
      audience,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const send = (id: string) =>
  t.injectAs(staff, { method: 'POST', url: `/api/v1/newsletter/campaigns/${id}/send` });

async function dispatchAll(now = new Date()) {
  // Each run may move at most the rate; later "minutes" let the rest through.
  for (let i = 0; i < 100; i++) {
    const at = new Date(now.getTime() + i * 61_000);
    const r = await t.db.transaction().execute((tx) => dispatchNewsletters(tx, t.config, null, { now: at }));
    if (r.enqueued === 0 && r.started === 0) return;
  }
}

const campaignMails = () =>
  t.db.selectFrom('mail_outbox').selectAll().where('template', '=', 'newsletter.campaign').execute();

describe('subscription with double opt-in', () => {
  it('should mail a confirmation link and count the address only once it is confirmed', async () => {
    const addr = email();
    const res = await subscribe(addr, { name: 'Amina', locale: 'en' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check_your_email' });
    const [mail] = await mailsTo(addr);
    expect(mail?.subject).toContain('Confirm your newsletter subscription');
    expect(mail?.text_body).toContain('https://rete.example/newsletter/confirm?token=');

    const id = await campaign({ all: true });
    const count = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/newsletter/campaigns/audience-count',
      payload: { all: true },
    });
    expect(count.json().count).toBe(0);

    const token = linkToken(mail?.text_body ?? '', '/newsletter/confirm');
    const ok = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/newsletter/subscriptions/confirm',
      payload: { token },
    });
    expect(ok.json()).toEqual({ email: addr, status: 'confirmed' });
    const again = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/newsletter/subscriptions/confirm',
      payload: { token },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('INVALID_TOKEN');
    expect((await send(id)).json().recipientCount).toBe(1);
  });

  it('should answer the same for a known and an unknown address, without changing a confirmed one', async () => {
    const known = email();
    await confirmed(known, { topics: ['housing'] });
    const a = await subscribe(known, { topics: ['work'] });
    const b = await subscribe(email());
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.json()).toEqual(b.json());
    const sub = await t.db
      .selectFrom('newsletter_subscriptions')
      .selectAll()
      .where('email', '=', known)
      .executeTakeFirstOrThrow();
    expect(sub.topics).toEqual(['housing']);
    expect((await mailsTo(known)).at(-1)?.template).toBe('newsletter.already_subscribed');
  });

  it('should refuse an expired link and forget unconfirmed requests after they expire', async () => {
    const addr = email();
    await subscribe(addr);
    const token = linkToken((await mailsTo(addr))[0]?.text_body ?? '', '/newsletter/confirm');
    await t.db
      .updateTable('newsletter_subscriptions')
      .set({ confirm_expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', addr)
      .execute();
    const res = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/newsletter/subscriptions/confirm',
      payload: { token },
    });
    expect(res.statusCode).toBe(400);
    expect(await expirePending(t.db)).toBe(1);
    expect(
      await t.db.selectFrom('newsletter_subscriptions').select('id').where('email', '=', addr).execute(),
    ).toEqual([]);
  });

  it('should reject bad input with the field and reason', async () => {
    const res = await subscribe('not-an-address', { topics: ['no-such-topic'] });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain('email');
    const topic = await subscribe(email(), { topics: ['no-such-topic'] });
    expect(topic.statusCode).toBe(400);
    expect(JSON.stringify(topic.json().error.details)).toContain('topics');
  });

  it('should let an unsubscribed address subscribe again with a new confirmation', async () => {
    const addr = email();
    await confirmed(addr);
    const sub = await t.db
      .selectFrom('newsletter_subscriptions')
      .select('manage_token')
      .where('email', '=', addr)
      .executeTakeFirstOrThrow();
    await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/newsletter/unsubscribe',
      payload: { token: sub.manage_token },
    });
    await confirmed(addr, { locale: 'ar' });
    const row = await t.db
      .selectFrom('newsletter_subscriptions')
      .select(['status', 'locale'])
      .where('email', '=', addr)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'confirmed', locale: 'ar' });
  });

  it('should let a logged-in member subscribe from the profile without a second opt-in', async () => {
    const member = await t.newUser();
    const none = await t.injectAs(member, { method: 'GET', url: '/api/v1/newsletter/subscriptions/mine' });
    expect(none.json()).toEqual({ subscription: null });
    const res = await t.injectAs(member, {
      method: 'PATCH',
      url: '/api/v1/newsletter/subscriptions/mine',
      payload: { subscribed: true, locale: 'en', topics: ['work'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().subscription).toMatchObject({ status: 'confirmed', locale: 'en', topics: ['work'] });
    const off = await t.injectAs(member, {
      method: 'PATCH',
      url: '/api/v1/newsletter/subscriptions/mine',
      payload: { subscribed: false },
    });
    expect(off.json().subscription.status).toBe('unsubscribed');
  });
});

describe('unsubscribing', () => {
  it('should put one-click List-Unsubscribe headers in every newsletter and honour a one-click POST', async () => {
    const addr = email();
    await confirmed(addr);
    await send(await campaign({ all: true }));
    await dispatchAll();
    const [mail] = await campaignMails();
    expect(mail?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const header = mail?.headers['List-Unsubscribe'] ?? '';
    expect(header).toMatch(/^<https:\/\/rete\.example\/api\/v1\/newsletter\/unsubscribe\?token=.+>$/);
    expect(mail?.text_body).toContain('https://rete.example/newsletter/unsubscribe?token=');

    // A mail provider posts the form from its own servers: no session, no CSRF header, a foreign Origin.
    const url = new URL(header.slice(1, -1));
    const res = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.com' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email: addr, status: 'unsubscribed' });

    await send(await campaign({ all: true }));
    await dispatchAll();
    expect((await campaignMails()).filter((m) => m.to_address === addr)).toHaveLength(1);
  });

  it('should refuse an unknown token and still require CSRF on the other newsletter writes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/newsletter/unsubscribe?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(400);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/newsletter/subscriptions',
      headers: { origin: 'https://evil.example' },
      payload: { email: email(), locale: 'it' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('should let a member who never subscribed opt out of member mails for good', async () => {
    const org = await t.newOrganisation({ kind: 'foundation' });
    const person = await t.newUser();
    await t.addMember(org.id, person, 'operator');
    await send(await campaign({ organisationKinds: ['foundation'] }));
    await dispatchAll();
    const mail = (await campaignMails()).find((m) => m.to_address === person.email);
    const token = linkToken(mail?.text_body ?? '', '/newsletter/unsubscribe');
    const res = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/newsletter/unsubscribe',
      payload: { token },
    });
    expect(res.json().status).toBe('unsubscribed');
    const count = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/newsletter/campaigns/audience-count',
      payload: { organisationKinds: ['foundation'] },
    });
    expect(count.json().count).toBe(0);
    const back = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/newsletter/subscriptions/resubscribe',
      payload: { token },
    });
    expect(back.json().status).toBe('confirmed');
  });
});

describe('audiences', () => {
  it('should reach exactly the people of the chosen programme, kind and region, and interested subscribers', async () => {
    const prog = (
      await t.injectAs(staff, {
        method: 'POST',
        url: '/api/v1/programmes',
        payload: { name: `Programma ${unique()}`, description: { it: 'Prova.' } },
      })
    ).json().slug as string;
    const inLazio = await t.newOrganisation({ regionCode: '12', kind: 'refugee_led_association' });
    const inSicily = await t.newOrganisation({
      regionCode: '19',
      provinceCode: 'PA',
      kind: 'refugee_led_association',
    });
    const outside = await t.newOrganisation({ regionCode: '12', kind: 'refugee_led_association' });
    const departed = await t.newOrganisation({
      regionCode: '12',
      kind: 'refugee_led_association',
      status: 'departed',
    });
    for (const o of [inLazio, inSicily, departed]) {
      await t.injectAs(staff, {
        method: 'POST',
        url: `/api/v1/programmes/${prog}/organisations`,
        payload: { organisationSlug: o.slug },
      });
    }
    await t.db
      .insertInto('programme_organisations')
      .values({
        programme_id: (
          await t.db.selectFrom('programmes').select('id').where('slug', '=', prog).executeTakeFirstOrThrow()
        ).id,
        organisation_id: departed.id,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const people: Record<string, TestUser> = {};
    for (const [key, org] of Object.entries({ inLazio, inSicily, outside, departed })) {
      people[key] = await t.newUser();
      await t.addMember(org.id, people[key] as TestUser, 'operator');
    }
    const interested = email();
    await confirmed(interested, { programmeSlugs: [prog] });
    const other = email();
    await confirmed(other, { topics: ['health'] });

    const reach = async (audience: Record<string, unknown>) => {
      const id = await campaign(audience);
      await send(id);
      await dispatchAll();
      const rows = await t.db
        .selectFrom('newsletter_deliveries')
        .select('email')
        .where('campaign_id', '=', id)
        .execute();
      return rows.map((r) => r.email).sort();
    };
    expect(await reach({ programmeSlugs: [prog] })).toEqual(
      [people.inLazio?.email, people.inSicily?.email, interested].sort(),
    );
    expect(await reach({ programmeSlugs: [prog], regionCodes: ['12'] })).toEqual(
      [people.inLazio?.email, interested].sort(),
    );
    expect(await reach({ topics: ['health'] })).toEqual([other]);
    expect(await reach({ all: true })).toEqual([interested, other].sort());
  });

  it('should give each recipient their language, or the default one when the campaign lacks it', async () => {
    const en = email();
    const ar = email();
    await confirmed(en, { locale: 'en' });
    await confirmed(ar, { locale: 'ar' });
    await send(await campaign({ all: true }));
    await dispatchAll();
    const mails = await campaignMails();
    expect(mails.find((m) => m.to_address === en)?.subject).toBe('News from the network');
    expect(mails.find((m) => m.to_address === ar)?.subject).toBe('Notizie dalla rete');
  });
});

describe('sending', () => {
  it('should move no more than the configured rate into the outbox per minute', async () => {
    for (let i = 0; i < 12; i++) await confirmed(email());
    await t.db.deleteFrom('mail_outbox').execute();
    const id = await campaign({ all: true });
    await send(id);
    const now = new Date();
    const run = (at: Date) =>
      t.db.transaction().execute((tx) => dispatchNewsletters(tx, t.config, null, { now: at }));
    expect((await run(now)).enqueued).toBe(5);
    expect((await run(new Date(now.getTime() + 10_000))).enqueued).toBe(0);
    expect((await run(new Date(now.getTime() + 61_000))).enqueued).toBe(5);
    const progress = await t.injectAs(staff, {
      method: 'GET',
      url: `/api/v1/newsletter/campaigns/${id}/progress`,
    });
    expect(progress.json()).toMatchObject({
      status: 'sending',
      total: 12,
      sent: 0,
      failed: 0,
      remaining: 12,
    });
    expect((await run(new Date(now.getTime() + 122_000))).enqueued).toBe(2);
    expect((await campaignMails()).length).toBe(12);
    const done = await t.injectAs(staff, { method: 'GET', url: `/api/v1/newsletter/campaigns/${id}` });
    expect(done.json().status).toBe('sent');
  });

  it('should resume after a crash without sending anyone the newsletter twice', async () => {
    const addrs = Array.from({ length: 12 }, email);
    for (const a of addrs) await confirmed(a);
    const id = await campaign({ all: true });
    await send(id);
    const now = new Date();
    // First run completes a batch; the second "crashes" after its third mail.
    await t.db.transaction().execute((tx) => dispatchNewsletters(tx, t.config, null, { now }));
    await expect(
      t.db.transaction().execute((tx) =>
        dispatchNewsletters(tx, t.config, null, {
          now: new Date(now.getTime() + 61_000),
          afterEach: (i) => {
            if (i === 2) throw new Error('process killed');
          },
        }),
      ),
    ).rejects.toThrow('process killed');
    expect((await campaignMails()).length).toBe(5);
    await dispatchAll(new Date(now.getTime() + 122_000));
    const mails = await campaignMails();
    expect(mails.map((m) => m.to_address).sort()).toEqual([...addrs].sort());
  });

  it('should count failed mails and send them again when staff retry', async () => {
    const addr = email();
    await confirmed(addr);
    const id = await campaign({ all: true });
    await send(id);
    await dispatchAll();
    await t.db
      .updateTable('mail_outbox')
      .set({ status: 'failed', last_error: '550 mailbox full' })
      .where('template', '=', 'newsletter.campaign')
      .execute();
    const p = await t.injectAs(staff, { method: 'GET', url: `/api/v1/newsletter/campaigns/${id}/progress` });
    expect(p.json()).toMatchObject({ sent: 0, failed: 1, remaining: 0 });
    const list = await t.injectAs(staff, {
      method: 'GET',
      url: `/api/v1/newsletter/campaigns/${id}/deliveries?status=failed`,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({ email: addr, lastError: '550 mailbox full' }),
    ]);
    const retry = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/newsletter/campaigns/${id}/retry`,
    });
    expect(retry.json()).toEqual({ retried: 1 });
    const after = await t.injectAs(staff, {
      method: 'GET',
      url: `/api/v1/newsletter/campaigns/${id}/progress`,
    });
    expect(after.json()).toMatchObject({ failed: 0, remaining: 1 });
  });

  it('should start a scheduled campaign when due, and not after it was cancelled', async () => {
    await confirmed(email());
    const id = await campaign({ all: true });
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const s = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/newsletter/campaigns/${id}/schedule`,
      payload: { at },
    });
    expect(s.json().status).toBe('scheduled');
    await dispatchAll();
    expect(await campaignMails()).toHaveLength(0);
    await dispatchAll(new Date(Date.now() + 3_700_000));
    expect(await campaignMails()).toHaveLength(1);

    const other = await campaign({ all: true });
    await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/newsletter/campaigns/${other}/schedule`,
      payload: { at },
    });
    const c = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/newsletter/campaigns/${other}/cancel`,
    });
    expect(c.json().status).toBe('draft');
    await dispatchAll(new Date(Date.now() + 3_700_000));
    expect(await campaignMails()).toHaveLength(1);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'to_status'])
      .where('entity_id', '=', other)
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'newsletter.campaign.created',
      'newsletter.campaign.scheduled',
      'newsletter.campaign.unscheduled',
    ]);
  });

  it('should refuse to send without the default language, and to change a sent campaign', async () => {
    await confirmed(email());
    const id = await campaign({ all: true }, { en: { subject: 'Only English', body: 'Text.' } });
    const res = await send(id);
    expect(res.statusCode).toBe(400);
    const ok = await campaign({ all: true });
    await send(ok);
    const patch = await t.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/newsletter/campaigns/${ok}`,
      payload: { audience: { all: true } },
    });
    expect(patch.statusCode).toBe(409);
  });
});

describe('markdown', () => {
  it('should show raw HTML as text and drop script links, in the preview, the mail and the archive', async () => {
    const body =
      'Ciao <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[clic](javascript:alert(1)) [sito](https://rete.example/a)';
    const preview = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/newsletter/campaigns/preview',
      payload: { locale: 'it', content: { subject: 'Prova <b>', body } },
    });
    const html = preview.json().html as string;
    expect(html).not.toMatch(/<script|<img src=x|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://rete.example/a"');
    expect(html).toContain('Prova &lt;b&gt;');

    await confirmed(email());
    const id = await campaign({ all: true }, { it: { subject: 'Prova', body } });
    await send(id);
    await dispatchAll();
    const [mail] = await campaignMails();
    expect(mail?.html_body).not.toMatch(/<script|href="javascript/i);
    const issue = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/newsletter/archive/${id}?locale=en`,
    });
    expect(issue.json().html).not.toMatch(/<script|href="javascript/i);
    expect(issue.json()).toMatchObject({ subject: 'Prova', locale: 'it' });
  });
});

describe('archive', () => {
  it('should list sent newsletters in the reader’s language and hide drafts and excluded issues', async () => {
    await confirmed(email());
    const sent = await campaign({ all: true });
    await send(sent);
    await campaign({ all: true });
    const hidden = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/newsletter/campaigns',
      payload: { contents: { it: { subject: 'Interno', body: 'Solo per pochi.' } }, inArchive: false },
    });
    await send(hidden.json().id);
    const list = await t.injectAs(null, { method: 'GET', url: '/api/v1/newsletter/archive?locale=en' });
    expect(list.json().items.map((i: { subject: string }) => i.subject)).toEqual(['News from the network']);
    const draft = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/newsletter/archive/${hidden.json().id}`,
    });
    expect(draft.statusCode).toBe(404);
  });
});

describe('delivery over SMTP', () => {
  it('should deliver a campaign through a real SMTP server with the unsubscribe headers', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const addrs = [email(), email(), email()];
      for (const a of addrs) await confirmed(a);
      await t.db.deleteFrom('mail_outbox').execute();
      await send(await campaign({ all: true }));
      await dispatchAll();
      const transport = smtpTransport(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`);
      while ((await deliverDueMails(t.db, transport, 'Rete <noreply@rete.example>')).sent > 0) {}
      transport.close();
      expect(received).toHaveLength(3);
      for (const message of received) {
        const raw = message.replace(/\r?\n[ \t]+/g, ' ');
        expect(raw).toMatch(
          /^List-Unsubscribe: <https:\/\/rete\.example\/api\/v1\/newsletter\/unsubscribe\?token=/m,
        );
        expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      }
      const id = (await t.db.selectFrom('newsletter_campaigns').select('id').executeTakeFirstOrThrow()).id;
      const p = await t.injectAs(staff, {
        method: 'GET',
        url: `/api/v1/newsletter/campaigns/${id}/progress`,
      });
      expect(p.json()).toMatchObject({ status: 'sent', total: 3, sent: 3, failed: 0, remaining: 0 });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('paging input', () => {
  it('should answer a tampered archive cursor with a 400 on the cursor, not a 500', async () => {
    const forged = Buffer.from('-271821-04-20T00:00:00Z|00000000-0000-4000-8000-000000000000').toString(
      'base64url',
    );
    for (const cursor of [
      forged,
      'not-a-cursor',
      Buffer.from('2026-13-45T99:00:00.000Z|x').toString('base64url'),
    ]) {
      const res = await t.injectAs(null, {
        method: 'GET',
        url: `/api/v1/newsletter/archive?cursor=${cursor}`,
      });
      expect(res.statusCode, cursor).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain('cursor');
    }
  });
});
