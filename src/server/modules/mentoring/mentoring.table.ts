// Tables of the mentoring module (see migration 0013_mentoring).
import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
/** date columns: written as 'YYYY-MM-DD', read back as text (see the repository's select). */
type Day = ColumnType<string, string, string>;

export interface MentoringEngagementsTable extends Timestamps {
  id: Generated<string>;
  organisation_id: string;
  mentor_user_id: string;
  purpose: string;
  subject_kind: Generated<string>;
  subject_name: string | null;
  starts_on: Day;
  ends_on: Day | null;
  status: Generated<string>;
  created_by: string | null;
}

export interface MentoringParticipantsTable extends Timestamps {
  engagement_id: string;
  user_id: string;
  added_by: string | null;
}

export interface MentoringRequestsTable extends Timestamps {
  id: Generated<string>;
  engagement_id: string;
  requested_by: string | null;
  topic: string;
  preferred_dates: ColumnType<string[], string[], string[]>;
  note: Generated<string>;
  status: Generated<string>;
  reason: Generated<string>;
  session_id: string | null;
}

export interface MentoringSessionsTable extends Timestamps {
  id: Generated<string>;
  engagement_id: string;
  starts_at: Date;
  time_zone: Generated<string>;
  duration_minutes: Generated<number>;
  format: string;
  location: Generated<string>;
  participant_ids: ColumnType<string[], string[] | undefined, string[]>;
  notes: Generated<string>;
  strengths: Generated<string>;
  critical_issues: Generated<string>;
  request_id: string | null;
  created_by: string | null;
}

export interface MentoringActionsTable extends Timestamps {
  id: Generated<string>;
  engagement_id: string;
  session_id: string | null;
  text: string;
  owner_user_id: string;
  due_on: Day;
  status: Generated<string>;
  done_at: Date | null;
  overdue_notified_at: Date | null;
  created_by: string | null;
}
