// Tables of the events module (see migration 0005_events).
import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type Json<T> = ColumnType<T, string | undefined, string>;

export interface EventsTable extends Timestamps {
  id: Generated<string>;
  kind: string;
  format: string;
  status: Generated<string>;
  audience: Generated<string>;
  title: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  starts_at: Date;
  ends_at: Date;
  time_zone: Generated<string>;
  venue_name: string | null;
  venue_address: string | null;
  municipality: string | null;
  province_code: string | null;
  region_code: string | null;
  online_url: string | null;
  capacity_in_person: number | null;
  capacity_online: number | null;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  programme_id: string | null;
  organiser_organisation_id: string | null;
  max_per_organisation: number | null;
  questions: Generated<string[]>;
  free_text_prompt: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  cover_file_id: string | null;
  created_by: string | null;
  search_text: ColumnType<string, never, never>;
}

export interface EventRegistrationsTable extends Timestamps {
  id: Generated<string>;
  event_id: string;
  user_id: string | null;
  registered_by: string | null;
  email: string | null;
  name: string;
  locale: Generated<string>;
  status: string;
  mode: string;
  organisation_id: string | null;
  organisation_name: string | null;
  region_code: string | null;
  answers: Json<Record<string, string>>;
  check_in_code: string;
  manage_token: string;
  confirm_token_hash: string | null;
  /** When the guest's confirmation link was last mailed, and until when it works. */
  confirm_sent_at: Date | null;
  confirm_expires_at: Date | null;
  walk_in: Generated<boolean>;
  queued_at: Generated<Date>;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  checked_in_at: Date | null;
  checked_in_by: string | null;
  reminded_at: Date | null;
}

export interface EventInvitationsTable extends Timestamps {
  event_id: string;
  email: string;
  invited_at: Date | null;
}

export interface EventMaterialsTable extends Timestamps {
  id: Generated<string>;
  event_id: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  file_id: string | null;
  filename: string | null;
  created_by: string | null;
}

export interface EventFeedbackTable extends Timestamps {
  registration_id: string;
  event_id: string;
  rating: number;
  comment: string | null;
}

export interface EventTrustedOrganisersTable extends Timestamps {
  organisation_id: string;
  trusted_by: string | null;
}

export interface EventCalendarTokensTable extends Timestamps {
  user_id: string;
  token: string;
}
