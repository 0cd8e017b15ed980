// Moves a sending campaign's deliveries into the mail outbox at the configured rate. Each mail is enqueued
// and its delivery marked in the same transaction (the job's), so a crash at any point either keeps both or
// neither: a resumed campaign never sends anyone the same issue twice.
import type { CampaignContents, NewsletterLocale } from '../../../shared/newsletter.js';
import type { Config } from '../../config.js';
import type { DbOrTx, Tx } from '../../db/database.js';
import { enqueueMail } from '../../mail/outbox.js';
import { recordAudit } from '../audit/audit.service.js';
import { footerTexts, type NlLocale } from './newsletter.mails.js';
import { renderMail } from './newsletter.render.js';
import * as repo from './newsletter.repository.js';
import type { EventContactsFn } from './newsletter.service.js';
import { startSending } from './newsletter.service.js';

export type Recipient = { email: string; name: string | null; locale: NlLocale };

const LOCALES: readonly NlLocale[] = ['it', 'en', 'ar'];

export function unsubscribeApiUrl(config: Config, token: string): string {
  return `${config.publicUrl}/api/v1/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;
}

/**
 * The mail of one recipient: their language if the campaign has it, else the default. The visible link
 * opens the unsubscribe page; the List-Unsubscribe headers let mail clients unsubscribe in one click
 * (RFC 8058), by a POST to the API with the same token.
 */
export function renderCampaignMail(
  config: Config,
  contents: CampaignContents,
  to: { locale: string; token: string },
  defaultLocale: NlLocale,
  opts: { test?: boolean } = {},
) {
  const wanted = (LOCALES as readonly string[]).includes(to.locale) ? (to.locale as NlLocale) : defaultLocale;
  const locale: NlLocale = contents[wanted]?.subject
    ? wanted
    : contents[defaultLocale]?.subject
      ? defaultLocale
      : (LOCALES.find((l) => contents[l]?.subject) ?? defaultLocale);
  const c = contents[locale] ?? { subject: '', body: '' };
  const f = footerTexts[locale];
  const token = encodeURIComponent(to.token);
  const m = renderMail(opts.test ? `${f.test} ${c.subject}` : c.subject, c.body, {
    networkName: config.networkName,
    locale,
    unsubscribeUrl: `${config.publicUrl}/newsletter/unsubscribe?token=${token}`,
    archiveUrl: `${config.publicUrl}/newsletter/archive`,
    footer: f.footer(config.networkName),
    unsubscribeLabel: f.unsubscribe,
    archiveLabel: f.archive,
  });
  return {
    ...m,
    locale: locale as NewsletterLocale,
    headers: {
      'List-Unsubscribe': `<${unsubscribeApiUrl(config, to.token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

export type DispatchOptions = {
  now?: Date;
  /** Test hook: called after each mail is enqueued, inside the transaction (throwing simulates a crash). */
  afterEach?: (index: number) => void;
};

/**
 * One dispatcher run, inside the given transaction: starts due scheduled campaigns, then enqueues as many
 * queued deliveries as the rate allows (NEWSLETTER_RATE_PER_MINUTE over any sliding minute, counted from
 * the deliveries themselves, so it holds across runs and processes), then closes campaigns with nothing
 * left queued. Returns how many mails it enqueued.
 */
export async function dispatchNewsletters(
  tx: Tx,
  config: Config,
  eventContacts: EventContactsFn | null,
  opts: DispatchOptions = {},
): Promise<{ enqueued: number; skipped: number; started: number }> {
  const now = opts.now ?? new Date();
  let started = 0;
  for (const { id } of await repo.dueScheduledCampaigns(tx, now)) {
    const c = await repo.lockCampaign(tx, id);
    if (c?.status !== 'scheduled') continue;
    await startSending(tx, config, eventContacts, c, null, now);
    started++;
  }

  const budget =
    config.newsletterRatePerMinute - (await repo.countEnqueuedSince(tx, new Date(now.getTime() - 60_000)));
  let enqueued = 0;
  let skipped = 0;
  if (budget > 0) {
    const rows = await repo.claimQueued(tx, budget);
    const campaigns = new Map(
      (await repo.campaignsByIds(tx, [...new Set(rows.map((r) => r.campaign_id))])).map((c) => [c.id, c]),
    );
    // Someone may have unsubscribed between "send" and their turn.
    const out = await repo.unsubscribedAmong(
      tx,
      rows.map((r) => r.email),
    );
    const skip = rows.filter((r) => out.has(r.email));
    await repo.markSkipped(
      tx,
      skip.map((r) => r.id),
    );
    skipped = skip.length;
    for (const r of rows) {
      if (out.has(r.email)) continue;
      const c = campaigns.get(r.campaign_id);
      if (!c) continue;
      await enqueueOne(tx, config, c.contents as CampaignContents, r, now);
      opts.afterEach?.(enqueued);
      enqueued++;
    }
  }

  for (const { id } of await repo.sendingCampaignsWithoutQueued(tx)) {
    await repo.updateCampaign(tx, id, { status: 'sent', finishedAt: now });
    await recordAudit(tx, {
      entityType: 'newsletter_campaign',
      entityId: id,
      action: 'newsletter.campaign.sent',
      fromStatus: 'sending',
      toStatus: 'sent',
    });
  }
  return { enqueued, skipped, started };
}

async function enqueueOne(
  tx: Tx,
  config: Config,
  contents: CampaignContents,
  r: { id: string; email: string; locale: string; unsubscribe_token: string },
  now: Date,
): Promise<void> {
  const m = renderCampaignMail(
    config,
    contents,
    { locale: r.locale, token: r.unsubscribe_token },
    config.defaultLanguage,
  );
  const mailId = await enqueueMail(tx, {
    to: r.email,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: m.headers,
    locale: m.locale,
    template: 'newsletter.campaign',
  });
  await repo.markEnqueued(tx, r.id, mailId, now);
}

/** Gives every delivery whose mail the outbox gave up on a fresh mail; the failed one is never retried. */
export async function retryFailed(tx: Tx, config: Config, campaignId: string): Promise<number> {
  const rows = await repo.lockFailedDeliveries(tx, campaignId);
  if (rows.length === 0) return 0;
  const [c] = await repo.campaignsByIds(tx, [campaignId]);
  if (!c) return 0;
  const now = new Date();
  for (const r of rows) await enqueueOne(tx, config, c.contents as CampaignContents, r, now);
  return rows.length;
}

export async function progress(db: DbOrTx, campaignId: string) {
  const counts = await repo.progressCounts(db, campaignId);
  let sent = 0;
  let failed = 0;
  let remaining = 0;
  let skipped = 0;
  for (const r of counts) {
    if (r.delivery === 'queued') remaining += r.n;
    else if (r.delivery === 'skipped') skipped += r.n;
    else if (r.mail === 'sent') sent += r.n;
    else if (r.mail === 'failed') failed += r.n;
    else remaining += r.n;
  }
  return { total: sent + failed + remaining + skipped, sent, failed, remaining, skipped };
}
