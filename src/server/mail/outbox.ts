// The durable outbox: every mail is a row first; the worker delivers it, retrying with backoff.
import nodemailer from 'nodemailer';
import type { Db, DbOrTx } from '../db/database.js';
import * as repo from './outbox.repository.js';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  headers?: Record<string, string> | undefined;
  locale: string;
  /** A stable name for what kind of mail this is, e.g. 'auth.reset_password'. */
  template: string;
};

/** Queue a mail. Pass the transaction that writes the change the mail is about, so both land or neither. */
export async function enqueueMail(db: DbOrTx, mail: OutgoingMail): Promise<string> {
  return repo.insertMail(db, {
    to_address: mail.to,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html ?? null,
    headers: mail.headers ?? {},
    locale: mail.locale,
    template: mail.template,
  });
}

/** Queue many mails in a few statements (a whole waitlist promoted, a batch of reminders). */
export async function enqueueMails(db: DbOrTx, mails: readonly OutgoingMail[]): Promise<void> {
  await repo.insertMails(
    db,
    mails.map((mail) => ({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: mail.headers ?? {},
      locale: mail.locale,
      template: mail.template,
    })),
  );
}

export type MailTransport = {
  send(mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers: Record<string, string>;
  }): Promise<void>;
  /** Closes open connections (the SMTP transport keeps a pool). */
  close(): void;
};

/** How many SMTP connections the worker keeps open and sends over at once. */
export const SMTP_CONNECTIONS = 4;

export function smtpTransport(smtpUrl: string): MailTransport {
  // Pooled: opening an SMTP connection (greeting, EHLO, and TLS on a real server) cost ≈110 ms even on
  // loopback, twenty times the cost of one message on an open connection; a newsletter sends thousands.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
  });
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close() {
      transporter.close();
    },
  };
}

export const MAX_ATTEMPTS = 12;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

/** Delivers due mails once; returns how many were sent. */
export async function deliverDueMails(
  db: Db,
  transport: MailTransport,
  from: string,
  opts: { batch?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const mails = await repo.claimDueMails(db, opts.batch ?? 20, 60_000);
  let sent = 0;
  let failed = 0;
  const deliver = async (m: (typeof mails)[number]) => {
    try {
      await transport.send({
        from,
        to: m.to_address,
        subject: m.subject,
        text: m.text_body,
        ...(m.html_body ? { html: m.html_body } : {}),
        headers: m.headers,
      });
      await repo.markSent(db, m.id);
      sent++;
    } catch (err) {
      failed++;
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      await repo.markRetry(
        db,
        m.id,
        String((err as Error).message ?? err),
        new Date(Date.now() + backoffMs(m.attempts)),
        giveUp,
      );
    }
  };
  // As many at once as the transport keeps connections; each mail is claimed, so order does not matter.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(SMTP_CONNECTIONS, mails.length) }, async () => {
      while (next < mails.length) {
        const m = mails[next++];
        if (m) await deliver(m);
      }
    }),
  );
  return { sent, failed };
}

/** Polls the outbox until stopped. Without SMTP there is no worker: mail stays readable in the app. */
export function startMailWorker(
  db: Db,
  transport: MailTransport,
  from: string,
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    try {
      let r: { sent: number; failed: number };
      do {
        r = await deliverDueMails(db, transport, from);
      } while (!stopped && r.sent + r.failed > 0 && r.failed === 0);
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, opts.intervalMs ?? 2000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
