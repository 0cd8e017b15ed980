import type { ColumnType, Generated } from 'kysely';

export interface AppMetaTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
