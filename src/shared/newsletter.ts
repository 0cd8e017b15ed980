// Schemas of the newsletter module: subscriptions (double opt-in), campaigns, audiences, delivery, archive.
import { z } from 'zod';
import { OrganisationKindSchema } from './organisations.js';

export const NewsletterLocaleSchema = z.enum(['it', 'en', 'ar']);
export type NewsletterLocale = z.infer<typeof NewsletterLocaleSchema>;
export const NEWSLETTER_LOCALES = NewsletterLocaleSchema.options;

const Email = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
const Slug = z.string().min(1).max(200);
const Token = z.string().min(20).max(200);

// --- subscriptions ------------------------------------------------------------------------------------------

export const SubscribeBody = z.object({
  email: z.string().trim().pipe(Email),
  name: z.string().trim().max(200).optional(),
  locale: NewsletterLocaleSchema,
  programmeSlugs: z.array(Slug).max(50).default([]),
  topics: z.array(Slug).max(50).default([]),
});
export type SubscribeBody = z.input<typeof SubscribeBody>;

/** The same answer whether or not the address is known: nobody learns who subscribed. */
export const SubscribeResponse = z.object({ status: z.literal('check_your_email') });
export type SubscribeResponse = z.infer<typeof SubscribeResponse>;

export const TokenBody = z.object({ token: Token });
export type TokenBody = z.infer<typeof TokenBody>;

export const SubscriptionStatusSchema = z.enum(['pending', 'confirmed', 'unsubscribed']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

/** What a token holder sees: the address and whether it still receives the newsletter. */
export const TokenSubscriptionResponse = z.object({
  email: z.string(),
  status: SubscriptionStatusSchema,
});
export type TokenSubscriptionResponse = z.infer<typeof TokenSubscriptionResponse>;

export const MySubscription = z.object({
  email: z.string(),
  status: SubscriptionStatusSchema,
  name: z.string().nullable(),
  locale: NewsletterLocaleSchema,
  programmeSlugs: z.array(z.string()),
  topics: z.array(z.string()),
});
export type MySubscription = z.infer<typeof MySubscription>;
export const MySubscriptionResponse = z.object({ subscription: MySubscription.nullable() });
export type MySubscriptionResponse = z.infer<typeof MySubscriptionResponse>;

export const UpdateMySubscriptionBody = z.object({
  subscribed: z.boolean(),
  locale: NewsletterLocaleSchema.optional(),
  programmeSlugs: z.array(Slug).max(50).optional(),
  topics: z.array(Slug).max(50).optional(),
});
export type UpdateMySubscriptionBody = z.infer<typeof UpdateMySubscriptionBody>;

/** Programmes and topics a subscriber can choose, with names in every language. */
export const NewsletterOptions = z.object({
  programmes: z.array(z.object({ slug: z.string(), name: z.string(), year: z.number().int().nullable() })),
  topics: z.array(z.object({ slug: z.string(), names: z.record(z.string(), z.string()) })),
  defaultLocale: NewsletterLocaleSchema,
});
export type NewsletterOptions = z.infer<typeof NewsletterOptions>;

// --- campaigns -----------------------------------------------------------------------------------------------

export const CampaignContentSchema = z.object({
  subject: z.string().trim().max(200),
  body: z.string().max(100_000),
});
export type CampaignContent = z.infer<typeof CampaignContentSchema>;

/** One text per language; the network's default language is required before sending. */
export const CampaignContentsSchema = z.object({
  it: CampaignContentSchema.optional(),
  en: CampaignContentSchema.optional(),
  ar: CampaignContentSchema.optional(),
});
export type CampaignContents = z.infer<typeof CampaignContentsSchema>;

/**
 * Who receives a campaign.
 * - `all`: every confirmed subscriber (the other fields are ignored).
 * - otherwise the union of: people of the member organisations that match every organisation criterion
 *   given (programme ∧ kind ∧ region, any value within one criterion); confirmed subscribers interested in
 *   one of the programmes or topics; participants of the events.
 * Anybody who unsubscribed is left out, whichever group brings them in.
 */
export const AudienceSchema = z.object({
  all: z.boolean().default(false),
  programmeSlugs: z.array(Slug).max(50).default([]),
  organisationKinds: z.array(OrganisationKindSchema).max(30).default([]),
  regionCodes: z
    .array(z.string().regex(/^\d{2}$/))
    .max(30)
    .default([]),
  topics: z.array(Slug).max(50).default([]),
  eventIds: z.array(z.uuid()).max(50).default([]),
});
export type Audience = z.infer<typeof AudienceSchema>;
export type AudienceInput = z.input<typeof AudienceSchema>;

export const CampaignStatusSchema = z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

export const CampaignSummary = z.object({
  id: z.uuid(),
  status: CampaignStatusSchema,
  subject: z.string(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recipientCount: z.number().int().nullable(),
  inArchive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignList = z.object({ items: z.array(CampaignSummary), nextCursor: z.string().nullable() });
export type CampaignList = z.infer<typeof CampaignList>;

export const CampaignDetail = CampaignSummary.extend({
  contents: CampaignContentsSchema,
  audience: AudienceSchema,
  createdByName: z.string().nullable(),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const CreateCampaignBody = z.object({
  contents: CampaignContentsSchema,
  inArchive: z.boolean().default(true),
  audience: AudienceSchema.default({
    all: true,
    programmeSlugs: [],
    organisationKinds: [],
    regionCodes: [],
    topics: [],
    eventIds: [],
  }),
});
export type CreateCampaignBody = z.input<typeof CreateCampaignBody>;

export const UpdateCampaignBody = z.object({
  contents: CampaignContentsSchema.optional(),
  inArchive: z.boolean().optional(),
  audience: AudienceSchema.optional(),
});
export type UpdateCampaignBody = z.input<typeof UpdateCampaignBody>;

export const PreviewBody = z.object({ locale: NewsletterLocaleSchema, content: CampaignContentSchema });
export type PreviewBody = z.infer<typeof PreviewBody>;
export const PreviewResponse = z.object({ subject: z.string(), html: z.string(), text: z.string() });
export type PreviewResponse = z.infer<typeof PreviewResponse>;

export const AudienceCountResponse = z.object({
  count: z.number().int(),
  byLocale: z.record(z.string(), z.number().int()),
});
export type AudienceCountResponse = z.infer<typeof AudienceCountResponse>;

export const TestSendBody = z.object({
  email: z.string().trim().pipe(Email),
  locale: NewsletterLocaleSchema.optional(),
});
export type TestSendBody = z.input<typeof TestSendBody>;

export const ScheduleBody = z.object({ at: z.iso.datetime({ offset: true }) });
export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const CampaignProgress = z.object({
  status: CampaignStatusSchema,
  total: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  remaining: z.number().int(),
  skipped: z.number().int(),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

export const DeliveryStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'skipped']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const DeliveryItem = z.object({
  email: z.string(),
  locale: NewsletterLocaleSchema,
  status: DeliveryStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type DeliveryItem = z.infer<typeof DeliveryItem>;

export const DeliveryListQuery = z.object({
  status: DeliveryStatusSchema.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DeliveryListQuery = z.input<typeof DeliveryListQuery>;
export const DeliveryList = z.object({ items: z.array(DeliveryItem), nextCursor: z.string().nullable() });
export type DeliveryList = z.infer<typeof DeliveryList>;

export const RetryResponse = z.object({ retried: z.number().int() });
export type RetryResponse = z.infer<typeof RetryResponse>;

export const CampaignListQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

// --- archive --------------------------------------------------------------------------------------------------

export const ArchiveQuery = z.object({
  locale: NewsletterLocaleSchema.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type ArchiveQuery = z.input<typeof ArchiveQuery>;

export const ArchiveItem = z.object({
  id: z.uuid(),
  subject: z.string(),
  locale: NewsletterLocaleSchema,
  sentAt: z.string(),
});
export type ArchiveItem = z.infer<typeof ArchiveItem>;
export const ArchiveList = z.object({ items: z.array(ArchiveItem), nextCursor: z.string().nullable() });
export type ArchiveList = z.infer<typeof ArchiveList>;

export const ArchiveIssue = ArchiveItem.extend({
  html: z.string(),
  locales: z.array(NewsletterLocaleSchema),
});
export type ArchiveIssue = z.infer<typeof ArchiveIssue>;
