import type { ColumnType, Generated } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type ProgrammeStaffRole = 'project_manager' | 'liaison_officer' | 'trainer' | 'expert';

export interface ProgrammesTable extends Timestamps {
  id: Generated<string>;
  slug: string;
  parent_id: string | null;
  name: string;
  year: number | null;
  starts_on: string | null;
  ends_on: string | null;
  description: ColumnType<Record<string, string>, string | undefined, string>;
}

export interface ProgrammeStaffTable extends Timestamps {
  programme_id: string;
  user_id: string;
  role: ProgrammeStaffRole;
}

export interface ProgrammeOrganisationsTable extends Timestamps {
  programme_id: string;
  organisation_id: string;
}
