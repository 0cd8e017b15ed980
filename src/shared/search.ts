// The one search across Trama: query, grouped results, and the hit shape every module's search returns.
import { z } from 'zod';

/** Kinds of results, in the order the groups are shown. */
export const SEARCH_KINDS = ['organisations', 'events', 'courses', 'resources', 'threads', 'posts'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SearchKindSchema = z.enum(SEARCH_KINDS);

export const SEARCH_MAX_QUERY = 200;
export const SEARCH_MAX_LIMIT = 20;

export const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'type at least one character')
    .max(SEARCH_MAX_QUERY, `at most ${SEARCH_MAX_QUERY} characters`),
  /** Comma-separated kinds; all when absent. */
  kinds: z
    .string()
    .optional()
    .transform((s, c) => {
      if (s === undefined || s.trim() === '') return [...SEARCH_KINDS];
      const parts = [
        ...new Set(
          s
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean),
        ),
      ];
      const bad = parts.find((p) => !(SEARCH_KINDS as readonly string[]).includes(p));
      if (bad !== undefined) {
        c.addIssue({ code: 'custom', message: `unknown kind '${bad.slice(0, 40)}'` });
        return z.NEVER;
      }
      return parts as SearchKind[];
    }),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(5),
  lang: z.enum(['it', 'en', 'ar']).default('it'),
});
export type SearchQueryInput = z.input<typeof SearchQuery>;
export type SearchParams = z.output<typeof SearchQuery>;

/** What a module's search returns for one item: raw translatable maps; the search picks the language. */
export type UnifiedHit = {
  id: string;
  /** Slug or id used in the item's web address. */
  ref: string;
  title: Record<string, string>;
  text: Record<string, string>;
  /** A date (ISO) or a short label shown beside the title, e.g. a start time or a resource kind. */
  meta: string | null;
};
export type UnifiedSlice = { items: UnifiedHit[]; more: boolean };

export const SearchItem = z.object({
  id: z.string(),
  title: z.string(),
  snippet: z.string(),
  path: z.string(),
  meta: z.string().nullable(),
});
export type SearchItem = z.infer<typeof SearchItem>;

export const SearchGroup = z.object({
  kind: SearchKindSchema,
  items: z.array(SearchItem),
  /** More items match than are listed: the group links to its module's own list. */
  more: z.boolean(),
  seeAllPath: z.string(),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const SearchResponse = z.object({
  q: z.string(),
  /**
   * When a word of `q` is in no searchable text and `q` found (almost) nothing, the groups are the
   * results of this query instead, with each such word replaced by the nearest word that exists.
   */
  correctedQuery: z.string().nullable(),
  groups: z.array(SearchGroup),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
