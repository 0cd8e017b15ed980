// Newsletter benchmark: a campaign to N recipients (default 10,000) materialised into deliveries, moved into
// the outbox by the dispatcher and delivered by the real outbox worker to a loopback SMTP server; the
// baseline is raw nodemailer sends of the same mail to the same server in the same run. Prints messages per
// second of both and their ratio, and checks every recipient got exactly one message.
//
//   npm run bench:newsletter -- [--recipients 10000] [--db pglite|postgres] [--workers 1]
//   BENCH_DATABASE_URL (postgres; default postgres://postgres@127.0.0.1:5432/trama_bench) is wiped and reused.
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { deliverDueMails, SMTP_CONNECTIONS, smtpTransport } from '../src/server/mail/outbox.js';
import { dispatchNewsletters } from '../src/server/modules/newsletter/newsletter.dispatch.js';
import * as repo from '../src/server/modules/newsletter/newsletter.repository.js';
import { newToken, startSending } from '../src/server/modules/newsletter/newsletter.service.js';
import { ensureReferenceData } from '../src/server/seed/reference.js';

const { values: args } = parseArgs({
  options: {
    recipients: { type: 'string', default: process.env.BENCH_RECIPIENTS ?? '10000' },
    db: { type: 'string', default: process.env.BENCH_DB ?? 'pglite' },
    workers: { type: 'string', default: process.env.BENCH_WORKERS ?? '1' },
  },
});
const N = Number(args.recipients);
const WORKERS = Math.max(1, Number(args.workers));
const databaseUrl =
  args.db === 'postgres'
    ? (process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/trama_bench')
    : undefined;
const FROM = 'Rete Trama <noreply@bench.trama>';
const SUBJECT = 'Notizie dalla rete';
const BODY = `Ciao,\n\nquesto mese la rete ha **tre novità**:\n\n- un nuovo bando\n- due corsi\n- un evento nazionale\n\n[Leggi tutto](https://rete.example/notizie)`;

// --- loopback SMTP server that counts messages per recipient ---------------------------------------------------
const received = new Map<string, number>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  // A reverse DNS lookup per connection would measure the resolver, not the sending.
  disableReverseLookup: true,
  onData(stream, session, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
      cb();
    });
  },
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
const address = (i: number, kind: string) => `${kind}-${i}@bench.example.org`;

// --- baseline: raw nodemailer over the same connection pool the outbox uses, as many sends at once as the
// pool has connections (per worker): the fastest this SMTP server takes mail from Node ------------------------
const transporter = nodemailer.createTransport({
  url: smtpUrl,
  pool: true,
  maxConnections: SMTP_CONNECTIONS,
});
const baselineStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: WORKERS * SMTP_CONNECTIONS }, async () => {
    for (let i = next++; i < N; i = next++) {
      await transporter.sendMail({
        from: FROM,
        to: address(i, 'baseline'),
        subject: SUBJECT,
        text: BODY,
        html: `<p>${BODY}</p>`,
      });
    }
  }),
);
const baselineSec = (performance.now() - baselineStart) / 1000;

// --- the campaign through the real dispatcher and outbox worker --------------------------------------------------
const handle = await openDatabase({ databaseUrl });
const { db } = handle;
if (databaseUrl) {
  await sql`drop schema if exists public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
await migrateToLatest(db);
await ensureReferenceData(db);
const config = loadConfig({
  DEMO: '0',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'https://rete.example',
  NEWSLETTER_RATE_PER_MINUTE: '1000000',
});
for (let i = 0; i < N; i += 1000) {
  await db
    .insertInto('newsletter_subscriptions')
    .values(
      Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({
        email: address(i + k, 'campaign'),
        locale: ['it', 'en', 'ar'][(i + k) % 3] as string,
        status: 'confirmed' as const,
        manage_token: newToken(),
        confirmed_at: new Date(),
      })),
    )
    .execute();
}
const campaignId = await repo.insertCampaign(db, {
  contents: { it: { subject: SUBJECT, body: BODY }, en: { subject: 'News from the network', body: BODY } },
  audience: {
    all: true,
    programmeSlugs: [],
    organisationKinds: [],
    regionCodes: [],
    topics: [],
    eventIds: [],
  },
  inArchive: true,
  createdBy: null as unknown as string,
});

const start = performance.now();
await db.transaction().execute(async (tx) => {
  const c = await repo.lockCampaign(tx, campaignId);
  if (c) await startSending(tx, config, null, c, null, new Date());
});
const materialisedSec = (performance.now() - start) / 1000;
for (;;) {
  const r = await db.transaction().execute((tx) => dispatchNewsletters(tx, config, null));
  if (r.enqueued === 0) break;
}
const dispatchedSec = (performance.now() - start) / 1000;
const transport = smtpTransport(smtpUrl);
await Promise.all(
  Array.from({ length: WORKERS }, async () => {
    for (;;) {
      const r = await deliverDueMails(db, transport, config.mailFrom, { batch: 50 });
      if (r.sent + r.failed === 0) break;
    }
  }),
);
const totalSec = (performance.now() - start) / 1000;
const deliverSec = totalSec - dispatchedSec;

// --- checks and figures ----------------------------------------------------------------------------------------------
let missing = 0;
let duplicated = 0;
for (let i = 0; i < N; i++) {
  const n = received.get(address(i, 'campaign')) ?? 0;
  if (n === 0) missing++;
  if (n > 1) duplicated++;
}
const progress = await db
  .selectFrom('newsletter_deliveries as d')
  .innerJoin('mail_outbox as m', 'm.id', 'd.mail_id')
  .select(sql<string>`count(*)`.as('n'))
  .where('d.campaign_id', '=', campaignId)
  .where('m.status', '=', 'sent')
  .executeTakeFirstOrThrow();

const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} msg/s`;
console.log(
  `Newsletter benchmark: ${N.toLocaleString('en')} recipients, ${handle.kind}, ${WORKERS} worker(s)`,
);
console.log(`  baseline (raw nodemailer)        ${baselineSec.toFixed(1)} s  ${rate(N, baselineSec)}`);
console.log(`  materialise deliveries           ${materialisedSec.toFixed(1)} s`);
console.log(`  dispatch into the outbox         ${(dispatchedSec - materialisedSec).toFixed(1)} s`);
console.log(`  deliver (outbox worker → SMTP)   ${deliverSec.toFixed(1)} s  ${rate(N, deliverSec)}`);
console.log(`  campaign end to end              ${totalSec.toFixed(1)} s  ${rate(N, totalSec)}`);
console.log(`  ratio end to end / baseline      ${(baselineSec / totalSec).toFixed(2)}`);
console.log(`  ratio delivery / baseline        ${(baselineSec / deliverSec).toFixed(2)}`);
console.log(`  delivered: ${progress.n} sent in the outbox; missing ${missing}, duplicated ${duplicated}`);

transporter.close();
transport.close();
await handle.close();
await new Promise<void>((r) => server.close(() => r()));
if (missing > 0 || duplicated > 0 || Number(progress.n) !== N) {
  console.error('FAILED: every recipient must get exactly one message');
  process.exit(1);
}
