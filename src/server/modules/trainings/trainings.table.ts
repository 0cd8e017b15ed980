// Tables of the trainings module (see migration 0007_trainings).
import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type Json<T> = ColumnType<T, string | undefined, string>;
/** numeric columns come back from PostgreSQL as strings. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface CoursesTable extends Timestamps {
  id: Generated<string>;
  status: Generated<string>;
  title: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  programme: Json<Record<string, string>>;
  audiences: Generated<string[]>;
  format: string;
  seats: number | null;
  enrolment_opens_at: Date | null;
  enrolment_closes_at: Date | null;
  completion_threshold: Numeric;
  created_by: string | null;
}

export interface CourseSessionsTable extends Timestamps {
  id: Generated<string>;
  course_id: string;
  event_id: string;
  hours: Numeric;
}

export interface CourseEnrolmentsTable extends Timestamps {
  id: Generated<string>;
  course_id: string;
  user_id: string;
  enrolled_by: string | null;
  status: string;
  mode: Generated<string>;
  organisation_id: string | null;
  organisation_name: string | null;
  region_code: string | null;
  queued_at: Generated<Date>;
  enrolled_at: Date | null;
  cancelled_at: Date | null;
  completion_notified_at: Date | null;
}

export interface CourseCertificatesTable extends Timestamps {
  id: Generated<string>;
  code: string;
  enrolment_id: string;
  course_id: string;
  user_id: string;
  holder_name: string;
  course_title: Json<Record<string, string>>;
  hours_attended: Numeric;
  total_hours: Numeric;
  first_session_at: Date | null;
  last_session_at: Date | null;
  time_zone: Generated<string>;
  issued_at: Generated<Date>;
  issued_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}
