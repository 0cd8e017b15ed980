// The Database type: every module's tables, each declared in its own *.table.ts.
import type { Kysely, Transaction } from 'kysely';
import type { JobsTable } from '../jobs/jobs.table.js';
import type { MailOutboxTable } from '../mail/mail.table.js';
import type { AuditLogTable } from '../modules/audit/audit.table.js';
import type {
  AuthAttemptsTable,
  AuthTokensTable,
  SessionsTable,
  UsersTable,
} from '../modules/auth/auth.table.js';
import type {
  EventCalendarTokensTable,
  EventFeedbackTable,
  EventInvitationsTable,
  EventMaterialsTable,
  EventRegistrationsTable,
  EventsTable,
  EventTrustedOrganisersTable,
} from '../modules/events/events.table.js';
import type { FilesTable } from '../modules/files/files.table.js';
import type {
  ForumAttachmentsTable,
  ForumFlagsTable,
  ForumPostRevisionsTable,
  ForumPostsTable,
  ForumReactionsTable,
  ForumReadsTable,
  ForumSpaceMembersTable,
  ForumSpaceModeratorsTable,
  ForumSpacesTable,
  ForumSpaceVisitsTable,
  ForumThreadsTable,
  ForumWatchesTable,
} from '../modules/forum/forum.table.js';
import type { ProvincesTable, RegionsTable } from '../modules/geo/geo.table.js';
import type {
  MentoringActionsTable,
  MentoringEngagementsTable,
  MentoringParticipantsTable,
  MentoringRequestsTable,
  MentoringSessionsTable,
} from '../modules/mentoring/mentoring.table.js';
import type { AppMetaTable } from '../modules/meta/meta.table.js';
import type {
  NewsletterCampaignsTable,
  NewsletterDeliveriesTable,
  NewsletterSubscriptionsTable,
} from '../modules/newsletter/newsletter.table.js';
import type {
  NotificationSettingsTable,
  NotificationsTable,
} from '../modules/notifications/notifications.table.js';
import type {
  ApplicationsTable,
  FieldsOfActivityTable,
  IntroductoryMeetingsTable,
  OrganisationFieldsTable,
  OrganisationMembersTable,
  OrganisationsTable,
} from '../modules/organisations/organisations.table.js';
import type {
  ProgrammeOrganisationsTable,
  ProgrammeStaffTable,
  ProgrammesTable,
} from '../modules/programmes/programmes.table.js';
import type {
  ResourceCollectionItemsTable,
  ResourceCollectionsTable,
  ResourcesTable,
  ResourceVersionsTable,
} from '../modules/resources/resources.table.js';
import type { SearchWordsTable } from '../modules/search/search.table.js';
import type {
  CourseCertificatesTable,
  CourseEnrolmentsTable,
  CourseSessionsTable,
  CoursesTable,
} from '../modules/trainings/trainings.table.js';

export interface Database {
  forum_spaces: ForumSpacesTable;
  forum_space_moderators: ForumSpaceModeratorsTable;
  forum_space_members: ForumSpaceMembersTable;
  forum_threads: ForumThreadsTable;
  forum_posts: ForumPostsTable;
  forum_post_revisions: ForumPostRevisionsTable;
  forum_reactions: ForumReactionsTable;
  forum_flags: ForumFlagsTable;
  forum_attachments: ForumAttachmentsTable;
  forum_reads: ForumReadsTable;
  forum_space_visits: ForumSpaceVisitsTable;
  forum_watches: ForumWatchesTable;
  app_meta: AppMetaTable;
  regions: RegionsTable;
  provinces: ProvincesTable;
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  auth_attempts: AuthAttemptsTable;
  files: FilesTable;
  fields_of_activity: FieldsOfActivityTable;
  organisations: OrganisationsTable;
  organisation_fields: OrganisationFieldsTable;
  organisation_members: OrganisationMembersTable;
  applications: ApplicationsTable;
  introductory_meetings: IntroductoryMeetingsTable;
  programmes: ProgrammesTable;
  programme_staff: ProgrammeStaffTable;
  programme_organisations: ProgrammeOrganisationsTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  jobs: JobsTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  event_invitations: EventInvitationsTable;
  event_materials: EventMaterialsTable;
  event_feedback: EventFeedbackTable;
  event_trusted_organisers: EventTrustedOrganisersTable;
  event_calendar_tokens: EventCalendarTokensTable;
  newsletter_subscriptions: NewsletterSubscriptionsTable;
  newsletter_campaigns: NewsletterCampaignsTable;
  newsletter_deliveries: NewsletterDeliveriesTable;
  courses: CoursesTable;
  course_sessions: CourseSessionsTable;
  course_enrolments: CourseEnrolmentsTable;
  course_certificates: CourseCertificatesTable;
  mentoring_engagements: MentoringEngagementsTable;
  mentoring_participants: MentoringParticipantsTable;
  mentoring_requests: MentoringRequestsTable;
  mentoring_sessions: MentoringSessionsTable;
  mentoring_actions: MentoringActionsTable;
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  resources: ResourcesTable;
  resource_versions: ResourceVersionsTable;
  resource_collections: ResourceCollectionsTable;
  resource_collection_items: ResourceCollectionItemsTable;
  search_words: SearchWordsTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or a transaction: repositories that do not need their own transaction take this. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;
