// The vocabulary of the one search (see search.words.ts): every distinct word of the searchable text.
export interface SearchWordsTable {
  /** Lower-cased, unaccented, 3 to 40 letters (any script). */
  word: string;
}
