// Schemas of the events module (events, registrations, waitlist, check-in, attendance, calendars),
// shared by server routes and web forms.
//
// Endpoints ("manager" = network staff, or org_admin/operator of the organising organisation;
// "viewer" = whoever may see the event: staff, managers, and the event's audience when published):
//
// | method | path | who | request | response |
// | GET    | /api/v1/events | anyone (filters by what they may see) | EventListQuery | EventList |
// | GET    | /api/v1/events/month | anyone | EventMonthQuery | EventMonth |
// | POST   | /api/v1/events | staff; org_admin/operator of organiserSlug | CreateEventBody | EventDetail (201) |
// | POST   | /api/v1/events/covers | logged in | multipart "file" (PNG/JPEG/WebP ≤ 5 MB) | CoverUploaded (201) |
// | GET    | /api/v1/events/{id} | viewer | – | EventDetail |
// | PATCH  | /api/v1/events/{id} | manager | UpdateEventBody | EventDetail |
// | POST   | /api/v1/events/{id}/status | manager (publish: staff or trusted organiser) | EventStatusBody | EventDetail |
// | GET    | /api/v1/events/{id}/audit | manager | – | AuditList (shared/audit.ts) |
// | GET    | /api/v1/events/{id}/event.ics | viewer | – | text/calendar |
// | POST   | /api/v1/events/{id}/registrations | logged in (self/colleague), or anonymous guest (public events) | RegisterBody | RegisterResult (201; guests always 202 with registration null; 429 when rate limited) |
// | GET    | /api/v1/events/{id}/registrations | manager | RegistrationListQuery | RegistrationList |
// | PATCH  | /api/v1/events/{id}/registrations/{registrationId} | manager | RegistrationStatusBody | RegistrationRow |
// | POST   | /api/v1/events/{id}/registrations/{registrationId}/cancel | the person, who registered them, manager | – | MyRegistration |
// | GET    | /api/v1/events/{id}/checkins | manager | CheckinSearchQuery | CheckinSearch |
// | POST   | /api/v1/events/{id}/checkins | manager | CheckinBody | CheckinResult (200, idempotent) |
// | POST   | /api/v1/events/{id}/walk-ins | manager | WalkInBody | CheckinResult (201) |
// | POST   | /api/v1/events/{id}/no-shows | manager, after the start | – | NoShowsResult |
// | GET    | /api/v1/events/{id}/figures | manager | – | EventFigures |
// | GET    | /api/v1/events/{id}/participants.csv | manager | – | text/csv |
// | GET    | /api/v1/events/{id}/participants.xlsx | manager | – | xlsx |
// | POST   | /api/v1/events/{id}/materials | manager | multipart: field "title" then "file" (≤ 20 MB) | EventMaterial (201) |
// | POST   | /api/v1/events/{id}/materials/links | manager | MaterialLinkBody | EventMaterial (201) |
// | DELETE | /api/v1/events/{id}/materials/{materialId} | manager | – | 204 |
// | GET    | /api/v1/events/{id}/materials/{materialId} | viewer | – | the file |
// | POST   | /api/v1/events/{id}/feedback | participant (logged in, or guest with token), once, after the start | FeedbackBody | OkResponse (201) |
// | GET    | /api/v1/events/{id}/feedback | manager | – | FeedbackSummary |
// | POST   | /api/v1/registrations/confirm | anyone with the mailed token | TokenBody | ManagedRegistration |
// | GET    | /api/v1/registrations/manage | anyone with the mailed token | TokenQuery | ManagedRegistration |
// | POST   | /api/v1/registrations/manage/cancel | anyone with the mailed token | TokenBody | ManagedRegistration |
// | GET    | /api/v1/registrations/{registrationId}/qr.svg | the person, manager, or ?token= | TokenQuery (optional) | image/svg+xml |
// | GET    | /api/v1/me/events | logged in | MyEventsQuery | MyEventList |
// | GET    | /api/v1/me/calendar | logged in | – | CalendarFeed (creates the token on first call) |
// | POST   | /api/v1/me/calendar | logged in | – | CalendarFeed (a new token: the old URL stops working) |
// | GET    | /api/v1/events/trusted-organisers | staff | – | TrustedOrganiserList |
// | PUT    | /api/v1/events/trusted-organisers/{slug} | staff | TrustBody | TrustedOrganiserList |
// | GET    | /api/v1/organizations/{slug}/events | anyone | – | OrganisationEvents |
// | GET    | /calendar/events.ics | anyone | – | text/calendar (public published events) |
// | GET    | /calendar/programmes/{slug}.ics | anyone | – | text/calendar |
// | GET    | /calendar/me/{token}.ics | anyone with the token | – | text/calendar (the person's registrations) |
//
// Decisions worth knowing:
// - A guest registration is `pending` until the emailed link is opened and holds no seat; the seat (or
//   waitlist place) is decided at confirmation. Pending guests asking again get the mail again (200).
// - `status: 'published'` on create means "publish if you may": organisations that are not trusted get
//   `proposed` instead, and the response says so.
// - The QR code holds the check-in code alone (12 characters, A–Z 2–9), which is what the scanner posts.
// - Error codes: ALREADY_REGISTERED, SEAT_LIMIT_REACHED, REGISTRATION_CLOSED (409), NOT_ELIGIBLE (403),
//   plus the usual VALIDATION_FAILED (400 with details.fields), INVALID_STATE (409), INVALID_TOKEN (400).
import { z } from 'zod';
import { EmailSchema, LocaleSchema, PersonNameSchema } from './auth.js';
import {
  ATTENDANCE_MODES,
  EVENT_AUDIENCES,
  EVENT_FORMATS,
  EVENT_KINDS,
  EVENT_QUESTIONS,
  EVENT_STATUSES,
  REGISTRATION_STATUSES,
} from './events-constants.js';

export * from './events-constants.js';

export const EventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKindSchema>;
export const EventFormatSchema = z.enum(EVENT_FORMATS);
export type EventFormat = z.infer<typeof EventFormatSchema>;
export const EventStatusSchema = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatusSchema>;
export const EventAudienceSchema = z.enum(EVENT_AUDIENCES);
export type EventAudience = z.infer<typeof EventAudienceSchema>;
export const RegistrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;
export const AttendanceModeSchema = z.enum(ATTENDANCE_MODES);
export type AttendanceMode = z.infer<typeof AttendanceModeSchema>;
export const EventQuestionSchema = z.enum(EVENT_QUESTIONS);
export type EventQuestion = z.infer<typeof EventQuestionSchema>;

/** Translatable text: language code → text. Italian is required where the text is required. */
export const EventText = z.record(z.string().regex(/^[a-z]{2}$/), z.string().max(20_000));
export type EventText = z.infer<typeof EventText>;
const requiredText = (max: number) =>
  z
    .record(z.string().regex(/^[a-z]{2}$/), z.string().trim().max(max))
    .refine((d) => (d.it ?? '').trim().length > 0, { message: 'Italian text required', path: ['it'] });

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
export const TimeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, { message: 'unknown time zone' });
/** An instant with an explicit offset, e.g. 2026-05-14T09:30:00+02:00 or …Z. */
const Instant = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();
const Uuid = z.uuid();

/** A repeatable query parameter: `?kind=webinar` gives a string, `?kind=a&kind=b` an array. */
const repeatable = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(50));

// ---------------------------------------------------------------------------------------------------------
// Events

export const VenueSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300).nullable().optional(),
  municipality: z.string().trim().max(120).nullable().optional(),
  /** ISTAT province code (sigla, e.g. "RM"); the region follows from it when regionCode is left out. */
  provinceCode: z.string().trim().max(10).nullable().optional(),
  /** ISTAT region code, e.g. "12". */
  regionCode: z.string().trim().max(10).nullable().optional(),
});
export type VenueInput = z.infer<typeof VenueSchema>;

export const Venue = z.object({
  name: z.string(),
  address: z.string().nullable(),
  municipality: z.string().nullable(),
  provinceCode: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});
export type Venue = z.infer<typeof Venue>;

export const Organiser = z.object({
  kind: z.enum(['network', 'organisation']),
  /** The organisation's slug; null for the network. */
  slug: z.string().nullable(),
  name: z.string(),
});
export type Organiser = z.infer<typeof Organiser>;

export const EventProgramme = z.object({ slug: z.string(), name: z.string() });

/** Seats: null capacity = unlimited; `left` is null when unlimited. */
export const Seats = z.object({
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  left: z.number().int().nullable(),
});
export type Seats = z.infer<typeof Seats>;

export const EventSummary = z.object({
  id: Uuid,
  kind: EventKindSchema,
  format: EventFormatSchema,
  status: EventStatusSchema,
  audience: EventAudienceSchema,
  title: z.record(z.string(), z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  venue: Venue.nullable(),
  organiser: Organiser,
  programme: EventProgramme.nullable(),
  coverUrl: z.string().nullable(),
  /** Seats per way of taking part this event offers (in person for in_person, online for online, both for hybrid). */
  seats: z.object({ inPerson: Seats.nullable(), online: Seats.nullable() }),
  waitlisted: z.number().int(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventMaterial = z.object({
  id: Uuid,
  kind: z.enum(['file', 'link']),
  title: z.string(),
  /** For files: the download URL (GET /api/v1/events/{id}/materials/{materialId}); for links: the link. */
  url: z.string(),
  filename: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: z.string(),
});
export type EventMaterial = z.infer<typeof EventMaterial>;

export const RegistrationAnswers = z.object({
  accessibility: z.string().trim().max(2000).optional(),
  /** The language the person needs interpretation into (ISO 639-1) or free words. */
  interpretation: z.string().trim().max(100).optional(),
  dietary: z.string().trim().max(1000).optional(),
  freeText: z.string().trim().max(4000).optional(),
});
export type RegistrationAnswers = z.infer<typeof RegistrationAnswers>;

/** A registration as the registered person (or a guest with the token) sees it. */
export const MyRegistration = z.object({
  id: Uuid,
  eventId: Uuid,
  status: RegistrationStatusSchema,
  mode: AttendanceModeSchema,
  name: z.string(),
  email: z.string(),
  organisationName: z.string().nullable(),
  answers: RegistrationAnswers,
  /** Only for confirmed or attended registrations. */
  checkInCode: z.string().nullable(),
  /** Relative URL of the QR code SVG (confirmed/attended only; guests add ?token=). */
  qrUrl: z.string().nullable(),
  /** 1-based place in the waitlist of its mode, for waitlisted registrations. */
  waitlistPosition: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  feedbackGiven: z.boolean(),
  createdAt: z.string(),
});
export type MyRegistration = z.infer<typeof MyRegistration>;

export const EventViewer = z.object({
  /** May edit, publish/cancel (within their rights), see registrations, check people in. */
  canManage: z.boolean(),
  /** May publish directly (staff, or a trusted organiser). */
  canPublish: z.boolean(),
  /** Whether the viewer could register now (themself, or as a guest when anonymous). */
  canRegister: z.boolean(),
  /** Why not, when canRegister is false. */
  registerBlocked: z
    .enum(['not_published', 'cancelled', 'ended', 'not_open_yet', 'closed', 'audience', 'already_registered'])
    .nullable(),
  /** Guests may register (public events only). */
  guestsAllowed: z.boolean(),
  registration: MyRegistration.nullable(),
  /** Colleagues this person registered. */
  colleagueRegistrations: z.array(MyRegistration),
});
export type EventViewer = z.infer<typeof EventViewer>;

export const EventDetail = EventSummary.extend({
  description: z.record(z.string(), z.string()),
  /** Only for confirmed participants and managers; null otherwise. */
  onlineUrl: z.string().nullable(),
  maxPerOrganisation: z.number().int().nullable(),
  questions: z.array(EventQuestionSchema),
  freeTextPrompt: z.record(z.string(), z.string()).nullable(),
  materials: z.array(EventMaterial),
  /** Managers only (empty for others). */
  invitedEmails: z.array(z.string()),
  viewer: EventViewer,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDetail = z.infer<typeof EventDetail>;

const EventFields = {
  kind: EventKindSchema,
  format: EventFormatSchema,
  title: requiredText(200),
  description: EventText.default({}),
  startsAt: Instant,
  endsAt: Instant,
  timeZone: TimeZoneSchema.default('Europe/Rome'),
  venue: VenueSchema.nullable().optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
  capacityInPerson: z.number().int().min(1).max(100_000).nullable().optional(),
  capacityOnline: z.number().int().min(1).max(100_000).nullable().optional(),
  registrationOpensAt: Instant.nullable().optional(),
  registrationClosesAt: Instant.nullable().optional(),
  audience: EventAudienceSchema.default('public'),
  /** Required when audience is 'programme'; otherwise optional link to a programme. */
  programmeSlug: z.string().min(1).max(200).nullable().optional(),
  /** Emails invited (audience 'invitation'); staff only. */
  invitedEmails: z.array(EmailSchema).max(5000).optional(),
  maxPerOrganisation: z.number().int().min(1).max(10_000).nullable().optional(),
  questions: z.array(EventQuestionSchema).max(4).default([]),
  freeTextPrompt: z
    .record(z.string().regex(/^[a-z]{2}$/), z.string().trim().max(500))
    .nullable()
    .optional(),
  /** From POST /api/v1/events/covers. */
  coverFileId: Uuid.nullable().optional(),
};

export const CreateEventBody = z.object({
  ...EventFields,
  /** Null or absent: the network organises (staff only). */
  organiserSlug: z.string().min(1).max(200).nullable().optional(),
  status: z.enum(['draft', 'proposed', 'published']).default('draft'),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;
export type CreateEventInput = z.input<typeof CreateEventBody>;

/** Every field optional; null clears an optional field. The organiser cannot change. */
export const UpdateEventBody = z.object({
  kind: EventFields.kind.optional(),
  format: EventFields.format.optional(),
  title: EventFields.title.optional(),
  description: EventText.optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  timeZone: TimeZoneSchema.optional(),
  venue: EventFields.venue,
  onlineUrl: EventFields.onlineUrl,
  capacityInPerson: EventFields.capacityInPerson,
  capacityOnline: EventFields.capacityOnline,
  registrationOpensAt: EventFields.registrationOpensAt,
  registrationClosesAt: EventFields.registrationClosesAt,
  audience: EventAudienceSchema.optional(),
  programmeSlug: EventFields.programmeSlug,
  invitedEmails: EventFields.invitedEmails,
  maxPerOrganisation: EventFields.maxPerOrganisation,
  questions: z.array(EventQuestionSchema).max(4).optional(),
  freeTextPrompt: EventFields.freeTextPrompt,
  coverFileId: EventFields.coverFileId,
});
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const EventStatusBody = z.object({
  status: EventStatusSchema,
  note: z.string().trim().max(4000).optional(),
});
export type EventStatusBody = z.infer<typeof EventStatusBody>;

export const CoverUploaded = z.object({ fileId: Uuid, url: z.string() });
export type CoverUploaded = z.infer<typeof CoverUploaded>;

export const EventListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: repeatable(EventKindSchema),
  format: repeatable(EventFormatSchema),
  region: repeatable(z.string().max(10)),
  /** Programme slug. */
  programme: z.string().max(200).optional(),
  /** 'network' or an organisation slug. */
  organiser: z.string().max(200).optional(),
  /** Default published. Other statuses: staff see all; others only their own organisations' events. */
  status: repeatable(EventStatusSchema),
  /** upcoming (not ended yet, soonest first), past (latest first), all (soonest first). */
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  /** Dates (inclusive) in Europe/Rome. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type EventListQuery = z.infer<typeof EventListQuery>;
export type EventListQueryInput = z.input<typeof EventListQuery>;

export const EventList = z.object({ items: z.array(EventSummary), nextCursor: z.string().nullable() });
export type EventList = z.infer<typeof EventList>;

export const EventMonthQuery = EventListQuery.omit({
  when: true,
  from: true,
  to: true,
  cursor: true,
  limit: true,
}).extend({
  /** YYYY-MM */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});
export type EventMonthQuery = z.infer<typeof EventMonthQuery>;

/** Events overlapping the month (in Europe/Rome), soonest first, at most 500. */
export const EventMonth = z.object({
  month: z.string(),
  items: z.array(EventSummary),
  truncated: z.boolean(),
});
export type EventMonth = z.infer<typeof EventMonth>;

// ---------------------------------------------------------------------------------------------------------
// Registrations

export const RegisterBody = z.object({
  /** Logged in: register this colleague (a person of one of your organisations) instead of yourself. */
  forUserId: Uuid.optional(),
  /** Logged in: the organisation you take part for (default: your only/first organisation). */
  organisationId: Uuid.optional(),
  /** Anonymous only: the guest (public events). */
  guest: z
    .object({
      name: PersonNameSchema,
      email: EmailSchema,
      locale: LocaleSchema.default('it'),
      /** Free text: the body the guest comes from. */
      organisationName: z.string().trim().max(200).optional(),
      regionCode: z.string().trim().max(10).optional(),
    })
    .optional(),
  /** Required for hybrid events; otherwise follows the format. */
  mode: AttendanceModeSchema.optional(),
  answers: RegistrationAnswers.default({}),
});
export type RegisterBody = z.infer<typeof RegisterBody>;
export type RegisterInput = z.input<typeof RegisterBody>;

export const RegisterResult = z.object({
  /**
   * The registration of a person logged in. Null for guests: they get the same answer whatever the
   * address already has (the mailbox's owner gets the news by mail), so nothing leaks about it.
   */
  registration: MyRegistration.nullable(),
  /** True when a guest must open the emailed link first (always, for guests). */
  needsEmailConfirmation: z.boolean(),
});
export type RegisterResult = z.infer<typeof RegisterResult>;

/** A registration as managers see it. */
export const RegistrationRow = z.object({
  id: Uuid,
  status: RegistrationStatusSchema,
  mode: AttendanceModeSchema,
  name: z.string(),
  email: z.string(),
  userId: Uuid.nullable(),
  guest: z.boolean(),
  walkIn: z.boolean(),
  organisationName: z.string().nullable(),
  organisationSlug: z.string().nullable(),
  regionName: z.string().nullable(),
  answers: RegistrationAnswers,
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RegistrationRow = z.infer<typeof RegistrationRow>;

export const RegistrationListQuery = z.object({
  status: repeatable(RegistrationStatusSchema),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

export const RegistrationList = z.object({
  items: z.array(RegistrationRow),
  nextCursor: z.string().nullable(),
  counts: z.record(RegistrationStatusSchema, z.number().int()),
});
export type RegistrationList = z.infer<typeof RegistrationList>;

/** Managers: mark attendance by hand (attended / no_show / back to confirmed). */
export const RegistrationStatusBody = z.object({ status: z.enum(['confirmed', 'attended', 'no_show']) });
export type RegistrationStatusBody = z.infer<typeof RegistrationStatusBody>;

export const TokenBody = z.object({ token: z.string().min(16).max(200) });
export type TokenBody = z.infer<typeof TokenBody>;
export const TokenQuery = z.object({ token: z.string().min(16).max(200).optional() });

/** What a link from a mail shows: the event and the registration (with QR and online link when confirmed). */
export const ManagedRegistration = z.object({
  event: EventSummary,
  onlineUrl: z.string().nullable(),
  registration: MyRegistration,
  /** The token to pass on (cancel, QR, feedback). */
  token: z.string(),
});
export type ManagedRegistration = z.infer<typeof ManagedRegistration>;

export const MyEventsQuery = z.object({ when: z.enum(['upcoming', 'past']).default('upcoming') });
export const MyEventList = z.object({
  items: z.array(z.object({ event: EventSummary, registration: MyRegistration })),
});
export type MyEventList = z.infer<typeof MyEventList>;

export const CalendarFeed = z.object({ url: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

// ---------------------------------------------------------------------------------------------------------
// Check-in

export const CheckinSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const CheckinCandidate = z.object({
  registrationId: Uuid,
  name: z.string(),
  organisationName: z.string().nullable(),
  status: RegistrationStatusSchema,
  mode: AttendanceModeSchema,
  checkedInAt: z.string().nullable(),
});
export type CheckinCandidate = z.infer<typeof CheckinCandidate>;
export const CheckinSearch = z.object({
  items: z.array(CheckinCandidate),
  /** Seats taken (confirmed + attended + no_show) and attended so far. */
  expected: z.number().int(),
  checkedIn: z.number().int(),
});
export type CheckinSearch = z.infer<typeof CheckinSearch>;

/** Either the scanned code or the id picked from the name search. */
export const CheckinBody = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z2-9]{12}$/, 'a 12-character check-in code')
      .optional(),
    registrationId: Uuid.optional(),
  })
  .refine((b) => (b.code ? 1 : 0) + (b.registrationId ? 1 : 0) === 1, {
    message: 'give either code or registrationId',
    path: ['code'],
  });
export type CheckinBody = z.infer<typeof CheckinBody>;

export const CheckinResult = z.object({
  registration: CheckinCandidate,
  /** True when this person had already been checked in (at registration.checkedInAt). */
  alreadyCheckedIn: z.boolean(),
});
export type CheckinResult = z.infer<typeof CheckinResult>;

export const WalkInBody = z.object({
  name: PersonNameSchema,
  email: EmailSchema.optional(),
  organisationName: z.string().trim().max(200).optional(),
  /** A member organisation the person comes from (takes precedence over organisationName). */
  organisationSlug: z.string().max(200).optional(),
  regionCode: z.string().trim().max(10).optional(),
  mode: AttendanceModeSchema.default('in_person'),
});
export type WalkInBody = z.infer<typeof WalkInBody>;

export const NoShowsResult = z.object({ marked: z.number().int() });

// ---------------------------------------------------------------------------------------------------------
// After the event

const Breakdown = z.array(
  z.object({
    key: z.string(),
    /** Organisation name, kind code or region name; null key = unknown/none. */
    label: z.string().nullable(),
    registered: z.number().int(),
    attended: z.number().int(),
  }),
);
export const EventFigures = z.object({
  /** Every registration that is not cancelled or pending. */
  registered: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  pending: z.number().int(),
  cancelled: z.number().int(),
  attended: z.number().int(),
  noShow: z.number().int(),
  walkIns: z.number().int(),
  byOrganisation: Breakdown,
  byKind: Breakdown,
  byRegion: Breakdown,
  byMode: Breakdown,
});
export type EventFigures = z.infer<typeof EventFigures>;

export const MaterialLinkBody = z.object({
  title: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
});
export type MaterialLinkBody = z.infer<typeof MaterialLinkBody>;

export const FeedbackBody = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(4000).optional(),
  /** Guests: the token of their registration link. */
  token: z.string().min(16).max(200).optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const FeedbackSummary = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  /** Ratings 1..5 → how many. */
  distribution: z.record(z.string(), z.number().int()),
  comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), createdAt: z.string() })),
});
export type FeedbackSummary = z.infer<typeof FeedbackSummary>;

// ---------------------------------------------------------------------------------------------------------
// Organisers

export const TrustedOrganiserList = z.object({
  items: z.array(z.object({ slug: z.string(), name: z.string(), trustedAt: z.string() })),
});
export type TrustedOrganiserList = z.infer<typeof TrustedOrganiserList>;
export const TrustBody = z.object({ trusted: z.boolean() });

export const OrganisationEvents = z.object({
  items: z.array(EventSummary.extend({ attended: z.number().int() })),
  /** Published local events organised (all time) and people who attended them. */
  totalEvents: z.number().int(),
  totalReached: z.number().int(),
});
export type OrganisationEvents = z.infer<typeof OrganisationEvents>;
