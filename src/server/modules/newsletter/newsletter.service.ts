// Newsletter: double opt-in subscriptions, staff campaigns, audiences and the public archive.
// Sending lives in newsletter.dispatch.ts.
import { createHash, randomBytes } from 'node:crypto';
import type {
  ArchiveIssue,
  ArchiveList,
  Audience,
  AudienceCountResponse,
  CampaignContent,
  CampaignContents,
  CampaignDetail,
  CampaignList,
  CampaignSummary,
  CreateCampaignBody,
  DeliveryList,
  DeliveryStatus,
  MySubscription,
  NewsletterLocale,
  NewsletterOptions,
  PreviewResponse,
  SubscribeBody,
  TokenSubscriptionResponse,
  UpdateCampaignBody,
  UpdateMySubscriptionBody,
} from '../../../shared/newsletter.js';
import {
  AudienceSchema,
  CreateCampaignBody as CreateSchema,
  SubscribeBody as SubscribeSchema,
  UpdateCampaignBody as UpdateSchema,
} from '../../../shared/newsletter.js';
import type { Config } from '../../config.js';
import type { Db, DbOrTx, Tx } from '../../db/database.js';
import { AppError, fieldError } from '../../errors.js';
import { enqueueJob } from '../../jobs/jobs.js';
import { enqueueMail } from '../../mail/outbox.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Actor, isStaff } from '../auth/actor.js';
import { takeAttempt } from '../auth/rate-limit.js';
import { listProgrammes } from '../programmes/programmes.service.js';
import { progress, type Recipient, renderCampaignMail, retryFailed } from './newsletter.dispatch.js';
import { alreadySubscribedMail, CONFIRM_TTL_MS, confirmMail, type NlLocale } from './newsletter.mails.js';
import { renderMarkdown } from './newsletter.render.js';
import * as repo from './newsletter.repository.js';

export type NewsletterDeps = { db: Db; config: Config };

const LOCALES: readonly NlLocale[] = ['it', 'en', 'ar'];
export const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');
const asLocale = (l: string | null | undefined, fallback: NlLocale): NlLocale =>
  (LOCALES as readonly string[]).includes(l ?? '') ? (l as NlLocale) : fallback;

function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff can manage newsletters');
  return actor;
}

// --- options (programmes and topics) -------------------------------------------------------------------------

async function topicList(db: DbOrTx) {
  // Topics are the organisations module's fields of activity; read-only here.
  return db
    .selectFrom('fields_of_activity')
    .select(['slug', 'names'])
    .orderBy('sort_order')
    .orderBy('slug')
    .execute();
}

export async function options(deps: NewsletterDeps): Promise<NewsletterOptions> {
  const [programmes, topics] = await Promise.all([listProgrammes(deps.db), topicList(deps.db)]);
  return {
    programmes: programmes.items.map((p) => ({ slug: p.slug, name: p.name, year: p.year })),
    topics: topics.map((t) => ({ slug: t.slug, names: t.names })),
    defaultLocale: deps.config.defaultLanguage,
  };
}

/** Programme slugs → ids, and a 400 naming the first unknown one. */
async function resolveProgrammes(db: Db, slugs: string[], field: string): Promise<string[]> {
  if (slugs.length === 0) return [];
  const all = (await listProgrammes(db)).items;
  const bySlug = new Map(all.map((p) => [p.slug, p.id]));
  return [...new Set(slugs)].map((s) => {
    const id = bySlug.get(s);
    if (!id) throw fieldError(field, `unknown programme '${s}'`);
    return id;
  });
}

async function checkTopics(db: Db, topics: string[], field: string): Promise<string[]> {
  if (topics.length === 0) return [];
  const known = new Set((await topicList(db)).map((t) => t.slug));
  for (const t of topics) if (!known.has(t)) throw fieldError(field, `unknown topic '${t}'`);
  return [...new Set(topics)];
}

async function programmeSlugsOf(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await listProgrammes(db)).items.map((p) => [p.id, p.slug]));
  return ids.map((id) => byId.get(id)).filter((s): s is string => s !== undefined);
}

// --- subscriptions ----------------------------------------------------------------------------------------------

/**
 * Subscribe: always the same answer, whatever the state of the address. A new or unsubscribed address gets a
 * confirmation link; a confirmed one gets a note that nothing changed (preferences are changed from the
 * profile or by the holder of the mailbox, never by whoever types the address).
 */
export async function subscribe(deps: NewsletterDeps, input: SubscribeBody, ip: string): Promise<void> {
  const body = SubscribeSchema.parse(input);
  const { db, config } = deps;
  const programmeIds = await resolveProgrammes(db, body.programmeSlugs, 'programmeSlugs');
  const topics = await checkTopics(db, body.topics, 'topics');
  await takeAttempt(db, [
    { key: `newsletter-subscribe:${body.email}`, max: 5, windowSeconds: 60 * 60 },
    { key: `newsletter-subscribe-ip:${ip}`, max: 30, windowSeconds: 60 * 60 },
  ]);
  const token = newToken();
  const expires = new Date(Date.now() + CONFIRM_TTL_MS);
  const link = `${config.publicUrl}/newsletter/confirm?token=${token}`;
  const insert = () =>
    db.transaction().execute(async (tx) => {
      const existing = await repo.lockSubscriptionByEmail(tx, body.email);
      if (existing?.status === 'confirmed') {
        const locale = asLocale(existing.locale, config.defaultLanguage);
        const m = alreadySubscribedMail[locale]({
          link: `${config.publicUrl}/newsletter/unsubscribe?token=${existing.manage_token}`,
          networkName: config.networkName,
        });
        await enqueueMail(tx, { to: body.email, ...m, locale, template: 'newsletter.already_subscribed' });
        return;
      }
      const values = {
        name: body.name?.trim() || null,
        locale: body.locale,
        programmeIds,
        topics,
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: expires,
      };
      if (existing) await repo.updateSubscription(tx, existing.id, values);
      else
        await repo.insertSubscription(tx, {
          ...values,
          email: body.email,
          status: 'pending',
          manageToken: newToken(),
        });
      const m = confirmMail[body.locale]({ link, networkName: config.networkName });
      await enqueueMail(tx, { to: body.email, ...m, locale: body.locale, template: 'newsletter.confirm' });
    });
  try {
    await insert();
  } catch (err) {
    // Two requests for a new address at once: the second finds the first's row and goes the usual way.
    if ((err as { code?: string }).code !== '23505') throw err;
    await insert();
  }
}

export async function confirm(deps: NewsletterDeps, token: string): Promise<TokenSubscriptionResponse> {
  const { db } = deps;
  const sub = await repo.findSubscriptionByConfirmHash(db, hashToken(token));
  if (!sub?.confirm_expires_at || sub.confirm_expires_at < new Date()) {
    throw new AppError('INVALID_TOKEN', 'This confirmation link is invalid or has expired');
  }
  await db.transaction().execute(async (tx) => {
    await repo.updateSubscription(tx, sub.id, {
      status: 'confirmed',
      confirmTokenHash: null,
      confirmExpiresAt: null,
      confirmedAt: new Date(),
      unsubscribedAt: null,
    });
    await recordAudit(tx, {
      entityType: 'newsletter_subscription',
      entityId: sub.id,
      action: 'newsletter.subscription.confirmed',
      fromStatus: sub.status,
      toStatus: 'confirmed',
    });
  });
  return { email: sub.email, status: 'confirmed' };
}

/** Finds who a token in a mail belongs to: a subscription's own token or a delivery's. */
async function holderOf(db: Db, token: string) {
  const sub = await repo.findSubscriptionByManageToken(db, token);
  if (sub) return { email: sub.email, locale: sub.locale, name: sub.name };
  const d = await repo.findDeliveryByToken(db, token);
  if (d) return { email: d.email, locale: d.locale, name: d.name };
  throw new AppError('INVALID_TOKEN', 'This link is invalid');
}

async function setStatusByEmail(
  tx: Tx,
  holder: { email: string; locale: string; name: string | null },
  status: 'confirmed' | 'unsubscribed',
  actorUserId: string | null,
): Promise<void> {
  const existing = await repo.lockSubscriptionByEmail(tx, holder.email);
  const now = new Date();
  const stamp =
    status === 'confirmed'
      ? { confirmedAt: now, unsubscribedAt: null, confirmTokenHash: null, confirmExpiresAt: null }
      : { unsubscribedAt: now };
  if (existing) {
    if (existing.status === status) return;
    await repo.updateSubscription(tx, existing.id, { status, ...stamp });
  } else {
    // An unsubscribe from a member mail (no subscription yet) is remembered so no audience brings them back.
    await repo.insertSubscription(tx, {
      email: holder.email,
      name: holder.name,
      locale: holder.locale,
      programmeIds: [],
      topics: [],
      status,
      confirmTokenHash: null,
      confirmExpiresAt: null,
      manageToken: newToken(),
      ...stamp,
    });
  }
  const row = await repo.lockSubscriptionByEmail(tx, holder.email);
  await recordAudit(tx, {
    entityType: 'newsletter_subscription',
    entityId: row?.id ?? holder.email,
    action:
      status === 'confirmed'
        ? 'newsletter.subscription.resubscribed'
        : 'newsletter.subscription.unsubscribed',
    fromStatus: existing?.status ?? null,
    toStatus: status,
    actorUserId,
  });
}

export async function unsubscribe(deps: NewsletterDeps, token: string): Promise<TokenSubscriptionResponse> {
  const holder = await holderOf(deps.db, token);
  await deps.db.transaction().execute((tx) => setStatusByEmail(tx, holder, 'unsubscribed', null));
  return { email: holder.email, status: 'unsubscribed' };
}

/** The holder of a mail's link proved they read that mailbox: they can come back without a new opt-in. */
export async function resubscribe(deps: NewsletterDeps, token: string): Promise<TokenSubscriptionResponse> {
  const holder = await holderOf(deps.db, token);
  await deps.db.transaction().execute((tx) => setStatusByEmail(tx, holder, 'confirmed', null));
  return { email: holder.email, status: 'confirmed' };
}

export async function tokenStatus(deps: NewsletterDeps, token: string): Promise<TokenSubscriptionResponse> {
  const holder = await holderOf(deps.db, token);
  const sub = await repo.findSubscriptionByEmail(deps.db, holder.email);
  return { email: holder.email, status: sub?.status ?? 'confirmed' };
}

async function mine(db: Db, actor: Actor): Promise<MySubscription | null> {
  const sub = await repo.findSubscriptionByEmail(db, actor.email);
  if (!sub) return null;
  return {
    email: sub.email,
    status: sub.status,
    name: sub.name,
    locale: asLocale(sub.locale, actor.locale),
    programmeSlugs: await programmeSlugsOf(db, sub.programme_ids),
    topics: sub.topics,
  };
}

export async function getMine(deps: NewsletterDeps, actor: Actor | null): Promise<MySubscription | null> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  return mine(deps.db, actor);
}

/** A member's verified account address needs no second opt-in; an unverified one must be verified first. */
export async function updateMine(
  deps: NewsletterDeps,
  actor: Actor | null,
  body: UpdateMySubscriptionBody,
): Promise<MySubscription | null> {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  const { db } = deps;
  if (body.subscribed && !actor.emailVerified) {
    throw new AppError('EMAIL_NOT_VERIFIED', 'Confirm your email address first');
  }
  const programmeIds =
    body.programmeSlugs !== undefined
      ? await resolveProgrammes(db, body.programmeSlugs, 'programmeSlugs')
      : undefined;
  const topics = body.topics !== undefined ? await checkTopics(db, body.topics, 'topics') : undefined;
  await db.transaction().execute(async (tx) => {
    const existing = await repo.lockSubscriptionByEmail(tx, actor.email);
    const status = body.subscribed ? 'confirmed' : 'unsubscribed';
    const now = new Date();
    if (!existing) {
      await repo.insertSubscription(tx, {
        email: actor.email,
        name: actor.name,
        locale: body.locale ?? actor.locale,
        programmeIds: programmeIds ?? [],
        topics: topics ?? [],
        status,
        userId: actor.userId,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        manageToken: newToken(),
        confirmedAt: body.subscribed ? now : null,
        unsubscribedAt: body.subscribed ? null : now,
      });
    } else {
      await repo.updateSubscription(tx, existing.id, {
        locale: body.locale,
        programmeIds,
        topics,
        userId: actor.userId,
        status,
        ...(existing.status !== status
          ? body.subscribed
            ? { confirmedAt: now, unsubscribedAt: null, confirmTokenHash: null, confirmExpiresAt: null }
            : { unsubscribedAt: now }
          : {}),
      });
    }
    if (existing?.status !== status) {
      const row = await repo.lockSubscriptionByEmail(tx, actor.email);
      await recordAudit(tx, {
        entityType: 'newsletter_subscription',
        entityId: row?.id ?? actor.userId,
        action: body.subscribed
          ? 'newsletter.subscription.confirmed'
          : 'newsletter.subscription.unsubscribed',
        fromStatus: existing?.status ?? null,
        toStatus: status,
        actorUserId: actor.userId,
      });
    }
  });
  return mine(db, actor);
}

export async function expirePending(db: DbOrTx, now = new Date()): Promise<number> {
  return repo.deleteExpiredPending(db, now);
}

// --- audiences ----------------------------------------------------------------------------------------------------

/** Contacts of event participants, provided by the events module (see newsletter.events.ts). */
export type EventContactsFn = (
  db: DbOrTx,
  eventIds: string[],
) => Promise<Array<{ email: string; name: string | null; locale?: string | null }>>;

/** Every recipient of an audience, one per address, in their newsletter language (see AudienceSchema). */
export async function resolveAudience(
  db: DbOrTx,
  audience: Audience,
  defaultLocale: NlLocale,
  eventContacts: EventContactsFn | null,
): Promise<Recipient[]> {
  const byEmail = new Map<string, Recipient>();
  const add = (c: { email: string; name: string | null; locale?: string | null }) => {
    const email = c.email.trim().toLowerCase();
    if (!byEmail.has(email))
      byEmail.set(email, { email, name: c.name, locale: asLocale(c.locale, defaultLocale) });
  };
  if (audience.all) {
    for (const c of await repo.confirmedSubscribers(db, { all: true })) add(c);
    return [...byEmail.values()];
  }
  const programmeIds = await resolveProgrammeIdsTx(db, audience.programmeSlugs);
  for (const c of await repo.confirmedSubscribers(db, { programmeIds, topics: audience.topics })) add(c);
  for (const c of await repo.peopleOfOrganisations(db, {
    programmeIds,
    kinds: audience.organisationKinds,
    regionCodes: audience.regionCodes,
  }))
    add(c);
  if (audience.eventIds.length > 0) {
    if (!eventContacts) throw fieldError('audience.eventIds', 'events are not available');
    const contacts = (await eventContacts(db, audience.eventIds)).map((c) => ({
      ...c,
      email: c.email.trim().toLowerCase(),
    }));
    const fresh = contacts.filter((c) => !byEmail.has(c.email));
    const emails = fresh.map((c) => c.email);
    const [out, locales] = await Promise.all([
      repo.unsubscribedAmong(db, emails),
      repo.subscriberLocales(db, emails),
    ]);
    for (const c of fresh)
      if (!out.has(c.email)) add({ ...c, locale: locales.get(c.email) ?? c.locale ?? null });
  }
  return [...byEmail.values()];
}

async function resolveProgrammeIdsTx(db: DbOrTx, slugs: string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db.selectFrom('programmes').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  if (rows.length !== new Set(slugs).size) {
    const known = new Set(rows.map((r) => r.slug));
    const missing = slugs.find((s) => !known.has(s));
    throw fieldError('audience.programmeSlugs', `unknown programme '${missing}'`);
  }
  return rows.map((r) => r.id);
}

async function checkAudience(db: Db, audience: Audience): Promise<void> {
  await resolveProgrammeIdsTx(db, audience.programmeSlugs);
  await checkTopics(db, audience.topics, 'audience.topics');
}

export async function countAudience(
  deps: NewsletterDeps & { eventContacts: EventContactsFn | null },
  actor: Actor | null,
  input: Audience,
): Promise<AudienceCountResponse> {
  requireStaff(actor);
  const audience = AudienceSchema.parse(input);
  await checkAudience(deps.db, audience);
  const recipients = await resolveAudience(
    deps.db,
    audience,
    deps.config.defaultLanguage,
    deps.eventContacts,
  );
  const byLocale: Record<string, number> = {};
  for (const r of recipients) byLocale[r.locale] = (byLocale[r.locale] ?? 0) + 1;
  return { count: recipients.length, byLocale };
}

// --- campaigns ----------------------------------------------------------------------------------------------------

function contentsOf(row: repo.CampaignRow): CampaignContents {
  return row.contents as CampaignContents;
}

/** The subject shown in lists: the default language's, or the first one written. */
export function mainContent(
  contents: CampaignContents,
  defaultLocale: NlLocale,
): CampaignContent | undefined {
  return contents[defaultLocale] ?? LOCALES.map((l) => contents[l]).find((c) => c !== undefined);
}

function toSummary(row: repo.CampaignRow, defaultLocale: NlLocale): CampaignSummary {
  return {
    id: row.id,
    status: row.status,
    subject: mainContent(contentsOf(row), defaultLocale)?.subject ?? '',
    scheduledAt: row.scheduled_at?.toISOString() ?? null,
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    recipientCount: row.recipient_count,
    inArchive: row.in_archive,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function mustFindCampaign(db: DbOrTx, id: string) {
  const c = await repo.findCampaign(db, id);
  if (!c) throw new AppError('NOT_FOUND', 'No such campaign');
  return c;
}

export async function getCampaign(
  deps: NewsletterDeps,
  actor: Actor | null,
  id: string,
): Promise<CampaignDetail> {
  requireStaff(actor);
  const c = await mustFindCampaign(deps.db, id);
  return {
    ...toSummary(c, deps.config.defaultLanguage),
    contents: contentsOf(c),
    audience: AudienceSchema.parse(c.audience),
    createdByName: c.created_by_name,
  };
}

const cursorOf = (d: Date, id: string) => Buffer.from(`${d.toISOString()}|${id}`).toString('base64url');
function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  // Only what cursorOf writes: a strict ISO instant in a range PostgreSQL stores (Date accepts years it
  // does not, e.g. -271821, which would fail in the query as a 500).
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at ?? '');
  const d = new Date(at ?? '');
  if (!iso || !id || Number.isNaN(d.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw fieldError('cursor', 'invalid');
  return { at: d, id };
}

export async function listCampaigns(
  deps: NewsletterDeps,
  actor: Actor | null,
  q: { cursor?: string | undefined; limit: number },
): Promise<CampaignList> {
  requireStaff(actor);
  const after = parseCursor(q.cursor);
  const rows = await repo.listCampaigns(deps.db, after && { createdAt: after.at, id: after.id }, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toSummary(r, deps.config.defaultLanguage)),
    nextCursor: rows.length > q.limit && last ? cursorOf(last.created_at, last.id) : null,
  };
}

export async function createCampaign(
  deps: NewsletterDeps,
  actor: Actor | null,
  input: CreateCampaignBody,
): Promise<CampaignDetail> {
  const staff = requireStaff(actor);
  const body = CreateSchema.parse(input);
  await checkAudience(deps.db, body.audience);
  const id = await deps.db.transaction().execute(async (tx) => {
    const id = await repo.insertCampaign(tx, {
      contents: body.contents,
      audience: body.audience,
      inArchive: body.inArchive,
      createdBy: staff.userId,
    });
    await recordAudit(tx, {
      entityType: 'newsletter_campaign',
      entityId: id,
      action: 'newsletter.campaign.created',
      toStatus: 'draft',
      actorUserId: staff.userId,
    });
    return id;
  });
  return getCampaign(deps, actor, id);
}

export async function updateCampaign(
  deps: NewsletterDeps,
  actor: Actor | null,
  id: string,
  input: UpdateCampaignBody,
): Promise<CampaignDetail> {
  requireStaff(actor);
  const body = UpdateSchema.parse(input);
  if (body.audience) await checkAudience(deps.db, body.audience);
  await deps.db.transaction().execute(async (tx) => {
    const c = await repo.lockCampaign(tx, id);
    if (!c) throw new AppError('NOT_FOUND', 'No such campaign');
    if (c.status !== 'draft') throw new AppError('INVALID_STATE', 'Only a draft can be changed');
    await repo.updateCampaign(tx, id, {
      contents: body.contents,
      audience: body.audience,
      inArchive: body.inArchive,
    });
  });
  return getCampaign(deps, actor, id);
}

export async function deleteCampaign(deps: NewsletterDeps, actor: Actor | null, id: string): Promise<void> {
  const staff = requireStaff(actor);
  await deps.db.transaction().execute(async (tx) => {
    const c = await repo.lockCampaign(tx, id);
    if (!c) throw new AppError('NOT_FOUND', 'No such campaign');
    if (c.status !== 'draft') throw new AppError('INVALID_STATE', 'Only a draft can be deleted');
    await repo.deleteCampaign(tx, id);
    await recordAudit(tx, {
      entityType: 'newsletter_campaign',
      entityId: id,
      action: 'newsletter.campaign.deleted',
      fromStatus: 'draft',
      actorUserId: staff.userId,
    });
  });
}

function checkReadyToSend(contents: CampaignContents, defaultLocale: NlLocale): void {
  const main = contents[defaultLocale];
  if (!main?.subject.trim() || !main.body.trim()) {
    throw fieldError(`contents.${defaultLocale}`, 'subject and text in the default language are required');
  }
  for (const l of LOCALES) {
    const c = contents[l];
    if (c && (c.subject.trim() === '') !== (c.body.trim() === '')) {
      throw fieldError(`contents.${l}`, 'write both subject and text, or neither');
    }
  }
}

export function previewContent(
  deps: NewsletterDeps,
  actor: Actor | null,
  locale: NewsletterLocale,
  content: CampaignContent,
): PreviewResponse {
  requireStaff(actor);
  const m = renderCampaignMail(deps.config, { [locale]: content }, { locale, token: 'preview' }, locale);
  return { subject: m.subject, html: m.html, text: m.text };
}

export async function sendTest(
  deps: NewsletterDeps,
  actor: Actor | null,
  id: string,
  body: { email: string; locale?: NewsletterLocale | undefined },
): Promise<void> {
  const staff = requireStaff(actor);
  const c = await mustFindCampaign(deps.db, id);
  const contents = contentsOf(c);
  const locale = body.locale ?? deps.config.defaultLanguage;
  if (!mainContent(contents, deps.config.defaultLanguage)) {
    throw fieldError('contents', 'write the newsletter first');
  }
  await takeAttempt(deps.db, [{ key: `newsletter-test:${staff.userId}`, max: 30, windowSeconds: 60 * 60 }]);
  const m = renderCampaignMail(
    deps.config,
    contents,
    { locale, token: 'test' },
    deps.config.defaultLanguage,
    {
      test: true,
    },
  );
  await enqueueMail(deps.db, {
    to: body.email,
    subject: m.subject,
    text: m.text,
    html: m.html,
    headers: m.headers,
    locale,
    template: 'newsletter.test',
  });
}

/** Materialises the recipients into deliveries and marks the campaign as sending, in the caller's transaction. */
export async function startSending(
  tx: Tx,
  config: Config,
  eventContacts: EventContactsFn | null,
  c: repo.CampaignRow,
  actorUserId: string | null,
  now: Date,
): Promise<number> {
  const audience = AudienceSchema.parse(c.audience);
  const recipients = await resolveAudience(tx, audience, config.defaultLanguage, eventContacts);
  const n = await repo.insertDeliveries(
    tx,
    c.id,
    recipients.map((r) => ({ ...r, token: newToken() })),
  );
  const done = n === 0;
  await repo.updateCampaign(tx, c.id, {
    status: done ? 'sent' : 'sending',
    startedAt: now,
    finishedAt: done ? now : null,
    recipientCount: n,
  });
  await recordAudit(tx, {
    entityType: 'newsletter_campaign',
    entityId: c.id,
    action: 'newsletter.campaign.sending',
    fromStatus: c.status,
    toStatus: done ? 'sent' : 'sending',
    note: `${n} recipients`,
    actorUserId,
  });
  // Start the first batch now rather than at the dispatcher's next tick.
  if (!done) await enqueueJob(tx, { kind: 'newsletter.dispatch', key: `newsletter.dispatch:start:${c.id}` });
  return n;
}

export async function sendNow(
  deps: NewsletterDeps & { eventContacts: EventContactsFn | null },
  actor: Actor | null,
  id: string,
): Promise<CampaignDetail> {
  const staff = requireStaff(actor);
  await deps.db.transaction().execute(async (tx) => {
    const c = await repo.lockCampaign(tx, id);
    if (!c) throw new AppError('NOT_FOUND', 'No such campaign');
    if (c.status !== 'draft' && c.status !== 'scheduled') {
      throw new AppError('INVALID_STATE', 'This campaign has already been sent');
    }
    checkReadyToSend(contentsOf(c), deps.config.defaultLanguage);
    await startSending(tx, deps.config, deps.eventContacts, c, staff.userId, new Date());
  });
  return getCampaign(deps, actor, id);
}

export async function schedule(
  deps: NewsletterDeps,
  actor: Actor | null,
  id: string,
  at: Date,
): Promise<CampaignDetail> {
  const staff = requireStaff(actor);
  if (at.getTime() < Date.now() + 60_000) throw fieldError('at', 'must be at least one minute from now');
  await deps.db.transaction().execute(async (tx) => {
    const c = await repo.lockCampaign(tx, id);
    if (!c) throw new AppError('NOT_FOUND', 'No such campaign');
    if (c.status !== 'draft' && c.status !== 'scheduled') {
      throw new AppError('INVALID_STATE', 'Only a draft can be scheduled');
    }
    checkReadyToSend(contentsOf(c), deps.config.defaultLanguage);
    await repo.updateCampaign(tx, id, { status: 'scheduled', scheduledAt: at });
    await recordAudit(tx, {
      entityType: 'newsletter_campaign',
      entityId: id,
      action: 'newsletter.campaign.scheduled',
      fromStatus: c.status,
      toStatus: 'scheduled',
      note: at.toISOString(),
      actorUserId: staff.userId,
    });
  });
  return getCampaign(deps, actor, id);
}

/** A scheduled campaign goes back to draft; a sending one stops (what is in the outbox still goes). */
export async function cancel(deps: NewsletterDeps, actor: Actor | null, id: string): Promise<CampaignDetail> {
  const staff = requireStaff(actor);
  await deps.db.transaction().execute(async (tx) => {
    const c = await repo.lockCampaign(tx, id);
    if (!c) throw new AppError('NOT_FOUND', 'No such campaign');
    let to: 'draft' | 'cancelled';
    if (c.status === 'scheduled') {
      to = 'draft';
      await repo.updateCampaign(tx, id, { status: 'draft', scheduledAt: null });
    } else if (c.status === 'sending') {
      to = 'cancelled';
      const skipped = await repo.skipQueuedOfCampaign(tx, id);
      await repo.updateCampaign(tx, id, { status: 'cancelled', finishedAt: new Date() });
      await recordAudit(tx, {
        entityType: 'newsletter_campaign',
        entityId: id,
        action: 'newsletter.campaign.stopped',
        fromStatus: c.status,
        toStatus: to,
        note: `${skipped} not sent`,
        actorUserId: staff.userId,
      });
      return;
    } else {
      throw new AppError('INVALID_STATE', 'Only a scheduled or sending campaign can be cancelled');
    }
    await recordAudit(tx, {
      entityType: 'newsletter_campaign',
      entityId: id,
      action: 'newsletter.campaign.unscheduled',
      fromStatus: c.status,
      toStatus: to,
      actorUserId: staff.userId,
    });
  });
  return getCampaign(deps, actor, id);
}

// --- archive --------------------------------------------------------------------------------------------------------

function pickLocale(contents: CampaignContents, wanted: NlLocale, fallback: NlLocale) {
  if (contents[wanted]?.subject) return wanted;
  if (contents[fallback]?.subject) return fallback;
  return LOCALES.find((l) => contents[l]?.subject) ?? fallback;
}

export async function archive(
  deps: NewsletterDeps,
  q: { locale?: NewsletterLocale | undefined; cursor?: string | undefined; limit: number },
): Promise<ArchiveList> {
  const after = parseCursor(q.cursor);
  const wanted = q.locale ?? deps.config.defaultLanguage;
  const rows = await repo.listArchive(deps.db, after && { startedAt: after.at, id: after.id }, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => {
      const contents = r.contents as CampaignContents;
      const locale = pickLocale(contents, wanted, deps.config.defaultLanguage);
      return {
        id: r.id,
        subject: contents[locale]?.subject ?? '',
        locale,
        sentAt: (r.started_at ?? new Date(0)).toISOString(),
      };
    }),
    nextCursor: rows.length > q.limit && last?.started_at ? cursorOf(last.started_at, last.id) : null,
  };
}

export async function archiveIssue(
  deps: NewsletterDeps,
  id: string,
  wantedLocale: NewsletterLocale | undefined,
): Promise<ArchiveIssue> {
  const r = await repo.findArchived(deps.db, id);
  if (!r) throw new AppError('NOT_FOUND', 'No such newsletter in the archive');
  const contents = r.contents as CampaignContents;
  const locale = pickLocale(
    contents,
    wantedLocale ?? deps.config.defaultLanguage,
    deps.config.defaultLanguage,
  );
  const c = contents[locale];
  return {
    id: r.id,
    subject: c?.subject ?? '',
    locale,
    sentAt: (r.started_at ?? new Date(0)).toISOString(),
    html: renderMarkdown(c?.body ?? ''),
    locales: LOCALES.filter((l) => contents[l]?.subject),
  };
}

// --- progress and deliveries ------------------------------------------------------------------------------------

export async function campaignProgress(deps: NewsletterDeps, actor: Actor | null, id: string) {
  requireStaff(actor);
  const c = await mustFindCampaign(deps.db, id);
  return { status: c.status, ...(await progress(deps.db, c.id)) };
}

export async function listDeliveries(
  deps: NewsletterDeps,
  actor: Actor | null,
  id: string,
  q: { status?: DeliveryStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<DeliveryList> {
  requireStaff(actor);
  await mustFindCampaign(deps.db, id);
  const afterEmail = q.cursor ? Buffer.from(q.cursor, 'base64url').toString('utf8') : undefined;
  const rows = await repo.listDeliveries(deps.db, id, { status: q.status, afterEmail, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      email: r.email,
      locale: asLocale(r.locale, deps.config.defaultLanguage),
      status: r.status as DeliveryStatus,
      attempts: Number(r.attempts),
      lastError: r.last_error,
      sentAt: r.sent_at?.toISOString() ?? null,
    })),
    nextCursor: rows.length > q.limit && last ? Buffer.from(last.email).toString('base64url') : null,
  };
}

export async function retryFailedMails(
  deps: NewsletterDeps,
  actor: Actor | null,
  id: string,
): Promise<number> {
  const staff = requireStaff(actor);
  await mustFindCampaign(deps.db, id);
  return deps.db.transaction().execute(async (tx) => {
    const n = await retryFailed(tx, deps.config, id);
    if (n > 0)
      await recordAudit(tx, {
        entityType: 'newsletter_campaign',
        entityId: id,
        action: 'newsletter.campaign.retried',
        note: `${n} failed mails sent again`,
        actorUserId: staff.userId,
      });
    return n;
  });
}
