// Notifications by email. `notify` stores each notification's mode (off / immediate / daily) and, for
// immediate ones, enqueues a job per person a couple of minutes later; that job, and the daily digest at
// 07:00 Europe/Rome, claim the person's unread, not yet mailed notifications and enqueue ONE mail in the same
// transaction that marks them mailed, so nothing is mailed twice whatever the number of processes.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/database.js';
import { enqueueJob } from '../../jobs/jobs.js';
import { enqueueMails, type OutgoingMail } from '../../mail/outbox.js';
import { type MailItem, renderNotificationMail } from './notifications.mails.js';
import * as repo from './notifications.repository.js';
import type { EmailMode } from './notifications.table.js';

export const DEFAULT_EMAIL_MODE: EmailMode = 'daily';
/** How long an immediate mail waits for more notifications, so a burst of replies makes one mail. */
export const IMMEDIATE_DELAY_MS = 2 * 60 * 1000;
export const NOTIFICATIONS_IMMEDIATE = 'notifications.immediate';
export const NOTIFICATIONS_DIGEST = 'notifications.digest';
export const NOTIFICATIONS_DIGEST_PLAN = 'notifications.digest_plan';
export const NOTIFICATIONS_IMMEDIATE_SWEEP = 'notifications.immediate_sweep';
/** The digest goes out at this hour of the network's time zone. */
export const DIGEST_HOUR = 7;
export const DIGEST_TIME_ZONE = 'Europe/Rome';
/** People per digest job; a longer list continues in a follow-up job. */
export const DIGEST_BATCH = 200;
/** Notifications listed in one mail; the rest are counted ("…and 12 more"). */
export const MAX_ITEMS_PER_MAIL = 50;

/**
 * The mode a notification is mailed with: the caller's choice for this notification if any (e.g. how the
 * person watches a forum thread), else the person's setting; a person who chose `off` never gets mail.
 */
export function resolveEmailMode(setting: EmailMode | null, override: EmailMode | undefined): EmailMode {
  const global = setting ?? DEFAULT_EMAIL_MODE;
  if (global === 'off') return 'off';
  return override ?? global;
}

/** In the transaction of `notify`: one job per person, de-duplicated per period of IMMEDIATE_DELAY_MS. */
export async function scheduleImmediate(tx: DbOrTx, userIds: readonly string[], now = Date.now()) {
  const slot = Math.floor(now / IMMEDIATE_DELAY_MS);
  // Sorted: two transactions notifying the same people take the job keys' locks in the same order.
  for (const userId of [...new Set(userIds)].sort()) {
    await enqueueJob(tx, {
      kind: NOTIFICATIONS_IMMEDIATE,
      key: `${NOTIFICATIONS_IMMEDIATE}:${userId}@${slot}`,
      runAt: new Date(now + IMMEDIATE_DELAY_MS),
      payload: { userId },
    });
  }
}

// --- unsubscribe tokens --------------------------------------------------------------------------------------

export const newUnsubscribeKey = (): string => randomBytes(32).toString('base64url');

const mac = (key: string, userId: string) =>
  createHmac('sha256', key).update(`notifications.unsubscribe:${userId}`).digest('base64url');

/** `<user id without dashes>.<HMAC-SHA256 of the user id under the person's own key>`. */
export function unsubscribeToken(userId: string, key: string): string {
  return `${userId.replaceAll('-', '')}.${mac(key, userId)}`;
}

/** The user id a token claims to be for, or null when it is not even shaped like a token. */
export function tokenUserId(token: string): string | null {
  const m = /^([0-9a-f]{32})\.[A-Za-z0-9_-]{43}$/.exec(token);
  if (!m?.[1]) return null;
  const h = m[1];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function tokenMatches(token: string, userId: string, key: string): boolean {
  const want = Buffer.from(unsubscribeToken(userId, key));
  const got = Buffer.from(token);
  return want.length === got.length && timingSafeEqual(want, got);
}

// --- sending -------------------------------------------------------------------------------------------------

function absolute(config: Config, link: string | null): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return `${config.publicUrl}${link}`;
  return /^https?:\/\//i.test(link) ? link : null;
}

/**
 * Mails these people their notifications of `mode` still unread and not yet mailed: one mail each, enqueued
 * in the transaction that marks them mailed. People who turned mail off since (or whose account is disabled
 * or unverified) get nothing, and their waiting notifications leave the queue. Returns the mails enqueued.
 */
export async function sendPendingMail(
  tx: DbOrTx,
  config: Config,
  mode: 'immediate' | 'daily',
  userIds: readonly string[],
): Promise<number> {
  if (userIds.length === 0) return 0;
  const people = await repo.mailRecipients(tx, userIds);
  const eligible = people.filter(
    (p) => !p.disabled_at && p.email_verified_at && (p.email_mode ?? DEFAULT_EMAIL_MODE) !== 'off',
  );
  const eligibleIds = new Set(eligible.map((p) => p.id));
  await repo.cancelPendingMail(
    tx,
    userIds.filter((id) => !eligibleIds.has(id)),
  );
  const rows = await repo.claimPendingMail(tx, mode, [...eligibleIds]);
  if (rows.length === 0) return 0;

  const byUser = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byUser.get(r.user_id);
    if (list) list.push(r);
    else byUser.set(r.user_id, [r]);
  }
  const newKeys = await repo.ensureSettingsRows(
    tx,
    eligible
      .filter((p) => !p.unsubscribe_key && byUser.has(p.id))
      .map((p) => ({ userId: p.id, unsubscribeKey: newUnsubscribeKey() })),
  );
  const mails: OutgoingMail[] = [];
  for (const p of eligible) {
    const mine = byUser.get(p.id);
    if (!mine) continue;
    // Newest first, as in the app.
    mine.sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.id < b.id ? 1 : -1));
    const key = p.unsubscribe_key ?? (newKeys.get(p.id) as string);
    const token = encodeURIComponent(unsubscribeToken(p.id, key));
    const items: MailItem[] = mine.slice(0, MAX_ITEMS_PER_MAIL).map((r) => ({
      title: r.title,
      body: r.body,
      url: absolute(config, r.link),
      createdAt: r.created_at,
    }));
    const m = renderNotificationMail({
      locale: p.locale,
      mode,
      name: p.name,
      networkName: config.networkName,
      items,
      more: mine.length - items.length,
      settingsUrl: `${config.publicUrl}/notifications#email-settings`,
      unsubscribeUrl: `${config.publicUrl}/notifications/unsubscribe?token=${token}`,
    });
    mails.push({
      to: p.email,
      subject: m.subject,
      text: m.text,
      html: m.html,
      locale: m.locale,
      template: mode === 'daily' ? 'notifications.digest' : 'notifications.immediate',
      headers: {
        'List-Unsubscribe': `<${config.publicUrl}/api/v1/notifications/unsubscribe?token=${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }
  await enqueueMails(tx, mails);
  return mails.length;
}

/** The job enqueued by `notify` for one person in immediate mode. */
export async function sendImmediate(tx: DbOrTx, config: Config, userId: string): Promise<number> {
  return sendPendingMail(tx, config, 'immediate', [userId]);
}

/**
 * Safety net, run every few minutes: immediate notifications still waiting long after their job should have
 * sent them (a transaction that committed just after its person's job ran, a job that gave up) are sent now.
 */
export async function sweepImmediate(tx: DbOrTx, config: Config, now = new Date()): Promise<number> {
  const users = await repo.usersWithPendingMail(
    tx,
    'immediate',
    DIGEST_BATCH,
    new Date(now.getTime() - 3 * IMMEDIATE_DELAY_MS),
  );
  return sendPendingMail(tx, config, 'immediate', users);
}

/**
 * One batch of the daily digest: up to DIGEST_BATCH people with daily notifications waiting. A full batch
 * enqueues the next part, so a large network is mailed in many short transactions.
 */
export async function sendDailyDigests(
  tx: DbOrTx,
  config: Config,
  job: { day: string; part: number },
): Promise<number> {
  const users = await repo.usersWithPendingMail(tx, 'daily', DIGEST_BATCH);
  const sent = await sendPendingMail(tx, config, 'daily', users);
  if (users.length === DIGEST_BATCH) {
    await enqueueJob(tx, {
      kind: NOTIFICATIONS_DIGEST,
      key: `${NOTIFICATIONS_DIGEST}@${job.day}#${job.part + 1}`,
      payload: { day: job.day, part: job.part + 1 },
    });
  }
  return sent;
}

// --- when the digest goes out --------------------------------------------------------------------------------

/** The calendar day (YYYY-MM-DD) of an instant in the digest's time zone. */
export function localDay(at: Date, timeZone = DIGEST_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of `hour`:00 on a calendar day in a time zone (daylight saving time included). */
export function wallClockInstant(day: string, hour: number, timeZone = DIGEST_TIME_ZONE): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  const first = wall - offsetMs(new Date(wall), timeZone);
  return new Date(wall - offsetMs(new Date(first), timeZone));
}

/** The next digest after `now`: today's at 07:00 if that is still to come, else tomorrow's. */
export function nextDigest(now: Date): { day: string; at: Date } {
  const today = localDay(now);
  const at = wallClockInstant(today, DIGEST_HOUR);
  if (now.getTime() < at.getTime()) return { day: today, at };
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return { day: tomorrow, at: wallClockInstant(tomorrow, DIGEST_HOUR) };
}

/**
 * Run hourly: makes sure the next digest is queued, once (its key is the day), to run at 07:00. A digest
 * missed while no process was running goes out as soon as one is.
 */
export async function planNextDigest(tx: DbOrTx, now = new Date()): Promise<void> {
  const next = nextDigest(now);
  await enqueueJob(tx, {
    kind: NOTIFICATIONS_DIGEST,
    key: `${NOTIFICATIONS_DIGEST}@${next.day}`,
    runAt: next.at,
    payload: { day: next.day, part: 1 },
  });
}
