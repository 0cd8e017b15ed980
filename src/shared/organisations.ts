// Schemas of the organisations module (directory, profiles, members, applications), shared by server and web.
import { z } from 'zod';
import { AuditEntry } from './audit.js';
import { LocaleSchema, MemberRoleSchema } from './auth.js';
import {
  APPLICATION_STATUSES,
  DIRECTORY_SORTS,
  LANGUAGES,
  LEGAL_FORMS,
  MEMBERSHIP_MODULES,
  ORGANISATION_KINDS,
  ORGANISATION_STATUSES,
} from './organisations-constants.js';

// Re-exported so the server and forms keep one import for the module's schemas and their lists.
export * from './organisations-constants.js';

export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

export const LegalFormSchema = z.enum(LEGAL_FORMS);
export type LegalForm = z.infer<typeof LegalFormSchema>;

export const MembershipModuleSchema = z.enum(MEMBERSHIP_MODULES);
export type MembershipModule = z.infer<typeof MembershipModuleSchema>;

export const OrganisationStatusSchema = z.enum(ORGANISATION_STATUSES);
export type OrganisationStatus = z.infer<typeof OrganisationStatusSchema>;

export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export { MemberRoleSchema };
export const MEMBER_ROLES = MemberRoleSchema.options;

export const LanguageSchema = z.enum(LANGUAGES);

export const DirectorySortSchema = z.enum(DIRECTORY_SORTS);

// ---------------------------------------------------------------------------------------------------------
// Italian tax code (codice fiscale / partita IVA)

const ODD_VALUES: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18,
  N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
}; // biome-ignore format: a lookup table reads best as a table

/** 11 digits (partita IVA, or the numeric codice fiscale of a body) with its Luhn-like check digit. */
export function isValidNumericTaxCode(code: string): boolean {
  // All zeros passes the checksum but is never issued.
  if (!/^\d{11}$/.test(code) || /^0+$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = code.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(10) - 48;
}

/** 16-character personal codice fiscale, including omocodia letters, with its check character. */
export function isValidPersonalTaxCode(input: string): boolean {
  const code = input.toUpperCase();
  // Digits in the date and place may be replaced by the letters LMNPQRSTUV (omocodia).
  const o = '[0-9LMNPQRSTUV]';
  const re = new RegExp(`^[A-Z]{6}${o}{2}[ABCDEHLMPRST]${o}{2}[A-Z]${o}{3}[A-Z]$`);
  if (!re.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code[i] as string;
    if (i % 2 === 0) sum += ODD_VALUES[c] as number;
    else sum += c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

export function isValidTaxCode(input: string): boolean {
  const code = input.trim().toUpperCase();
  return code.length === 11 ? isValidNumericTaxCode(code) : isValidPersonalTaxCode(code);
}

export const TaxCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
  .refine(isValidTaxCode, { message: 'invalid_tax_code' });

// ---------------------------------------------------------------------------------------------------------
// Reference data

export const Translations = z.record(z.string().regex(/^[a-z]{2}$/), z.string().max(10_000));
export type Translations = z.infer<typeof Translations>;

export const ReferenceResponse = z.object({
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  provinces: z.array(z.object({ code: z.string(), name: z.string(), regionCode: z.string() })),
  fields: z.array(z.object({ slug: z.string(), names: z.record(z.string(), z.string()) })),
  kinds: z.array(OrganisationKindSchema),
  legalForms: z.array(LegalFormSchema),
  modules: z.array(MembershipModuleSchema),
  languages: z.array(z.string()),
});
export type ReferenceResponse = z.infer<typeof ReferenceResponse>;

// ---------------------------------------------------------------------------------------------------------
// Directory

/** A repeatable query parameter: `?region=12` gives a string, `?region=12&region=03` an array. */
const repeatable = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(50));

export const DirectoryQuery = z.object({
  q: z.string().trim().max(200).optional(),
  region: repeatable(z.string().max(10)),
  province: repeatable(z.string().max(10)),
  kind: repeatable(OrganisationKindSchema),
  legalForm: repeatable(LegalFormSchema),
  field: repeatable(z.string().max(80)),
  programme: repeatable(z.string().max(120)),
  language: repeatable(z.string().max(10)),
  module: repeatable(MembershipModuleSchema),
  /** Staff only: list organisations in these statuses, visible or not (default: visible members). */
  status: repeatable(OrganisationStatusSchema),
  sort: DirectorySortSchema.optional(),
  lang: LocaleSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;
export type DirectoryQueryInput = z.input<typeof DirectoryQuery>;

export const OrgCard = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: OrganisationKindSchema,
  legalForm: LegalFormSchema,
  municipality: z.string().nullable(),
  provinceCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  logoUrl: z.string().nullable(),
  summary: z.string(),
  fields: z.array(z.string()),
  status: OrganisationStatusSchema,
  visible: z.boolean(),
});
export type OrgCard = z.infer<typeof OrgCard>;

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

export const DirectoryResponse = z.object({
  items: z.array(OrgCard),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    region: z.array(FacetValue),
    province: z.array(FacetValue),
    kind: z.array(FacetValue),
    legalForm: z.array(FacetValue),
    field: z.array(FacetValue),
    programme: z.array(FacetValue),
    language: z.array(FacetValue),
    module: z.array(FacetValue),
  }),
});
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

export const OrgDetail = OrgCard.extend({
  taxCode: z.string().nullable().optional(),
  runtsNumber: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  description: Translations,
  modules: z.array(MembershipModuleSchema),
  status: OrganisationStatusSchema,
  visible: z.boolean(),
  joinedAt: z.string().nullable(),
  logoFileId: z.uuid().nullable(),
  programmes: z.array(z.object({ slug: z.string(), name: z.string(), year: z.number().int().nullable() })),
  myRole: MemberRoleSchema.nullable(),
  canEdit: z.boolean(),
});
export type OrgDetail = z.infer<typeof OrgDetail>;

// ---------------------------------------------------------------------------------------------------------
// Profile and application input

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const WebsiteSchema = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : null))
  .refine((v) => v === null || URL.canParse(v), { message: 'invalid_url' });

/**
 * Organisation fields without defaults: a PATCH must leave what it does not mention untouched, so the
 * defaults of the full input must not leak into the partial update schema.
 */
const organisationFields = {
  name: z.string().trim().min(2).max(200),
  acronym: optionalText(40),
  kind: OrganisationKindSchema,
  legalForm: LegalFormSchema,
  taxCode: z
    .string()
    .trim()
    .max(20)
    .nullish()
    .transform((v) => (v ? v.toUpperCase().replace(/\s+/g, '') : null))
    .refine((v) => v === null || isValidTaxCode(v), { message: 'invalid_tax_code' }),
  runtsNumber: optionalText(40),
  address: optionalText(300),
  postalCode: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{5}$/.test(v), { message: 'invalid_postal_code' }),
  municipality: z.string().trim().min(1).max(120),
  provinceCode: z.string().trim().toUpperCase().length(2),
  website: WebsiteSchema,
  email: z.email().max(254),
  phone: optionalText(40),
  fieldSlugs: z.array(z.string().max(80)).max(30),
  languages: z.array(LanguageSchema).max(40),
  description: Translations,
  visible: z.boolean(),
  logoFileId: z.uuid().nullish(),
};

/** Organisation data as entered in the application form and the profile editor. */
export const OrganisationInput = z.object({
  ...organisationFields,
  fieldSlugs: organisationFields.fieldSlugs.default([]),
  languages: organisationFields.languages.default([]),
  description: organisationFields.description.default({}),
  visible: organisationFields.visible.default(true),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export type OrganisationInputValues = z.input<typeof OrganisationInput>;

/** PATCH /organizations/{slug}: any subset of the profile, plus modules (staff and org admins). */
export const OrganisationUpdate = z
  .object(organisationFields)
  .partial()
  .extend({
    modules: z.array(MembershipModuleSchema).max(10).optional(),
  });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const ContactInput = z.object({
  name: z.string().trim().min(2).max(200),
  email: z.email().max(254),
  phone: optionalText(40),
  role: optionalText(120),
  locale: LocaleSchema.default('it'),
});

export const ApplicationInput = z.object({
  organisation: OrganisationInput,
  contact: ContactInput,
  modules: z.array(MembershipModuleSchema).max(10).default([]),
  message: optionalText(4000),
  // Checked in the service, so a missing acceptance is a 400 on that very field with a clear reason.
  acceptCommitments: z.boolean(),
  acceptPrivacy: z.boolean(),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;
export type ApplicationInputValues = z.input<typeof ApplicationInput>;

export const ApplicationCreated = z.object({ id: z.uuid(), status: ApplicationStatusSchema });

export const ApplicationListQuery = z.object({ status: ApplicationStatusSchema.optional() });

export const ApplicationListItem = z.object({
  id: z.uuid(),
  status: ApplicationStatusSchema,
  organisationName: z.string(),
  organisationSlug: z.string(),
  kind: OrganisationKindSchema,
  regionName: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
});
export type ApplicationListItem = z.infer<typeof ApplicationListItem>;

export const ApplicationList = z.object({
  items: z.array(ApplicationListItem),
  counts: z.object({
    submitted: z.number().int(),
    changes_requested: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
  }),
});
export type ApplicationList = z.infer<typeof ApplicationList>;

export const ApplicationOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  status: OrganisationStatusSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  kind: OrganisationKindSchema,
  legalForm: LegalFormSchema,
  taxCode: z.string().nullable(),
  runtsNumber: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  municipality: z.string().nullable(),
  provinceCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  fieldSlugs: z.array(z.string()),
  languages: z.array(z.string()),
  description: Translations,
  visible: z.boolean(),
  logoFileId: z.uuid().nullable(),
  logoUrl: z.string().nullable(),
});
export type ApplicationOrganisation = z.infer<typeof ApplicationOrganisation>;

export const ApplicationDetail = z.object({
  id: z.uuid(),
  status: ApplicationStatusSchema,
  organisation: ApplicationOrganisation,
  contact: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
    locale: LocaleSchema,
  }),
  modules: z.array(MembershipModuleSchema),
  message: z.string().nullable(),
  reviewNote: z.string().nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  history: z.array(AuditEntry),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const ApplicationTokenQuery = z.object({ token: z.string().min(10).max(200).optional() });
export const ApproveBody = z.object({ note: optionalText(4000) });
export const RequiredNoteBody = z.object({ note: z.string().trim().min(1).max(4000) });
export const OptionalNoteBody = z.object({ note: optionalText(4000) });

// ---------------------------------------------------------------------------------------------------------
// Members, meetings, logo

export const MemberItem = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: MemberRoleSchema,
  pending: z.boolean(),
});
export type MemberItem = z.infer<typeof MemberItem>;
export const MemberList = z.object({ items: z.array(MemberItem) });
export const MemberInvite = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: MemberRoleSchema,
  locale: LocaleSchema.optional(),
});
export const MemberRoleUpdate = z.object({ role: MemberRoleSchema });

export const MeetingInput = z.object({
  heldOn: z.iso.date(),
  participants: z.string().trim().min(1).max(2000),
  notes: optionalText(10_000),
});
export const Meeting = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  participants: z.string(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.object({ items: z.array(Meeting) });

export const LogoUploaded = z.object({ fileId: z.uuid(), url: z.string() });
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
