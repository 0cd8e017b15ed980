// Tables of the forum module (see migration 0017_forum).
import type { ColumnType, Generated } from 'kysely';

type Timestamps = { created_at: Generated<Date>; updated_at: Generated<Date> };
type Json<T> = ColumnType<T, string, string>;

export interface ForumSpacesTable extends Timestamps {
  id: Generated<string>;
  slug: string;
  name: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  access: string;
  programme_id: string | null;
  hold_first_posts: boolean;
  created_by: string | null;
}

export interface ForumSpaceModeratorsTable extends Timestamps {
  space_id: string;
  user_id: string;
}

export interface ForumSpaceMembersTable extends Timestamps {
  id: Generated<string>;
  space_id: string;
  organisation_id: string | null;
  user_id: string | null;
}

export interface ForumThreadsTable extends Timestamps {
  id: Generated<string>;
  space_id: string;
  kind: string;
  title: string;
  lessons: ColumnType<Record<string, string> | null, string | null, string | null>;
  author_id: string | null;
  status: Generated<string>;
  pinned: Generated<boolean>;
  locked: Generated<boolean>;
  accepted_post_id: string | null;
  last_seq: Generated<number>;
  visible_seq: Generated<number>;
  reply_count: Generated<number>;
  last_post_at: Generated<Date>;
  search_vector: ColumnType<unknown, never, never>;
}

export interface ForumPostsTable extends Timestamps {
  id: Generated<string>;
  thread_id: string;
  seq: number;
  author_id: string | null;
  status: Generated<string>;
  body: string;
  html: string;
  edit_count: Generated<number>;
  edited_at: Date | null;
  search_vector: ColumnType<unknown, never, never>;
}

export interface ForumPostRevisionsTable extends Timestamps {
  id: Generated<string>;
  post_id: string;
  body: string;
  html: string;
  edited_by: string | null;
}

export interface ForumReactionsTable extends Timestamps {
  post_id: string;
  user_id: string;
  reaction: string;
}

export interface ForumFlagsTable extends Timestamps {
  id: Generated<string>;
  post_id: string;
  user_id: string | null;
  reason: string;
  note: string;
  status: Generated<string>;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export interface ForumAttachmentsTable extends Timestamps {
  id: Generated<string>;
  file_id: string;
  post_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: ColumnType<string, number, number>;
  uploaded_by: string | null;
}

export interface ForumReadsTable extends Timestamps {
  user_id: string;
  thread_id: string;
  last_read_seq: number;
}

export interface ForumSpaceVisitsTable extends Timestamps {
  user_id: string;
  space_id: string;
  previous_visit_at: Date | null;
  last_visit_at: Date;
}

export interface ForumWatchesTable extends Timestamps {
  id: Generated<string>;
  user_id: string;
  space_id: string | null;
  thread_id: string | null;
  mode: string;
}
