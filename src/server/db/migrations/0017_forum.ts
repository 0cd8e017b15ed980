// Forum (community of practice): spaces with moderators and, when restricted, their members; threads of
// three kinds; posts numbered densely per thread (seq) so any page of a long thread is one index range;
// revisions, reactions, flags, attachments, read positions, space visits and watches.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table forum_spaces (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique,
    name jsonb not null,
    description jsonb not null default '{}'::jsonb,
    access text not null check (access in ('public','members','restricted')),
    programme_id uuid references programmes(id) on delete set null,
    hold_first_posts boolean not null default true,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table forum_space_moderators (
    space_id uuid not null references forum_spaces(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (space_id, user_id)
  )`.execute(db);
  await sql`create index forum_space_moderators_user_idx on forum_space_moderators (user_id)`.execute(db);

  // Who may enter a restricted space: whole organisations (their members) or single people.
  await sql`create table forum_space_members (
    id uuid primary key default gen_random_uuid(),
    space_id uuid not null references forum_spaces(id) on delete cascade,
    organisation_id uuid references organisations(id) on delete cascade,
    user_id uuid references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((organisation_id is null) <> (user_id is null))
  )`.execute(db);
  await sql`create unique index forum_space_members_org_key on forum_space_members (space_id, organisation_id) where organisation_id is not null`.execute(
    db,
  );
  await sql`create unique index forum_space_members_user_key on forum_space_members (space_id, user_id) where user_id is not null`.execute(
    db,
  );
  await sql`create index forum_space_members_org_idx on forum_space_members (organisation_id)`.execute(db);
  await sql`create index forum_space_members_user_idx on forum_space_members (user_id)`.execute(db);

  await sql`create table forum_threads (
    id uuid primary key default gen_random_uuid(),
    space_id uuid not null references forum_spaces(id) on delete cascade,
    kind text not null check (kind in ('discussion','question','deposit')),
    title text not null,
    lessons jsonb,
    author_id uuid references users(id) on delete set null,
    status text not null default 'visible' check (status in ('visible','held','hidden')),
    pinned boolean not null default false,
    locked boolean not null default false,
    accepted_post_id uuid,
    last_seq integer not null default 0,
    -- The highest number of a post everyone may read (held posts are not counted as unread to others).
    visible_seq integer not null default 0,
    reply_count integer not null default 0,
    last_post_at timestamptz not null default date_trunc('milliseconds', now()),
    search_vector tsvector,
    created_at timestamptz not null default date_trunc('milliseconds', now()),
    updated_at timestamptz not null default now()
  )`.execute(db);
  // Lists: pinned first, then latest activity; keyset on (pinned, last_post_at, id), all descending.
  await sql`create index forum_threads_space_list_idx on forum_threads (space_id, pinned desc, last_post_at desc, id desc)`.execute(
    db,
  );
  await sql`create index forum_threads_list_idx on forum_threads (pinned desc, last_post_at desc, id desc)`.execute(
    db,
  );
  await sql`create index forum_threads_unanswered_idx on forum_threads (last_post_at desc, id desc) where kind = 'question' and accepted_post_id is null`.execute(
    db,
  );
  await sql`create index forum_threads_search_idx on forum_threads using gin (search_vector)`.execute(db);

  await sql`create table forum_posts (
    id uuid primary key default gen_random_uuid(),
    thread_id uuid not null references forum_threads(id) on delete cascade,
    seq integer not null,
    author_id uuid references users(id) on delete set null,
    status text not null default 'visible' check (status in ('visible','held','hidden')),
    body text not null,
    html text not null,
    edit_count integer not null default 0,
    edited_at timestamptz,
    search_vector tsvector,
    created_at timestamptz not null default date_trunc('milliseconds', now()),
    updated_at timestamptz not null default now(),
    unique (thread_id, seq)
  )`.execute(db);
  await sql`create index forum_posts_search_idx on forum_posts using gin (search_vector)`.execute(db);
  // A search for a common word ranks the most recent matches: walking this index backwards finds them
  // without reading every post's vector (a rare word goes through the GIN index instead).
  await sql`create index forum_posts_recent_idx on forum_posts (created_at desc)`.execute(db);
  await sql`create index forum_posts_author_idx on forum_posts (author_id, status)`.execute(db);
  await sql`create index forum_posts_held_idx on forum_posts (thread_id) where status = 'held'`.execute(db);
  await sql`alter table forum_threads add constraint forum_threads_accepted_fk
    foreign key (accepted_post_id) references forum_posts(id) on delete set null`.execute(db);

  await sql`create table forum_post_revisions (
    id uuid primary key default gen_random_uuid(),
    post_id uuid not null references forum_posts(id) on delete cascade,
    body text not null,
    html text not null,
    edited_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index forum_post_revisions_post_idx on forum_post_revisions (post_id, created_at)`.execute(
    db,
  );

  await sql`create table forum_reactions (
    post_id uuid not null references forum_posts(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    reaction text not null check (reaction in ('like','thanks','insightful','agree')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (post_id, user_id, reaction)
  )`.execute(db);

  await sql`create table forum_flags (
    id uuid primary key default gen_random_uuid(),
    post_id uuid not null references forum_posts(id) on delete cascade,
    user_id uuid references users(id) on delete set null,
    reason text not null check (reason in ('spam','offensive','off_topic','personal_data','other')),
    note text not null default '',
    status text not null default 'open' check (status in ('open','upheld','dismissed')),
    resolved_by uuid references users(id) on delete set null,
    resolved_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index forum_flags_open_key on forum_flags (post_id, user_id) where status = 'open'`.execute(
    db,
  );
  await sql`create index forum_flags_open_idx on forum_flags (post_id) where status = 'open'`.execute(db);

  await sql`create table forum_attachments (
    id uuid primary key default gen_random_uuid(),
    file_id uuid not null references files(id),
    post_id uuid references forum_posts(id) on delete cascade,
    filename text not null,
    content_type text not null,
    size_bytes bigint not null,
    uploaded_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index forum_attachments_post_idx on forum_attachments (post_id)`.execute(db);

  await sql`create table forum_reads (
    user_id uuid not null references users(id) on delete cascade,
    thread_id uuid not null references forum_threads(id) on delete cascade,
    last_read_seq integer not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (user_id, thread_id)
  )`.execute(db);

  await sql`create table forum_space_visits (
    user_id uuid not null references users(id) on delete cascade,
    space_id uuid not null references forum_spaces(id) on delete cascade,
    previous_visit_at timestamptz,
    last_visit_at timestamptz not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (user_id, space_id)
  )`.execute(db);

  await sql`create table forum_watches (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    space_id uuid references forum_spaces(id) on delete cascade,
    thread_id uuid references forum_threads(id) on delete cascade,
    mode text not null check (mode in ('immediate','daily','app','muted')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((space_id is null) <> (thread_id is null))
  )`.execute(db);
  await sql`create unique index forum_watches_space_key on forum_watches (user_id, space_id) where space_id is not null`.execute(
    db,
  );
  await sql`create unique index forum_watches_thread_key on forum_watches (user_id, thread_id) where thread_id is not null`.execute(
    db,
  );
  await sql`create index forum_watches_space_idx on forum_watches (space_id) where space_id is not null`.execute(
    db,
  );
  await sql`create index forum_watches_thread_idx on forum_watches (thread_id) where thread_id is not null`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'forum_watches',
    'forum_space_visits',
    'forum_reads',
    'forum_attachments',
    'forum_flags',
    'forum_reactions',
    'forum_post_revisions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await sql`alter table forum_threads drop constraint forum_threads_accepted_fk`.execute(db);
  for (const t of [
    'forum_posts',
    'forum_threads',
    'forum_space_members',
    'forum_space_moderators',
    'forum_spaces',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
