import type { Generated } from 'kysely';

export interface RegionsTable {
  code: string;
  name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProvincesTable {
  code: string;
  name: string;
  region_code: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
