import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, unique } from '../../../test/app.js';
import { deliverDueMails, enqueueMail, smtpTransport } from './outbox.js';

type Received = { from: string; to: string[]; subject: string; text: string; raw: string };

/** A real SMTP server on loopback that keeps what it receives. */
class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            ...parseMessage(raw),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

// Just enough MIME for what nodemailer writes: RFC 2047 subjects, quoted-printable or base64 bodies.
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const subject = header('Subject').replace(
    /=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi,
    (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQp(data.replace(/_/g, ' ')),
  );
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQp(body.replace(/=\r\n/g, ''))
        : body;
  return { subject, text: text.replace(/\r\n/g, '\n').trim() };
}

function decodeQp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const FROM = 'Trama <noreply@trama.test>';
const recipient = () => `${unique('mail')}@example.org`;

let ctx: TestContext;
let smtp: TestSmtp;
beforeAll(async () => {
  ctx = await createTestContext();
  smtp = new TestSmtp();
  await smtp.start();
});
afterAll(async () => {
  await smtp.stop();
  await ctx.close();
});

/** Runs the worker until nothing due is left (other test files' mails share the outbox). */
async function deliverAll(url: string): Promise<void> {
  const transport = smtpTransport(url);
  try {
    for (let i = 0; i < 100; i++) {
      const r = await deliverDueMails(ctx.db, transport, FROM);
      if (r.sent + r.failed === 0) return;
    }
    throw new Error('outbox never drained');
  } finally {
    transport.close();
  }
}

const row = (id: string) =>
  ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('mail outbox delivery over SMTP', () => {
  it('should deliver a queued mail with its recipient, subject and body, and mark it sent', async () => {
    const to = recipient();
    const id = await enqueueMail(ctx.db, {
      to,
      subject: 'Benvenuta nella rete – conferma',
      text: 'Ciao Giulia,\nàèìòù: il tuo account è pronto.',
      locale: 'it',
      template: 'test.welcome',
    });
    await deliverAll(`smtp://127.0.0.1:${smtp.port}`);

    const got = smtp.to(to);
    expect(got).toHaveLength(1);
    expect(got[0]!.from).toBe('noreply@trama.test');
    expect(got[0]!.subject).toBe('Benvenuta nella rete – conferma');
    expect(got[0]!.text).toBe('Ciao Giulia,\nàèìòù: il tuo account è pronto.');
    const r = await row(id);
    expect(r.status).toBe('sent');
    expect(r.sent_at).toBeInstanceOf(Date);
    expect(r.attempts).toBe(1);
  });

  it('should deliver Arabic text intact', async () => {
    const to = recipient();
    await enqueueMail(ctx.db, {
      to,
      subject: 'مرحبًا بك في الشبكة',
      text: 'مرحبًا سارة، حسابك جاهز.',
      locale: 'ar',
      template: 'test.welcome',
    });
    await deliverAll(`smtp://127.0.0.1:${smtp.port}`);
    expect(smtp.to(to).map((m) => [m.subject, m.text])).toEqual([
      ['مرحبًا بك في الشبكة', 'مرحبًا سارة، حسابك جاهز.'],
    ]);
  });

  it('should keep mail while the SMTP server is down and deliver it exactly once when it is back', async () => {
    const to = recipient();
    const id = await enqueueMail(ctx.db, {
      to,
      subject: 'Retry me',
      text: 'Sent after an outage.',
      locale: 'en',
      template: 'test.retry',
    });
    const port = smtp.port;
    await smtp.stop();

    const before = Date.now();
    await deliverAll(`smtp://127.0.0.1:${port}`);
    const pending = await row(id);
    expect(pending.status).toBe('pending');
    expect(pending.attempts).toBe(1);
    expect(pending.last_error).toBeTruthy();
    expect(pending.next_attempt_at.getTime()).toBeGreaterThan(before + 20_000);
    expect(pending.sent_at).toBeNull();

    // Not due yet: another worker run leaves it alone.
    await deliverAll(`smtp://127.0.0.1:${port}`);
    expect((await row(id)).attempts).toBe(1);

    // The backoff has passed, and the server is back on the same address.
    await ctx.db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date() })
      .where('id', '=', id)
      .execute();
    await smtp.start(port);
    await deliverAll(`smtp://127.0.0.1:${port}`);
    await deliverAll(`smtp://127.0.0.1:${port}`);

    expect(smtp.to(to)).toHaveLength(1);
    expect(smtp.to(to)[0]!.text).toBe('Sent after an outage.');
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('should never send a mail twice when two workers deliver at the same time', async () => {
    const recipients = Array.from({ length: 12 }, recipient);
    await ctx.db.transaction().execute(async (tx) => {
      for (const to of recipients) {
        await enqueueMail(tx, {
          to,
          subject: `For ${to}`,
          text: 'One copy only.',
          locale: 'en',
          template: 'test.race',
        });
      }
    });
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    const worker = async () => {
      for (let i = 0; i < 100; i++) {
        const r = await deliverDueMails(ctx.db, transport, FROM, { batch: 3 });
        if (r.sent + r.failed === 0) return;
      }
    };
    await Promise.all([worker(), worker()]);
    transport.close();

    for (const to of recipients) expect(smtp.to(to), to).toHaveLength(1);
    const rows = await ctx.db
      .selectFrom('mail_outbox')
      .select(['status', 'attempts'])
      .where('to_address', 'in', recipients)
      .execute();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
