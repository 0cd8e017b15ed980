// The demo network is inserted row by row, not through the modules' services, so the words of its text
// reach the search's vocabulary here, at the end of the load: typo tolerance works from the first start.
import { sql } from 'kysely';
import type { Tx } from '../db/database.js';
import { addSearchWords } from '../modules/search/search.words.js';

export async function addDemoSearchWords(tx: Tx): Promise<void> {
  const { rows } = await sql<{ doc: string | null }>`
    select concat_ws(' ', name, acronym, municipality, f_search_text(description)) as doc from organisations
    union all select concat_ws(' ', f_search_text(title), f_search_text(description)) from events
    union all select concat_ws(' ', f_search_text(title), f_search_text(description)) from courses
    union all
    select concat_ws(' ', f_search_text(r.title), f_search_text(r.summary), array_to_string(r.tags, ' '),
             left(v.extracted_text, 400000))
      from resources r left join resource_versions v on v.id = r.current_version_id
    union all select concat_ws(' ', title, (select string_agg(value, ' ') from jsonb_each_text(coalesce(lessons, '{}'::jsonb))))
      from forum_threads
    union all select body from forum_posts`.execute(tx);
  // One call, so the words go in by one statement.
  await addSearchWords(tx, rows.map((r) => r.doc ?? '').join('\n'));
}
