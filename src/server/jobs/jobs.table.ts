import type { ColumnType, Generated } from 'kysely';

export type JobStatus = 'pending' | 'done' | 'failed';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  key: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<JobStatus>;
  run_at: Generated<Date>;
  attempts: Generated<number>;
  locked_until: Date | null;
  last_error: string | null;
  finished_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
