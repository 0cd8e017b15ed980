import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
type Json<T> = ColumnType<T, string | undefined, string>;

export type OrganisationStatus = 'applicant' | 'member' | 'rejected' | 'suspended' | 'departed';
export type MemberRole = 'org_admin' | 'operator' | 'delegate';
export type ApplicationStatus = 'submitted' | 'changes_requested' | 'approved' | 'rejected';

export interface OrganisationsTable extends Timestamps {
  id: Generated<string>;
  slug: string;
  name: string;
  acronym: string | null;
  kind: string;
  legal_form: string;
  tax_code: string | null;
  runts_number: string | null;
  address: string | null;
  postal_code: string | null;
  municipality: string | null;
  province_code: string | null;
  region_code: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  languages: Generated<string[]>;
  description: Json<Record<string, string>>;
  logo_file_id: string | null;
  visible: Generated<boolean>;
  status: Generated<OrganisationStatus>;
  modules: Generated<string[]>;
  joined_at: Date | null;
  left_at: Date | null;
  name_search: Generated<string>;
  search_vector: Generated<string | null>;
}

export interface FieldsOfActivityTable extends Timestamps {
  id: Generated<string>;
  slug: string;
  names: Json<Record<string, string>>;
  sort_order: Generated<number>;
}

export interface OrganisationFieldsTable {
  organisation_id: string;
  field_id: string;
}

export interface OrganisationMembersTable extends Timestamps {
  organisation_id: string;
  user_id: string;
  role: MemberRole;
}

export interface ApplicationsTable extends Timestamps {
  id: Generated<string>;
  organisation_id: string;
  status: Generated<ApplicationStatus>;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  contact_role: string | null;
  contact_locale: Generated<string>;
  message: string | null;
  commitments_accepted_at: Date;
  privacy_accepted_at: Date;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  edit_token_hash: string | null;
  submitted_at: Generated<Date>;
}

export interface IntroductoryMeetingsTable extends Timestamps {
  id: Generated<string>;
  organisation_id: string;
  held_on: string;
  participants: string;
  notes: string | null;
  recorded_by: string | null;
}
