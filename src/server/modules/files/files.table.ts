import type { Generated } from 'kysely';

export interface FilesTable {
  id: Generated<string>;
  purpose: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  width: number | null;
  height: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
