// Schemas of the trainings module (courses made of sessions, enrolment with waitlist, attendance hours,
// completion and certificates), shared by server routes and web forms.
//
// | method | path | who | request | response |
// | GET    | /api/v1/courses | anyone (published); staff with ?status= | CourseListQuery | CourseList |
// | POST   | /api/v1/courses | staff | CreateCourseBody | CourseDetail (201) |
// | GET    | /api/v1/courses/{id} | anyone when published; staff always | – | CourseDetail |
// | PATCH  | /api/v1/courses/{id} | staff | UpdateCourseBody | CourseDetail |
// | POST   | /api/v1/courses/{id}/status | staff | CourseStatusBody | CourseDetail |
// | GET    | /api/v1/courses/{id}/audit | staff | – | AuditList (shared/audit.ts) |
// | GET    | /api/v1/courses/{id}/sessions | as the course | – | CourseSessionList |
// | POST   | /api/v1/courses/{id}/sessions | staff | SessionBody | CourseSession (201) |
// | PATCH  | /api/v1/courses/{id}/sessions/{sessionId} | staff | UpdateSessionBody | CourseSession |
// | DELETE | /api/v1/courses/{id}/sessions/{sessionId} | staff (no attendance recorded yet) | – | 204 |
// | PUT    | /api/v1/courses/{id}/sessions/{sessionId}/attendance/{enrolmentId} | staff | AttendanceBody | EnrolmentRow |
// | GET    | /api/v1/courses/{id}/enrolments | staff | EnrolmentListQuery | EnrolmentList |
// | POST   | /api/v1/courses/{id}/enrolments | logged in (self or a colleague) | EnrolBody | MyEnrolment (201) |
// | POST   | /api/v1/courses/{id}/enrolments/{enrolmentId}/cancel | the person, who enrolled them, staff | – | MyEnrolment |
// | POST   | /api/v1/courses/{id}/enrolments/{enrolmentId}/certificate | the person, staff (only when complete) | – | CertificateInfo |
// | GET    | /api/v1/courses/{id}/completion | staff | – | CourseCompletion |
// | GET    | /api/v1/courses/{id}/enrolments.csv, .xlsx | staff | – | file |
// | GET    | /api/v1/me/courses | logged in | – | MyCourseList |
// | GET    | /api/v1/certificates/{code} | anyone | – | CertificateVerification (404 when unknown) |
// | GET    | /api/v1/certificates/{code}/certificate.pdf | the holder, staff | ?lang= | application/pdf |
// | POST   | /api/v1/certificates/{code}/revoke | staff | RevokeBody | CertificateVerification |
//
// Decisions worth knowing:
// - Each session is an event of kind `training_session` (audience "invitation", so only staff and the
//   enrolled see it, in their calendar and their private iCalendar feed). Enrolled people are registered
//   to every session event by this module; attendance lives ONLY in those event registrations
//   (attended / no_show), so the events check-in by QR code or name counts towards the course too.
// - Completion: hours of attended sessions / hours of all sessions ≥ the course's threshold.
import { z } from 'zod';
import { LocaleSchema } from './auth.js';

export const COURSE_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const COURSE_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export const COURSE_AUDIENCES = ['operators', 'public_officials', 'territorial_teams'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const;
export const SESSION_ATTENDANCE = ['attended', 'absent', 'unmarked'] as const;

export const CourseStatusSchema = z.enum(COURSE_STATUSES);
export type CourseStatus = z.infer<typeof CourseStatusSchema>;
export const CourseFormatSchema = z.enum(COURSE_FORMATS);
export type CourseFormat = z.infer<typeof CourseFormatSchema>;
export const CourseAudienceSchema = z.enum(COURSE_AUDIENCES);
export type CourseAudience = z.infer<typeof CourseAudienceSchema>;
export const EnrolmentStatusSchema = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatusSchema>;
export const SessionAttendanceSchema = z.enum(SESSION_ATTENDANCE);
export type SessionAttendance = z.infer<typeof SessionAttendanceSchema>;

/** Web paths the server puts in mails. */
export const COURSE_WEB_PATHS = {
  course: (id: string) => `/courses/${id}`,
  certificate: (code: string) => `/certificates/${encodeURIComponent(code)}`,
} as const;

const Uuid = z.uuid();
const Instant = z.iso.datetime({ offset: true });
const Text = (max: number) => z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().max(max));
const requiredText = (max: number) =>
  Text(max).refine((d) => (d.it ?? '').trim().length > 0, { message: 'Italian text required', path: ['it'] });
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: 'unknown time zone' });
/** Hours in quarters of an hour, up to a long day. */
const Hours = z
  .number()
  .min(0.25)
  .max(24)
  .refine((h) => Number.isInteger(h * 4), { message: 'use quarters of an hour (e.g. 2.5)' });

// ---------------------------------------------------------------------------------------------------------
// Courses

const CourseFields = {
  title: requiredText(200),
  description: Text(20_000).default({}),
  programme: Text(20_000).default({}),
  audiences: z.array(CourseAudienceSchema).max(3).default([]),
  format: CourseFormatSchema,
  /** Null: no limit. */
  seats: z.number().int().min(1).max(10_000).nullable().default(null),
  enrolmentOpensAt: Instant.nullable().default(null),
  enrolmentClosesAt: Instant.nullable().default(null),
  /** Share of the hours to attend for completion, e.g. 0.75. */
  completionThreshold: z.number().min(0.05).max(1).default(0.75),
};

export const CreateCourseBody = z
  .object({ ...CourseFields, status: z.enum(['draft', 'published']).default('draft') })
  .refine(
    (b) =>
      !b.enrolmentOpensAt ||
      !b.enrolmentClosesAt ||
      Date.parse(b.enrolmentClosesAt) > Date.parse(b.enrolmentOpensAt),
    { message: 'must be after enrolmentOpensAt', path: ['enrolmentClosesAt'] },
  );
export type CreateCourseBody = z.infer<typeof CreateCourseBody>;
export type CreateCourseInput = z.input<typeof CreateCourseBody>;

export const UpdateCourseBody = z.object({
  title: CourseFields.title.optional(),
  description: Text(20_000).optional(),
  programme: Text(20_000).optional(),
  audiences: z.array(CourseAudienceSchema).max(3).optional(),
  format: CourseFormatSchema.optional(),
  seats: z.number().int().min(1).max(10_000).nullable().optional(),
  enrolmentOpensAt: Instant.nullable().optional(),
  enrolmentClosesAt: Instant.nullable().optional(),
  completionThreshold: z.number().min(0.05).max(1).optional(),
});
export type UpdateCourseBody = z.infer<typeof UpdateCourseBody>;

export const CourseStatusBody = z.object({
  status: CourseStatusSchema,
  note: z.string().trim().max(4000).optional(),
});
export type CourseStatusBody = z.infer<typeof CourseStatusBody>;

export const CourseSummary = z.object({
  id: Uuid,
  status: CourseStatusSchema,
  title: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  audiences: z.array(CourseAudienceSchema),
  format: CourseFormatSchema,
  seats: z.number().int().nullable(),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  seatsLeft: z.number().int().nullable(),
  totalHours: z.number(),
  sessionCount: z.number().int(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  enrolmentOpensAt: z.string().nullable(),
  enrolmentClosesAt: z.string().nullable(),
  completionThreshold: z.number(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;

export const CourseListQuery = z.object({
  /** Staff only: any status; others always see published courses. */
  status: CourseStatusSchema.optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type CourseListQuery = z.infer<typeof CourseListQuery>;
export type CourseListQueryInput = z.input<typeof CourseListQuery>;
export const CourseList = z.object({ items: z.array(CourseSummary), nextCursor: z.string().nullable() });
export type CourseList = z.infer<typeof CourseList>;

export const SessionVenue = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300).nullable().optional(),
  municipality: z.string().trim().max(120).nullable().optional(),
  provinceCode: z.string().trim().max(10).nullable().optional(),
  regionCode: z.string().trim().max(10).nullable().optional(),
});

export const CourseSession = z.object({
  id: Uuid,
  eventId: Uuid,
  title: z.record(z.string(), z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  hours: z.number(),
  format: CourseFormatSchema,
  venue: z
    .object({
      name: z.string(),
      address: z.string().nullable(),
      municipality: z.string().nullable(),
      provinceCode: z.string().nullable(),
      regionCode: z.string().nullable(),
    })
    .nullable(),
  /** Only for staff and the enrolled. */
  onlineUrl: z.string().nullable(),
  cancelled: z.boolean(),
});
export type CourseSession = z.infer<typeof CourseSession>;
export const CourseSessionList = z.object({ items: z.array(CourseSession) });
export type CourseSessionList = z.infer<typeof CourseSessionList>;

export const SessionBody = z.object({
  /** Defaults to the course title. */
  title: Text(200).optional(),
  startsAt: Instant,
  endsAt: Instant,
  timeZone: TimeZone.default('Europe/Rome'),
  hours: Hours,
  format: CourseFormatSchema,
  venue: SessionVenue.nullable().optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
});
export type SessionBody = z.infer<typeof SessionBody>;
export type SessionInput = z.input<typeof SessionBody>;
export const UpdateSessionBody = z.object({
  title: Text(200).optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.optional(),
  timeZone: TimeZone.optional(),
  hours: Hours.optional(),
  format: CourseFormatSchema.optional(),
  venue: SessionVenue.nullable().optional(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
});
export type UpdateSessionBody = z.infer<typeof UpdateSessionBody>;

// ---------------------------------------------------------------------------------------------------------
// Enrolment, progress, certificates

export const CertificateInfo = z.object({
  code: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  pdfUrl: z.string(),
  verifyPath: z.string(),
});
export type CertificateInfo = z.infer<typeof CertificateInfo>;

export const Progress = z.object({
  attendedHours: z.number(),
  totalHours: z.number(),
  /** attendedHours / totalHours (0 when there are no hours). */
  share: z.number(),
  complete: z.boolean(),
  sessions: z.array(z.object({ sessionId: Uuid, attendance: SessionAttendanceSchema })),
});
export type Progress = z.infer<typeof Progress>;

export const MyEnrolment = z.object({
  id: Uuid,
  courseId: Uuid,
  status: EnrolmentStatusSchema,
  name: z.string(),
  mode: z.enum(['in_person', 'online']),
  organisationName: z.string().nullable(),
  waitlistPosition: z.number().int().nullable(),
  progress: Progress,
  certificate: CertificateInfo.nullable(),
  createdAt: z.string(),
});
export type MyEnrolment = z.infer<typeof MyEnrolment>;

export const CourseViewer = z.object({
  canManage: z.boolean(),
  canEnrol: z.boolean(),
  enrolBlocked: z
    .enum(['not_open', 'closed', 'not_published', 'ended', 'already_enrolled', 'login'])
    .nullable(),
  enrolment: MyEnrolment.nullable(),
  colleagueEnrolments: z.array(MyEnrolment),
});

export const CourseDetail = CourseSummary.extend({
  programme: z.record(z.string(), z.string()),
  sessions: z.array(CourseSession),
  viewer: CourseViewer,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

export const EnrolBody = z.object({
  /** A colleague (who shares a member organisation with you); absent: yourself. */
  forUserId: Uuid.optional(),
  organisationId: Uuid.optional(),
  /** For hybrid courses: how the person attends the hybrid sessions (default in person). */
  mode: z.enum(['in_person', 'online']).optional(),
});
export type EnrolBody = z.infer<typeof EnrolBody>;

export const EnrolmentRow = z.object({
  id: Uuid,
  userId: Uuid.nullable(),
  name: z.string(),
  email: z.string(),
  status: EnrolmentStatusSchema,
  mode: z.enum(['in_person', 'online']),
  organisationName: z.string().nullable(),
  regionName: z.string().nullable(),
  progress: Progress,
  certificate: CertificateInfo.nullable(),
  createdAt: z.string(),
});
export type EnrolmentRow = z.infer<typeof EnrolmentRow>;

export const EnrolmentListQuery = z.object({
  status: EnrolmentStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;
export const EnrolmentList = z.object({
  sessions: z.array(CourseSession),
  items: z.array(EnrolmentRow),
  counts: z.object({ enrolled: z.number().int(), waitlisted: z.number().int(), cancelled: z.number().int() }),
});
export type EnrolmentList = z.infer<typeof EnrolmentList>;

export const AttendanceBody = z.object({ attendance: SessionAttendanceSchema });
export type AttendanceBody = z.infer<typeof AttendanceBody>;

const CompletionGroup = z.object({
  key: z.string(),
  name: z.string(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  /** completed / enrolled, 0..1 */
  rate: z.number(),
});
export const CourseCompletion = z.object({
  totalHours: z.number(),
  threshold: z.number(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  rate: z.number(),
  certificates: z.number().int(),
  averageHours: z.number(),
  byOrganisation: z.array(CompletionGroup),
  byRegion: z.array(CompletionGroup),
});
export type CourseCompletion = z.infer<typeof CourseCompletion>;

export const MyCourseList = z.object({
  items: z.array(z.object({ course: CourseSummary, enrolment: MyEnrolment })),
});
export type MyCourseList = z.infer<typeof MyCourseList>;

export const CertificateVerification = z.object({
  code: z.string(),
  status: z.enum(['valid', 'revoked']),
  holderName: z.string(),
  courseTitle: z.record(z.string(), z.string()),
  courseId: Uuid,
  hoursAttended: z.number(),
  totalHours: z.number(),
  firstSessionAt: z.string().nullable(),
  lastSessionAt: z.string().nullable(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  networkName: z.string(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const CertificateCodeParams = z.object({ code: z.string().trim().min(4).max(40) });
export const RevokeBody = z.object({ reason: z.string().trim().min(1).max(2000) });
export type RevokeBody = z.infer<typeof RevokeBody>;
export const PdfQuery = z.object({ lang: LocaleSchema.optional() });
