// Kysely queries of the newsletter module. The audience queries read organisations, members, users and
// programme participation directly: an audience of thousands is one query per group, never a call per
// person, and those tables are only read here.
import { type Selectable, sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database.js';
import type {
  CampaignStatus,
  NewsletterCampaignsTable,
  NewsletterSubscriptionsTable,
  SubscriptionStatus,
} from './newsletter.table.js';

export type SubscriptionRow = Selectable<NewsletterSubscriptionsTable>;
export type CampaignRow = Selectable<NewsletterCampaignsTable>;
export type Contact = { email: string; name: string | null; locale: string };

// --- subscriptions --------------------------------------------------------------------------------------------

export function findSubscriptionByEmail(db: DbOrTx, email: string) {
  return db
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

export function lockSubscriptionByEmail(tx: Tx, email: string) {
  return tx
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('email', '=', email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

export function findSubscriptionByConfirmHash(db: DbOrTx, hash: string) {
  return db
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst();
}

export function findSubscriptionByManageToken(db: DbOrTx, token: string) {
  return db
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('manage_token', '=', token)
    .executeTakeFirst();
}

export type SubscriptionValues = {
  email: string;
  name: string | null;
  locale: string;
  programmeIds: string[];
  topics: string[];
  status: SubscriptionStatus;
  userId?: string | null;
  confirmTokenHash: string | null;
  confirmExpiresAt: Date | null;
  manageToken: string;
  confirmedAt?: Date | null;
  unsubscribedAt?: Date | null;
};

export async function insertSubscription(db: DbOrTx, v: SubscriptionValues): Promise<void> {
  await db
    .insertInto('newsletter_subscriptions')
    .values({
      email: v.email.toLowerCase(),
      name: v.name,
      locale: v.locale,
      programme_ids: v.programmeIds,
      topics: v.topics,
      status: v.status,
      user_id: v.userId ?? null,
      confirm_token_hash: v.confirmTokenHash,
      confirm_expires_at: v.confirmExpiresAt,
      manage_token: v.manageToken,
      confirmed_at: v.confirmedAt ?? null,
      unsubscribed_at: v.unsubscribedAt ?? null,
    })
    .execute();
}

export async function updateSubscription(
  db: DbOrTx,
  id: string,
  v: Partial<{
    name: string | null;
    locale: string;
    programmeIds: string[];
    topics: string[];
    status: SubscriptionStatus;
    userId: string | null;
    confirmTokenHash: string | null;
    confirmExpiresAt: Date | null;
    confirmedAt: Date | null;
    unsubscribedAt: Date | null;
  }>,
): Promise<void> {
  await db
    .updateTable('newsletter_subscriptions')
    .set({
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.locale !== undefined ? { locale: v.locale } : {}),
      ...(v.programmeIds !== undefined ? { programme_ids: v.programmeIds } : {}),
      ...(v.topics !== undefined ? { topics: v.topics } : {}),
      ...(v.status !== undefined ? { status: v.status } : {}),
      ...(v.userId !== undefined ? { user_id: v.userId } : {}),
      ...(v.confirmTokenHash !== undefined ? { confirm_token_hash: v.confirmTokenHash } : {}),
      ...(v.confirmExpiresAt !== undefined ? { confirm_expires_at: v.confirmExpiresAt } : {}),
      ...(v.confirmedAt !== undefined ? { confirmed_at: v.confirmedAt } : {}),
      ...(v.unsubscribedAt !== undefined ? { unsubscribed_at: v.unsubscribedAt } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Never-confirmed requests whose link expired: nothing personal is kept about people who did not opt in. */
export async function deleteExpiredPending(db: DbOrTx, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('newsletter_subscriptions')
    .where('status', '=', 'pending')
    .where('confirm_expires_at', '<', now)
    .returning('id')
    .execute();
  return r.length;
}

export function findDeliveryByToken(db: DbOrTx, token: string) {
  return db
    .selectFrom('newsletter_deliveries')
    .select(['email', 'name', 'locale'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

// --- audiences ------------------------------------------------------------------------------------------------

const notUnsubscribed = (emailSql: ReturnType<typeof sql>) =>
  sql<boolean>`not exists (select 1 from newsletter_subscriptions u where u.email = lower(${emailSql}) and u.status = 'unsubscribed')`;

/** Confirmed subscribers: all of them, or those interested in one of the programmes or topics. */
export async function confirmedSubscribers(
  db: DbOrTx,
  filter: { all: true } | { programmeIds: string[]; topics: string[] },
): Promise<Contact[]> {
  if (!('all' in filter) && filter.programmeIds.length === 0 && filter.topics.length === 0) return [];
  return db
    .selectFrom('newsletter_subscriptions')
    .select(['email', 'name', 'locale'])
    .where('status', '=', 'confirmed')
    .$if(!('all' in filter), (qb) => {
      const f = filter as { programmeIds: string[]; topics: string[] };
      return qb.where((eb) =>
        eb.or([
          ...(f.programmeIds.length
            ? [eb(sql`programme_ids`, '&&', sql`${sql.val(f.programmeIds)}::uuid[]`)]
            : []),
          ...(f.topics.length ? [eb(sql`topics`, '&&', sql`${sql.val(f.topics)}::text[]`)] : []),
        ]),
      );
    })
    .orderBy('email')
    .execute();
}

/**
 * People (active accounts) of member organisations matching every criterion given. A person's own
 * newsletter language wins over the account's interface language.
 */
export async function peopleOfOrganisations(
  db: DbOrTx,
  filter: { programmeIds: string[]; kinds: string[]; regionCodes: string[] },
): Promise<Contact[]> {
  if (!filter.programmeIds.length && !filter.kinds.length && !filter.regionCodes.length) return [];
  return db
    .selectFrom('organisation_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('newsletter_subscriptions as s', (j) =>
      j.on(sql`s.email`, '=', sql`lower(u.email)`).on('s.status', '=', 'confirmed'),
    )
    .select([
      sql<string>`lower(u.email)`.as('email'),
      'u.name as name',
      sql<string>`coalesce(s.locale, u.locale)`.as('locale'),
    ])
    .distinctOn(sql`lower(u.email)`)
    .where('o.status', '=', 'member')
    .where('u.disabled_at', 'is', null)
    .$if(filter.kinds.length > 0, (qb) => qb.where('o.kind', 'in', filter.kinds))
    .$if(filter.regionCodes.length > 0, (qb) => qb.where('o.region_code', 'in', filter.regionCodes))
    .$if(filter.programmeIds.length > 0, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('programme_organisations as po')
            .select(sql`1`.as('one'))
            .whereRef('po.organisation_id', '=', 'o.id')
            .where('po.programme_id', 'in', filter.programmeIds),
        ),
      ),
    )
    .where(notUnsubscribed(sql`u.email`))
    .orderBy(sql`lower(u.email)`)
    .execute();
}

/** Of these addresses, those that asked not to receive the newsletter. */
export async function unsubscribedAmong(db: DbOrTx, emails: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < emails.length; i += 1000) {
    const chunk = emails.slice(i, i + 1000);
    const rows = await db
      .selectFrom('newsletter_subscriptions')
      .select('email')
      .where('status', '=', 'unsubscribed')
      .where('email', 'in', chunk)
      .execute();
    for (const r of rows) out.add(r.email);
  }
  return out;
}

/** Newsletter languages of confirmed subscribers among these addresses (for contacts from other modules). */
export async function subscriberLocales(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < emails.length; i += 1000) {
    const rows = await db
      .selectFrom('newsletter_subscriptions')
      .select(['email', 'locale'])
      .where('status', '=', 'confirmed')
      .where('email', 'in', emails.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.email, r.locale);
  }
  return out;
}

// --- campaigns ------------------------------------------------------------------------------------------------

export type CampaignWithAuthor = CampaignRow & { created_by_name: string | null };

export function findCampaign(db: DbOrTx, id: string): Promise<CampaignWithAuthor | undefined> {
  return db
    .selectFrom('newsletter_campaigns as c')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .selectAll('c')
    .select('u.name as created_by_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export function lockCampaign(tx: Tx, id: string) {
  return tx
    .selectFrom('newsletter_campaigns')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCampaign(
  db: DbOrTx,
  v: { contents: unknown; audience: unknown; inArchive: boolean; createdBy: string },
): Promise<string> {
  const row = await db
    .insertInto('newsletter_campaigns')
    .values({
      contents: JSON.stringify(v.contents),
      audience: JSON.stringify(v.audience),
      in_archive: v.inArchive,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCampaign(
  db: DbOrTx,
  id: string,
  v: Partial<{
    contents: unknown;
    audience: unknown;
    inArchive: boolean;
    status: CampaignStatus;
    scheduledAt: Date | null;
    startedAt: Date | null;
    finishedAt: Date | null;
    recipientCount: number | null;
  }>,
): Promise<void> {
  await db
    .updateTable('newsletter_campaigns')
    .set({
      ...(v.contents !== undefined ? { contents: JSON.stringify(v.contents) } : {}),
      ...(v.audience !== undefined ? { audience: JSON.stringify(v.audience) } : {}),
      ...(v.inArchive !== undefined ? { in_archive: v.inArchive } : {}),
      ...(v.status !== undefined ? { status: v.status } : {}),
      ...(v.scheduledAt !== undefined ? { scheduled_at: v.scheduledAt } : {}),
      ...(v.startedAt !== undefined ? { started_at: v.startedAt } : {}),
      ...(v.finishedAt !== undefined ? { finished_at: v.finishedAt } : {}),
      ...(v.recipientCount !== undefined ? { recipient_count: v.recipientCount } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteCampaign(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('newsletter_campaigns').where('id', '=', id).execute();
}

export function listCampaigns(db: DbOrTx, after: { createdAt: Date; id: string } | null, limit: number) {
  return db
    .selectFrom('newsletter_campaigns')
    .selectAll()
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('created_at', '<', (after as { createdAt: Date }).createdAt),
          eb.and([
            eb('created_at', '=', (after as { createdAt: Date }).createdAt),
            eb('id', '<', (after as { id: string }).id),
          ]),
        ]),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function dueScheduledCampaigns(tx: Tx, now: Date) {
  return tx
    .selectFrom('newsletter_campaigns')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at')
    .limit(10)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function campaignsByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('newsletter_campaigns').selectAll().where('id', 'in', ids).execute();
}

export function listArchive(db: DbOrTx, after: { startedAt: Date; id: string } | null, limit: number) {
  return db
    .selectFrom('newsletter_campaigns')
    .select(['id', 'contents', 'started_at'])
    .where('status', 'in', ['sending', 'sent'])
    .where('in_archive', '=', true)
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('started_at', '<', (after as { startedAt: Date }).startedAt),
          eb.and([
            eb('started_at', '=', (after as { startedAt: Date }).startedAt),
            eb('id', '<', (after as { id: string }).id),
          ]),
        ]),
      ),
    )
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function findArchived(db: DbOrTx, id: string) {
  return db
    .selectFrom('newsletter_campaigns')
    .select(['id', 'contents', 'started_at'])
    .where('id', '=', id)
    .where('status', 'in', ['sending', 'sent'])
    .where('in_archive', '=', true)
    .executeTakeFirst();
}

// --- deliveries -----------------------------------------------------------------------------------------------

export async function insertDeliveries(
  tx: Tx,
  campaignId: string,
  rows: Array<Contact & { token: string }>,
): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const r = await tx
      .insertInto('newsletter_deliveries')
      .values(
        chunk.map((c) => ({
          campaign_id: campaignId,
          email: c.email,
          name: c.name,
          locale: c.locale,
          unsubscribe_token: c.token,
        })),
      )
      .onConflict((oc) => oc.columns(['campaign_id', 'email']).doNothing())
      .returning('id')
      .execute();
    n += r.length;
  }
  return n;
}

/** Deliveries enqueued since `since`, across campaigns: what the rate limit counts. */
export async function countEnqueuedSince(db: DbOrTx, since: Date): Promise<number> {
  const r = await db
    .selectFrom('newsletter_deliveries')
    .select(sql<string>`count(*)`.as('n'))
    .where('enqueued_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next queued deliveries of campaigns that are sending, locked so two dispatchers never share one. */
export function claimQueued(tx: Tx, limit: number) {
  return tx
    .selectFrom('newsletter_deliveries as d')
    .select(['d.id', 'd.campaign_id', 'd.email', 'd.name', 'd.locale', 'd.unsubscribe_token'])
    .where('d.status', '=', 'queued')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('newsletter_campaigns as c')
          .select(sql`1`.as('one'))
          .whereRef('c.id', '=', 'd.campaign_id')
          .where('c.status', '=', 'sending'),
      ),
    )
    .orderBy('d.created_at')
    .orderBy('d.id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markEnqueued(tx: Tx, id: string, mailId: string, now: Date): Promise<void> {
  await tx
    .updateTable('newsletter_deliveries')
    .set({ status: 'enqueued', mail_id: mailId, enqueued_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markSkipped(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .updateTable('newsletter_deliveries')
    .set({ status: 'skipped', updated_at: new Date() })
    .where('id', 'in', ids)
    .execute();
}

export async function skipQueuedOfCampaign(tx: Tx, campaignId: string): Promise<number> {
  const r = await tx
    .updateTable('newsletter_deliveries')
    .set({ status: 'skipped', updated_at: new Date() })
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'queued')
    .returning('id')
    .execute();
  return r.length;
}

/** Sending campaigns with nothing left queued. */
export function sendingCampaignsWithoutQueued(tx: Tx) {
  return tx
    .selectFrom('newsletter_campaigns as c')
    .select(['c.id'])
    .where('c.status', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('newsletter_deliveries as d')
            .select(sql`1`.as('one'))
            .whereRef('d.campaign_id', '=', 'c.id')
            .where('d.status', '=', 'queued'),
        ),
      ),
    )
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Delivery counts by delivery status and outbox status (the outbox knows what was really sent). */
export async function progressCounts(db: DbOrTx, campaignId: string) {
  const rows = await db
    .selectFrom('newsletter_deliveries as d')
    .leftJoin('mail_outbox as m', 'm.id', 'd.mail_id')
    .select(['d.status as delivery', 'm.status as mail', sql<string>`count(*)`.as('n')])
    .where('d.campaign_id', '=', campaignId)
    .groupBy(['d.status', 'm.status'])
    .execute();
  return rows.map((r) => ({ delivery: r.delivery, mail: r.mail, n: Number(r.n) }));
}

const deliveryStatusSql = sql<string>`case when d.status = 'queued' then 'queued' when d.status = 'skipped' then 'skipped' when m.status = 'sent' then 'sent' when m.status = 'failed' then 'failed' else 'sending' end`;

export function listDeliveries(
  db: DbOrTx,
  campaignId: string,
  opts: { status?: string; afterEmail?: string; limit: number },
) {
  return db
    .selectFrom('newsletter_deliveries as d')
    .leftJoin('mail_outbox as m', 'm.id', 'd.mail_id')
    .select([
      'd.email',
      'd.locale',
      deliveryStatusSql.as('status'),
      sql<number>`coalesce(m.attempts, 0)`.as('attempts'),
      'm.last_error',
      'm.sent_at',
    ])
    .where('d.campaign_id', '=', campaignId)
    .$if(opts.afterEmail !== undefined, (qb) => qb.where('d.email', '>', opts.afterEmail as string))
    .$if(opts.status !== undefined, (qb) => {
      const s = opts.status as string;
      if (s === 'queued' || s === 'skipped') return qb.where('d.status', '=', s);
      if (s === 'sending') return qb.where('d.status', '=', 'enqueued').where('m.status', '=', 'pending');
      return qb.where('d.status', '=', 'enqueued').where('m.status', '=', s as 'sent' | 'failed');
    })
    .orderBy('d.email')
    .limit(opts.limit)
    .execute();
}

/** Deliveries whose mail the outbox gave up on, locked for a retry. */
export function lockFailedDeliveries(tx: Tx, campaignId: string) {
  return tx
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('mail_outbox as m', 'm.id', 'd.mail_id')
    .select(['d.id', 'd.campaign_id', 'd.email', 'd.name', 'd.locale', 'd.unsubscribe_token'])
    .where('d.campaign_id', '=', campaignId)
    .where('m.status', '=', 'failed')
    .forUpdate(['d'])
    .execute();
}
