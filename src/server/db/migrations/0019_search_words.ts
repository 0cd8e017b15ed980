// The vocabulary of the one search: every distinct word (lower-cased, unaccented, 3 to 40 letters of any
// script) of the text people can search, so that a query word found nowhere can be replaced by the nearest
// word that exists (src/server/modules/search/search.words.ts). A trigram index finds the nearest words.
// The table is filled here from the rows that already exist; from now on each module adds the words of the
// text it writes. The text read here is what the searches of 0001, 0012, 0015 and 0017 (forum) index.
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table search_words (word text primary key)`.execute(db);
  // Without the pending list of fastupdate: every lookup would scan the words added since the last vacuum
  // (PGlite has no autovacuum), up to 4 MB of them; new words are rare once the vocabulary has grown.
  await sql`create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops)
    with (fastupdate = off)`.execute(db);
  await sql`
    insert into search_words (word)
    select w from (
      select lower(f_unaccent(t)) as w from (
        select regexp_split_to_table(doc, '[^[:alnum:]]+') as t from (
          select concat_ws(' ', name, acronym, municipality, f_search_text(description)) as doc
            from organisations
          union all
          select concat_ws(' ', f_search_text(title), f_search_text(description)) from events
          union all
          select concat_ws(' ', f_search_text(title), f_search_text(description)) from courses
          union all
          select concat_ws(' ', f_search_text(r.title), f_search_text(r.summary), array_to_string(r.tags, ' '),
                   left(v.extracted_text, 400000))
            from resources r left join resource_versions v on v.id = r.current_version_id
          union all
          select concat_ws(' ', title, (select string_agg(value, ' ') from jsonb_each_text(coalesce(lessons, '{}'::jsonb))))
            from forum_threads
          union all
          select left(body, 200000) from forum_posts
        ) docs
      ) tokens
      where t ~ '^[[:alpha:]]+$'
    ) words
    where char_length(w) between 3 and 40
    group by w
    order by w
    on conflict do nothing`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations work on an untyped database
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists search_words`.execute(db);
}
