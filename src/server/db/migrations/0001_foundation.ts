// Foundation schema: accounts, organisations, applications, programmes, geography, files, mail, audit.
// A migration never imports application types: it is frozen history.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
  // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes and triggers use it.
  await sql`
    create or replace function f_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);

  const ts = (name: string) => sql.raw(`${name} timestamptz not null default now()`);

  await sql`create table app_meta (key text primary key, value jsonb not null, ${ts('created_at')}, ${ts('updated_at')})`.execute(
    db,
  );

  await sql`create table regions (
    code text primary key, name text not null, ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create table provinces (
    code text primary key, name text not null, region_code text not null references regions(code),
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index provinces_region_idx on provinces(region_code)`.execute(db);

  await sql`create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    name text not null,
    password_hash text,
    email_verified_at timestamptz,
    network_role text check (network_role in ('admin','staff','expert')),
    locale text not null default 'it' check (locale in ('it','en','ar')),
    languages text[] not null default '{}',
    disabled_at timestamptz,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  await sql`create table sessions (
    id_hash text primary key,
    user_id uuid not null references users(id) on delete cascade,
    csrf_token text not null,
    expires_at timestamptz not null,
    user_agent text,
    last_seen_at timestamptz not null default now(),
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index sessions_user_idx on sessions(user_id)`.execute(db);

  await sql`create table auth_tokens (
    token_hash text primary key,
    user_id uuid not null references users(id) on delete cascade,
    purpose text not null check (purpose in ('verify_email','reset_password','invitation')),
    data jsonb not null default '{}',
    expires_at timestamptz not null,
    used_at timestamptz,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index auth_tokens_user_idx on auth_tokens(user_id, purpose)`.execute(db);

  await sql`create table auth_attempts (
    id bigint generated always as identity primary key,
    key text not null,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index auth_attempts_key_idx on auth_attempts(key, created_at)`.execute(db);

  await sql`create table files (
    id uuid primary key default gen_random_uuid(),
    purpose text not null,
    content_type text not null,
    size_bytes integer not null,
    sha256 text not null,
    storage_key text not null unique,
    width integer, height integer,
    created_by uuid references users(id) on delete set null,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);

  await sql`create table fields_of_activity (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique,
    names jsonb not null,
    sort_order integer not null default 0,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);

  await sql`create table organisations (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique,
    name text not null,
    acronym text,
    kind text not null,
    legal_form text not null,
    tax_code text,
    runts_number text,
    address text,
    postal_code text,
    municipality text,
    province_code text references provinces(code),
    region_code text references regions(code),
    website text, email text, phone text,
    languages text[] not null default '{}',
    description jsonb not null default '{}',
    logo_file_id uuid references files(id) on delete set null,
    visible boolean not null default false,
    status text not null default 'applicant'
      check (status in ('applicant','member','rejected','suspended','departed')),
    modules text[] not null default '{}',
    joined_at timestamptz,
    left_at timestamptz,
    name_search text not null default '',
    search_vector tsvector,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index organisations_search_idx on organisations using gin(search_vector)`.execute(db);
  await sql`create index organisations_name_trgm_idx on organisations using gin(name_search gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index organisations_directory_idx on organisations(status, visible, name, id)`.execute(db);
  await sql`create index organisations_region_idx on organisations(region_code)`.execute(db);
  await sql`create index organisations_province_idx on organisations(province_code)`.execute(db);
  await sql`create index organisations_kind_idx on organisations(kind)`.execute(db);
  await sql`create index organisations_legal_form_idx on organisations(legal_form)`.execute(db);
  await sql`create index organisations_languages_idx on organisations using gin(languages)`.execute(db);
  await sql`create index organisations_modules_idx on organisations using gin(modules)`.execute(db);
  await sql`create unique index organisations_tax_code_key on organisations(upper(tax_code))
    where tax_code is not null and status in ('applicant','member','suspended')`.execute(db);
  // The search document is kept by the database so every writer (service, import, seed) gets it right.
  await sql`
    create or replace function organisations_search_refresh() returns trigger language plpgsql as $$
    begin
      new.name_search := lower(f_unaccent(coalesce(new.name, '') || ' ' || coalesce(new.acronym, '')));
      new.search_vector :=
        setweight(to_tsvector('italian', f_unaccent(coalesce(new.name, '') || ' ' || coalesce(new.acronym, ''))), 'A') ||
        setweight(to_tsvector('italian', f_unaccent(coalesce(new.municipality, ''))), 'B') ||
        setweight(to_tsvector('italian', f_unaccent(coalesce(
          (select string_agg(value, ' ') from jsonb_each_text(new.description)), ''))), 'C');
      return new;
    end $$`.execute(db);
  await sql`create trigger organisations_search_trg before insert or update on organisations
    for each row execute function organisations_search_refresh()`.execute(db);

  await sql`create table organisation_fields (
    organisation_id uuid not null references organisations(id) on delete cascade,
    field_id uuid not null references fields_of_activity(id) on delete cascade,
    primary key (organisation_id, field_id))`.execute(db);
  await sql`create index organisation_fields_field_idx on organisation_fields(field_id)`.execute(db);

  await sql`create table organisation_members (
    organisation_id uuid not null references organisations(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    role text not null check (role in ('org_admin','operator','delegate')),
    ${ts('created_at')}, ${ts('updated_at')},
    primary key (organisation_id, user_id))`.execute(db);
  await sql`create index organisation_members_user_idx on organisation_members(user_id)`.execute(db);

  await sql`create table applications (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations(id) on delete cascade,
    status text not null default 'submitted'
      check (status in ('submitted','changes_requested','approved','rejected')),
    contact_name text not null,
    contact_email text not null,
    contact_phone text,
    contact_role text,
    contact_locale text not null default 'it',
    message text,
    commitments_accepted_at timestamptz not null,
    privacy_accepted_at timestamptz not null,
    review_note text,
    reviewed_by uuid references users(id) on delete set null,
    reviewed_at timestamptz,
    edit_token_hash text,
    submitted_at timestamptz not null default now(),
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index applications_status_idx on applications(status, submitted_at)`.execute(db);

  await sql`create table introductory_meetings (
    id uuid primary key default gen_random_uuid(),
    organisation_id uuid not null references organisations(id) on delete cascade,
    held_on date not null,
    participants text not null,
    notes text,
    recorded_by uuid references users(id) on delete set null,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);

  await sql`create table programmes (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique,
    parent_id uuid references programmes(id) on delete cascade,
    name text not null,
    year integer,
    starts_on date,
    ends_on date,
    description jsonb not null default '{}',
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create table programme_staff (
    programme_id uuid not null references programmes(id) on delete cascade,
    user_id uuid not null references users(id) on delete cascade,
    role text not null check (role in ('project_manager','liaison_officer','trainer','expert')),
    ${ts('created_at')}, ${ts('updated_at')},
    primary key (programme_id, user_id, role))`.execute(db);
  await sql`create table programme_organisations (
    programme_id uuid not null references programmes(id) on delete cascade,
    organisation_id uuid not null references organisations(id) on delete cascade,
    ${ts('created_at')}, ${ts('updated_at')},
    primary key (programme_id, organisation_id))`.execute(db);
  await sql`create index programme_organisations_org_idx on programme_organisations(organisation_id)`.execute(
    db,
  );

  await sql`create table audit_log (
    id uuid primary key default gen_random_uuid(),
    entity_type text not null,
    entity_id uuid not null,
    action text not null,
    from_status text,
    to_status text,
    note text,
    actor_user_id uuid references users(id) on delete set null,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log(entity_type, entity_id, created_at)`.execute(db);

  await sql`create table mail_outbox (
    id uuid primary key default gen_random_uuid(),
    to_address text not null,
    subject text not null,
    text_body text not null,
    html_body text,
    headers jsonb not null default '{}',
    locale text not null default 'it',
    template text not null,
    status text not null default 'pending' check (status in ('pending','sent','failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_until timestamptz,
    last_error text,
    sent_at timestamptz,
    ${ts('created_at')}, ${ts('updated_at')})`.execute(db);
  await sql`create index mail_outbox_due_idx on mail_outbox(next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index mail_outbox_created_idx on mail_outbox(created_at desc, id)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'mail_outbox',
    'audit_log',
    'programme_organisations',
    'programme_staff',
    'programmes',
    'introductory_meetings',
    'applications',
    'organisation_members',
    'organisation_fields',
    'organisations',
    'fields_of_activity',
    'files',
    'auth_attempts',
    'auth_tokens',
    'sessions',
    'users',
    'provinces',
    'regions',
    'app_meta',
  ]) {
    await db.schema.dropTable(t).ifExists().cascade().execute();
  }
}
