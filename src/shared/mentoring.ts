// Schemas of the mentoring module (accompaniment and supervision engagements, sessions with private
// notes, follow-up actions, session requests), shared by server routes and web forms.
//
// | method | path | who | request | response |
// | GET    | /api/v1/mentoring/engagements | logged in (own; staff all) | EngagementListQuery | EngagementList |
// | POST   | /api/v1/mentoring/engagements | staff, expert (as mentor) | CreateEngagementBody | EngagementDetail (201) |
// | GET    | /api/v1/mentoring/engagements/{id} | mentor, organisation's members, staff | – | EngagementDetail |
// | PATCH  | /api/v1/mentoring/engagements/{id} | mentor, staff | UpdateEngagementBody | EngagementDetail |
// | POST   | /api/v1/mentoring/engagements/{id}/participants | mentor, org admin, staff | ParticipantBody | EngagementDetail |
// | DELETE | /api/v1/mentoring/engagements/{id}/participants/{userId} | mentor, org admin, staff | – | EngagementDetail |
// | GET    | /api/v1/mentoring/engagements/{id}/candidates | mentor, org admin, staff | – | CandidateList |
// | GET    | /api/v1/mentoring/engagements/{id}/sessions | as the engagement | – | SessionList |
// | POST   | /api/v1/mentoring/engagements/{id}/sessions | mentor, staff | SessionBody | MentoringSession (201) |
// | PATCH  | /api/v1/mentoring/engagements/{id}/sessions/{sessionId} | mentor, staff | UpdateSessionBody | MentoringSession |
// | GET    | /api/v1/mentoring/engagements/{id}/requests | as the engagement | – | RequestList |
// | POST   | /api/v1/mentoring/engagements/{id}/requests | org admin/operator, participants | RequestBody | SessionRequest (201) |
// | POST   | /api/v1/mentoring/engagements/{id}/requests/{requestId}/decline | mentor, staff | DeclineBody | SessionRequest |
// | GET    | /api/v1/mentoring/engagements/{id}/actions | as the engagement | – | ActionList |
// | POST   | /api/v1/mentoring/engagements/{id}/actions | mentor, staff | ActionBody | MentoringAction (201) |
// | PATCH  | /api/v1/mentoring/engagements/{id}/actions/{actionId} | owner, mentor, staff | UpdateActionBody | MentoringAction |
// | GET    | /api/v1/mentoring/actions | logged in (visible engagements) | ActionListQuery (?overdue=true) | ActionList |
// | GET    | /api/v1/mentoring/sessions | logged in (visible engagements) | SessionListQuery (?upcoming=true) | SessionList |
//
// Decisions worth knowing:
// - Who sees what: the mentor, the engagement's participants and staff see everything, including a
//   session's notes, strengths and critical issues (`private`); other members of the organisation see
//   the engagement, its sessions (without `private`), requests and actions; anyone else gets 404.
// - An action is overdue when open and its due date is before today in the network's time zone
//   (MENTORING_TIME_ZONE). The owner is told once: when it becomes overdue (hourly job) or at once when
//   it is created already overdue.
import { z } from 'zod';

export const MENTORING_TIME_ZONE = 'Europe/Rome';
export const PURPOSES = ['accompaniment', 'supervision', 'mentoring'] as const;
export const SUBJECT_KINDS = ['organisation', 'project', 'consortium', 'territorial_team'] as const;
export const ENGAGEMENT_STATUSES = ['active', 'closed'] as const;
export const SESSION_FORMATS = ['on_site', 'online'] as const;
export const ACTION_STATUSES = ['open', 'done'] as const;
export const REQUEST_STATUSES = ['open', 'scheduled', 'declined'] as const;

export const PurposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof PurposeSchema>;
export const SubjectKindSchema = z.enum(SUBJECT_KINDS);
export type SubjectKind = z.infer<typeof SubjectKindSchema>;
export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);
export type EngagementStatus = z.infer<typeof EngagementStatusSchema>;
export const SessionFormatSchema = z.enum(SESSION_FORMATS);
export type SessionFormat = z.infer<typeof SessionFormatSchema>;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const MENTORING_WEB_PATHS = {
  engagement: (id: string) => `/mentoring/${id}`,
  staff: '/staff/mentoring',
} as const;

const Uuid = z.uuid();
const Instant = z.iso.datetime({ offset: true });
const Day = z.iso.date();
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: 'unknown time zone' });
const LongText = z.string().trim().max(20_000);
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));
const Limit = z.coerce.number().int().min(1).max(100).default(20);

const Person = z.object({ id: Uuid, name: z.string() });
export type Person = z.infer<typeof Person>;

// ---------------------------------------------------------------------------------------------------------
// Engagements

export const CreateEngagementBody = z
  .object({
    organisationId: Uuid,
    /** Staff may name another expert or staff member; an expert is always the mentor of what they create. */
    mentorUserId: Uuid.optional(),
    purpose: PurposeSchema,
    subjectKind: SubjectKindSchema.default('organisation'),
    /** Name of the project, consortium or territorial team, when the engagement is about one. */
    subjectName: z.string().trim().max(200).nullable().default(null),
    startsOn: Day,
    endsOn: Day.nullable().default(null),
    participantIds: z.array(Uuid).max(50).default([]),
  })
  .refine((b) => b.subjectKind === 'organisation' || (b.subjectName ?? '').length > 0, {
    message: 'name the project, consortium or team',
    path: ['subjectName'],
  })
  .refine((b) => !b.endsOn || b.endsOn >= b.startsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
  });
export type CreateEngagementBody = z.infer<typeof CreateEngagementBody>;
export type CreateEngagementInput = z.input<typeof CreateEngagementBody>;

export const UpdateEngagementBody = z.object({
  purpose: PurposeSchema.optional(),
  subjectKind: SubjectKindSchema.optional(),
  subjectName: z.string().trim().max(200).nullable().optional(),
  startsOn: Day.optional(),
  endsOn: Day.nullable().optional(),
  status: EngagementStatusSchema.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type UpdateEngagementBody = z.infer<typeof UpdateEngagementBody>;

export const ParticipantBody = z.object({ userId: Uuid });
export type ParticipantBody = z.infer<typeof ParticipantBody>;

export const EngagementListQuery = z.object({
  status: EngagementStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: Limit,
});
export type EngagementListQuery = z.infer<typeof EngagementListQuery>;

export const EngagementSummary = z.object({
  id: Uuid,
  organisation: z.object({ id: Uuid, name: z.string(), slug: z.string() }),
  mentor: Person,
  purpose: PurposeSchema,
  subjectKind: SubjectKindSchema,
  subjectName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: EngagementStatusSchema,
  nextSessionAt: z.string().nullable(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  openRequests: z.number().int(),
  createdAt: z.string(),
});
export type EngagementSummary = z.infer<typeof EngagementSummary>;

export const EngagementList = z.object({
  items: z.array(EngagementSummary),
  nextCursor: z.string().nullable(),
});
export type EngagementList = z.infer<typeof EngagementList>;

export const Candidate = z.object({ id: Uuid, name: z.string(), role: z.string(), participant: z.boolean() });
export const CandidateList = z.object({ items: z.array(Candidate) });
export type CandidateList = z.infer<typeof CandidateList>;

// ---------------------------------------------------------------------------------------------------------
// Sessions and actions

const ActionInput = z.object({
  text: z.string().trim().min(2).max(1000),
  ownerUserId: Uuid,
  dueOn: Day,
});

const SessionFields = {
  startsAt: Instant,
  timeZone: TimeZone.default(MENTORING_TIME_ZONE),
  durationMinutes: z.number().int().min(15).max(600).default(60),
  format: SessionFormatSchema,
  /** Address on site, or the meeting link online. */
  location: z.string().trim().max(500).default(''),
  participantIds: z.array(Uuid).max(50).default([]),
  notes: LongText.default(''),
  strengths: LongText.default(''),
  criticalIssues: LongText.default(''),
};

export const SessionBody = z.object({
  ...SessionFields,
  actions: z.array(ActionInput).max(30).default([]),
  /** The request this session answers: it becomes "scheduled". */
  requestId: Uuid.optional(),
});
export type SessionBody = z.infer<typeof SessionBody>;
export type SessionInput = z.input<typeof SessionBody>;

export const UpdateSessionBody = z.object({
  startsAt: Instant.optional(),
  timeZone: TimeZone.optional(),
  durationMinutes: z.number().int().min(15).max(600).optional(),
  format: SessionFormatSchema.optional(),
  location: z.string().trim().max(500).optional(),
  participantIds: z.array(Uuid).max(50).optional(),
  notes: LongText.optional(),
  strengths: LongText.optional(),
  criticalIssues: LongText.optional(),
});
export type UpdateSessionBody = z.infer<typeof UpdateSessionBody>;

export const MentoringSession = z.object({
  id: Uuid,
  engagementId: Uuid,
  organisationName: z.string(),
  mentor: Person,
  startsAt: z.string(),
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  format: SessionFormatSchema,
  location: z.string(),
  participants: z.array(Person),
  requestId: Uuid.nullable(),
  /** Null for whoever may not see notes: members of the organisation who are not participants. */
  private: z.object({ notes: z.string(), strengths: z.string(), criticalIssues: z.string() }).nullable(),
  createdAt: z.string(),
});
export type MentoringSession = z.infer<typeof MentoringSession>;

export const SessionListQuery = z.object({
  /** true (default): from now on, soonest first; false: past sessions, latest first. */
  upcoming: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v !== 'false'),
  cursor: z.string().max(200).optional(),
  limit: Limit,
});
export type SessionListQuery = z.infer<typeof SessionListQuery>;
export const SessionList = z.object({ items: z.array(MentoringSession), nextCursor: z.string().nullable() });
export type SessionList = z.infer<typeof SessionList>;

export const ActionBody = ActionInput.extend({ sessionId: Uuid.optional() });
export type ActionBody = z.infer<typeof ActionBody>;
export const UpdateActionBody = z.object({ status: ActionStatusSchema });
export type UpdateActionBody = z.infer<typeof UpdateActionBody>;

export const MentoringAction = z.object({
  id: Uuid,
  engagementId: Uuid,
  organisationName: z.string(),
  sessionId: Uuid.nullable(),
  text: z.string(),
  owner: Person,
  dueOn: z.string(),
  status: ActionStatusSchema,
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MentoringAction = z.infer<typeof MentoringAction>;

export const ActionListQuery = z.object({
  overdue: flag,
  status: ActionStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: Limit,
});
export type ActionListQuery = z.infer<typeof ActionListQuery>;
export const ActionList = z.object({ items: z.array(MentoringAction), nextCursor: z.string().nullable() });
export type ActionList = z.infer<typeof ActionList>;

// ---------------------------------------------------------------------------------------------------------
// Requests

export const RequestBody = z.object({
  topic: z.string().trim().min(3).max(500),
  preferredDates: z.array(Day).min(1).max(5),
  note: z.string().trim().max(2000).default(''),
});
export type RequestBody = z.infer<typeof RequestBody>;
export type RequestInput = z.input<typeof RequestBody>;
export const DeclineBody = z.object({ reason: z.string().trim().max(2000).default('') });
export type DeclineBody = z.infer<typeof DeclineBody>;

export const SessionRequest = z.object({
  id: Uuid,
  engagementId: Uuid,
  topic: z.string(),
  preferredDates: z.array(z.string()),
  note: z.string(),
  status: RequestStatusSchema,
  requestedBy: Person,
  sessionId: Uuid.nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export type SessionRequest = z.infer<typeof SessionRequest>;
export const RequestList = z.object({ items: z.array(SessionRequest) });
export type RequestList = z.infer<typeof RequestList>;

// ---------------------------------------------------------------------------------------------------------
// Engagement page

export const TIMELINE_KINDS = [
  'session',
  'request',
  'action',
  'action_done',
  'created',
  'status',
  'participant_added',
  'participant_removed',
  'request_declined',
] as const;

export const TimelineItem = z.object({
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  refId: z.string().nullable(),
  text: z.string(),
  actorName: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const EngagementDetail = EngagementSummary.extend({
  participants: z.array(Person),
  sessions: z.array(MentoringSession),
  requests: z.array(SessionRequest),
  actions: z.array(MentoringAction),
  timeline: z.array(TimelineItem),
  can: z.object({
    manage: z.boolean(),
    seePrivate: z.boolean(),
    editParticipants: z.boolean(),
    request: z.boolean(),
  }),
});
export type EngagementDetail = z.infer<typeof EngagementDetail>;
