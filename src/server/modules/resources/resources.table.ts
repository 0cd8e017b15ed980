import type { ColumnType, Generated } from 'kysely';

type Timestamps = { created_at: Generated<Date>; updated_at: Generated<Date> };
type Json<T> = ColumnType<T, string, string>;

export interface ResourcesTable extends Timestamps {
  id: Generated<string>;
  kind: string;
  title: Json<Record<string, string>>;
  summary: ColumnType<Record<string, string>, string | undefined, string>;
  language: string;
  fields: string[];
  tags: string[];
  programme_id: string | null;
  organisation_id: string | null;
  visibility: string;
  status: string;
  link_url: string | null;
  current_version_id: string | null;
  download_count: ColumnType<string, never, never>;
  search_vector: ColumnType<unknown, never, never>;
  created_by: string | null;
}

export interface ResourceVersionsTable extends Timestamps {
  id: Generated<string>;
  resource_id: string;
  number: number;
  file_id: string;
  filename: string;
  content_type: string;
  size_bytes: ColumnType<string, number, number>;
  sha256: string;
  note: string;
  extracted_text: string | null;
  extraction_error: string | null;
  extracted_at: Date | null;
  created_by: string | null;
}

export interface ResourceCollectionsTable extends Timestamps {
  id: Generated<string>;
  title: Json<Record<string, string>>;
  description: ColumnType<Record<string, string>, string | undefined, string>;
  position: number;
}

export interface ResourceCollectionItemsTable extends Timestamps {
  collection_id: string;
  resource_id: string;
  position: number;
}
