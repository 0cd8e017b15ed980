// Tolerance of typos in the one search. The vocabulary (table search_words) holds every distinct word of
// the text people can search; each module adds the words of the text it writes (addSearchWords). A query
// word that is in no text at all is replaced by the nearest word of the vocabulary (correctQuery), and the
// search runs again with it. Words are compared lower-cased and unaccented, as the full-text search does.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.js';

/** Runs of letters, combining marks and digits; only the runs made of letters are words. */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const LETTERS = /^[\p{L}\p{M}]+$/u;
const WORD_MIN = 3;
const WORD_MAX = 40;
/** Beyond this many distinct words a text is mostly noise (e.g. a table of codes); the rest is ignored. */
const MAX_WORDS_PER_CALL = 50_000;
/** Query words shorter than this are left as typed: too many words are one letter away from them. */
const CORRECT_MIN = 4;
/** Candidates per query word fetched through the trigram index, then checked by edit distance. */
const CANDIDATES = 5;

/** The distinct words (lower-cased, not yet unaccented) of these texts, in no particular order. */
export function wordsOf(texts: ReadonlyArray<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const [token] of text.matchAll(TOKEN)) {
      if (token.length < WORD_MIN || token.length > WORD_MAX * 2 || !LETTERS.test(token)) continue;
      out.add(token.toLowerCase());
      if (out.size >= MAX_WORDS_PER_CALL) return [...out];
    }
  }
  return [...out];
}

/**
 * Adds the words of these texts to the search vocabulary. Call it once per transaction that writes
 * searchable text, with all of that text: the words are inserted by one statement in a fixed order, so two
 * transactions adding the same new words never wait for each other in a cycle. Words already known cost an
 * index probe each; a long document is deduplicated here first, so its text is not sent to the database.
 */
export async function addSearchWords(db: DbOrTx, ...texts: Array<string | null | undefined>): Promise<void> {
  const words = wordsOf(texts);
  if (words.length === 0) return;
  // Normalised by the same IMMUTABLE function as the full-text documents, so "Città" is stored as "citta".
  await sql`
    insert into search_words (word)
    select w from (select lower(f_unaccent(t)) as w from unnest(${words}::text[]) as t) s
    where char_length(w) between ${WORD_MIN} and ${WORD_MAX}
    group by w
    order by w
    on conflict do nothing`.execute(db);
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), on code
 * points, so an Arabic letter counts as one.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...Array<number>(t.length).fill(0)]);
  const d = (i: number, j: number) => (rows[i] as number[])[j] as number;
  for (let j = 0; j <= t.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= s.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, d(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return d(s.length, t.length);
}

/** How many typing mistakes a word of this many letters may hold and still be corrected. */
const allowedEdits = (letters: number) => (letters >= 8 ? 2 : letters >= CORRECT_MIN ? 1 : 0);

type Candidate = { token: string; norm: string; word: string; sim: number };

/**
 * The query with each word that is in no searchable text (and has at least 4 letters) replaced by the
 * nearest word of the vocabulary: at most one typing mistake per word, two from 8 letters on (a swap of
 * two neighbouring letters counts as one). `corrected` is null when nothing changed. One statement: per
 * unknown word, one probe of the primary key and one scan of the trigram index.
 */
export async function correctQuery(db: DbOrTx, q: string): Promise<{ corrected: string | null }> {
  const tokens = [
    ...new Set(
      [...q.matchAll(TOKEN)]
        .map(([t]) => t)
        .filter((t) => LETTERS.test(t) && [...t].length >= CORRECT_MIN && t.length <= WORD_MAX * 2),
    ),
  ];
  if (tokens.length === 0) return { corrected: null };
  // `%` (similarity above pg_trgm.similarity_threshold, 0.3 by default) is what the GIN index answers;
  // the edit distance below decides. A word of the vocabulary is never corrected, whatever its neighbours.
  // MATERIALIZED: the words are normalised once, not again for every candidate the index rechecks.
  const { rows } = await sql<Candidate>`
    with q as materialized (
      select t as token, lower(f_unaccent(t)) as norm from unnest(${tokens}::text[]) as t
    )
    select q.token, q.norm, c.word, c.sim
    from q
    cross join lateral (
      select s.word, similarity(s.word, q.norm) as sim
      from search_words s
      where s.word % q.norm
      order by sim desc, s.word
      limit ${CANDIDATES}
    ) c
    where not exists (select 1 from search_words k where k.word = q.norm)`.execute(db);
  const best = new Map<string, { word: string; edits: number; sim: number }>();
  for (const r of rows) {
    const edits = editDistance(r.norm, r.word);
    if (edits === 0 || edits > allowedEdits([...r.norm].length)) continue;
    const now = best.get(r.token);
    if (!now || edits < now.edits || (edits === now.edits && Number(r.sim) > now.sim)) {
      best.set(r.token, { word: r.word, edits, sim: Number(r.sim) });
    }
  }
  if (best.size === 0) return { corrected: null };
  const corrected = q.replace(TOKEN, (t) => best.get(t)?.word ?? t);
  return { corrected: corrected === q ? null : corrected };
}
