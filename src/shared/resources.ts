// Resource library: items (toolkits, factsheets, …), their file versions and curated collections.
import { z } from 'zod';

export const RESOURCE_KINDS = [
  'toolkit',
  'advocacy_kit',
  'factsheet',
  'report',
  'template',
  'training_material',
  'recording',
  'other',
] as const;
export const ResourceKindSchema = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof ResourceKindSchema>;

export const RESOURCE_VISIBILITIES = ['public', 'members', 'programme'] as const;
export const ResourceVisibilitySchema = z.enum(RESOURCE_VISIBILITIES);
export type ResourceVisibility = z.infer<typeof ResourceVisibilitySchema>;

export const RESOURCE_STATUSES = ['draft', 'published'] as const;
export const ResourceStatusSchema = z.enum(RESOURCE_STATUSES);

/** Languages a document may be written in (ISO 639-1). */
export const DOCUMENT_LANGUAGES = ['it', 'en', 'ar', 'fr', 'es', 'de', 'uk', 'ru', 'zh', 'other'] as const;
export const DocumentLanguageSchema = z.enum(DOCUMENT_LANGUAGES);

export const RESOURCE_MAX_BYTES = 50 * 1024 * 1024;
/** Accepted file types, by content. */
export const RESOURCE_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'png', 'jpg', 'webp'] as const;

const Uuid = z.uuid();
const code = z.string().regex(/^[a-z]{2}$/);
export const ResourceText = z.record(code, z.string().max(20_000));
export type ResourceText = z.infer<typeof ResourceText>;
const requiredText = (max: number) =>
  z
    .record(code, z.string().trim().max(max))
    .refine((d) => (d.it ?? '').trim().length > 0, { message: 'Italian text required', path: ['it'] });
const optionalText = (max: number) => z.record(code, z.string().trim().max(max));

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((s) => s.toLowerCase());
const HttpsUrl = z
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) address' });

export const ResourceVersion = z.object({
  id: Uuid,
  number: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  note: z.string(),
  extraction: z.enum(['pending', 'done', 'failed']),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  downloadUrl: z.string(),
});
export type ResourceVersion = z.infer<typeof ResourceVersion>;

export const ResourceSummary = z.object({
  id: Uuid,
  kind: ResourceKindSchema,
  title: ResourceText,
  summary: ResourceText,
  language: DocumentLanguageSchema,
  fields: z.array(z.string()),
  tags: z.array(z.string()),
  programme: z.object({ slug: z.string(), name: z.string() }).nullable(),
  organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
  visibility: ResourceVisibilitySchema,
  status: ResourceStatusSchema,
  linkUrl: z.string().nullable(),
  current: z
    .object({
      number: z.number().int(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      filename: z.string(),
    })
    .nullable(),
  downloadCount: z.number().int(),
  updatedAt: z.string(),
  createdAt: z.string(),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

export const ResourceDetail = ResourceSummary.extend({
  versions: z.array(ResourceVersion),
  collections: z.array(z.object({ id: Uuid, title: ResourceText })),
  viewer: z.object({ canManage: z.boolean(), canDelete: z.boolean() }),
});
export type ResourceDetail = z.infer<typeof ResourceDetail>;

export const CreateResourceBody = z
  .object({
    kind: ResourceKindSchema,
    title: requiredText(300),
    summary: optionalText(5000).default({}),
    language: DocumentLanguageSchema.default('it'),
    fields: z.array(z.string().min(1).max(60)).max(20).default([]),
    tags: z.array(Tag).max(20).default([]),
    programmeSlug: z.string().min(1).max(200).nullable().optional(),
    organisationSlug: z.string().min(1).max(200).nullable().optional(),
    visibility: ResourceVisibilitySchema.default('public'),
    status: ResourceStatusSchema.default('draft'),
    linkUrl: HttpsUrl.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'recording' && !b.linkUrl)
      ctx.addIssue({ code: 'custom', path: ['linkUrl'], message: 'a recording needs a link' });
    if (b.visibility === 'programme' && !b.programmeSlug)
      ctx.addIssue({ code: 'custom', path: ['programmeSlug'], message: 'required for programme visibility' });
  });
export type CreateResourceBody = z.input<typeof CreateResourceBody>;

export const UpdateResourceBody = z
  .object({
    kind: ResourceKindSchema,
    title: requiredText(300),
    summary: optionalText(5000),
    language: DocumentLanguageSchema,
    fields: z.array(z.string().min(1).max(60)).max(20),
    tags: z.array(Tag).max(20),
    programmeSlug: z.string().min(1).max(200).nullable(),
    organisationSlug: z.string().min(1).max(200).nullable(),
    visibility: ResourceVisibilitySchema,
    status: ResourceStatusSchema,
    linkUrl: HttpsUrl.nullable(),
  })
  .partial();
export type UpdateResourceBody = z.input<typeof UpdateResourceBody>;

export const ResourceListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: ResourceKindSchema.optional(),
  language: DocumentLanguageSchema.optional(),
  field: z.string().max(60).optional(),
  programme: z.string().max(200).optional(),
  collection: Uuid.optional(),
  status: ResourceStatusSchema.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ResourceListQuery = z.input<typeof ResourceListQuery>;

export const ResourceList = z.object({
  items: z.array(ResourceSummary),
  nextCursor: z.string().nullable(),
  /**
   * Present when `q` found nothing and a word of it is in no searchable text: the items are those found by
   * this query, the nearest words that exist. Later pages are asked with the same `q` and the cursor.
   */
  correctedQuery: z.string().optional(),
});
export type ResourceList = z.infer<typeof ResourceList>;

export const VersionList = z.object({ items: z.array(ResourceVersion) });
export const DownloadQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

export const ResourceCollection = z.object({
  id: Uuid,
  title: ResourceText,
  description: ResourceText,
  position: z.number().int(),
  items: z.array(ResourceSummary),
});
export type ResourceCollection = z.infer<typeof ResourceCollection>;
export const CollectionList = z.object({ items: z.array(ResourceCollection) });
export type CollectionList = z.infer<typeof CollectionList>;

export const CollectionBody = z.object({
  title: requiredText(200),
  description: optionalText(2000).default({}),
  position: z.number().int().min(0).max(10_000).default(0),
  resourceIds: z.array(Uuid).max(200).default([]),
});
export type CollectionBody = z.input<typeof CollectionBody>;
export const UpdateCollectionBody = z
  .object({
    title: requiredText(200),
    description: optionalText(2000),
    position: z.number().int().min(0).max(10_000),
    resourceIds: z
      .array(Uuid)
      .max(200)
      .refine((a) => new Set(a).size === a.length, { message: 'an item appears twice' }),
  })
  .partial();
export type UpdateCollectionBody = z.input<typeof UpdateCollectionBody>;

/** The text in the reader's language, falling back to Italian, English, then any. */
export function pickResourceText(map: Record<string, string> | undefined, lang: string): string {
  if (!map) return '';
  return map[lang] || map.it || map.en || Object.values(map).find((v) => v) || '';
}
