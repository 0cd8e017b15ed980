// The one search across Trama. Each kind of result comes from a provider that calls the owning module's
// own search (which applies that module's visibility rules). A new kind (forum threads and posts) is one
// more entry in PROVIDERS and one more value in SEARCH_KINDS. The search owns one table, the vocabulary
// that lets it correct typos (search.words.ts).
import type {
  SearchGroup,
  SearchItem,
  SearchKind,
  SearchParams,
  SearchResponse,
  UnifiedHit,
  UnifiedSlice,
} from '../../../shared/search.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { searchForUnifiedSearch as searchEvents } from '../events/events.service.js';
import {
  searchPostsForUnifiedSearch as searchForumPosts,
  searchThreadsForUnifiedSearch as searchForumThreads,
} from '../forum/forum.service.js';
import { searchForUnifiedSearch as searchOrganisations } from '../organisations/organisations.service.js';
import { searchForUnifiedSearch as searchResources } from '../resources/resources.service.js';
import { searchForUnifiedSearch as searchCourses } from '../trainings/trainings.service.js';
import { correctQuery } from './search.words.js';

type Provider = {
  kind: SearchKind;
  search: (ctx: AppContext, actor: Actor | null, q: string, limit: number) => Promise<UnifiedSlice>;
  /** The item's web page. */
  path: (ref: string) => string;
  /** The module's own list, searching the same words. */
  seeAll: (q: string) => string;
};

const enc = encodeURIComponent;

export const PROVIDERS: readonly Provider[] = [
  {
    kind: 'organisations',
    search: (ctx, _actor, q, limit) => searchOrganisations(ctx.db, q, limit),
    path: (slug) => `/organisations/${enc(slug)}`,
    seeAll: (q) => `/directory?q=${enc(q)}`,
  },
  {
    kind: 'events',
    search: (ctx, actor, q, limit) => searchEvents(ctx.db, actor, q, limit),
    path: (id) => `/events/${enc(id)}`,
    seeAll: (q) => `/events?q=${enc(q)}`,
  },
  {
    kind: 'courses',
    search: (ctx, actor, q, limit) => searchCourses(ctx.db, actor, q, limit),
    path: (id) => `/courses/${enc(id)}`,
    seeAll: () => '/courses',
  },
  {
    kind: 'resources',
    search: (ctx, actor, q, limit) => searchResources(ctx.db, actor, q, limit),
    path: (id) => `/resources/${enc(id)}`,
    seeAll: (q) => `/resources?q=${enc(q)}`,
  },
  {
    kind: 'threads',
    search: (ctx, actor, q, limit) => searchForumThreads(ctx.db, actor, q, limit),
    path: (id) => `/forum/threads/${enc(id)}`,
    seeAll: () => '/forum',
  },
  {
    kind: 'posts',
    search: (ctx, actor, q, limit) => searchForumPosts(ctx.db, actor, q, limit),
    // ref is "<thread id>?post=<number>", built by the forum from a uuid and an integer.
    path: (ref) => `/forum/threads/${ref}`,
    seeAll: () => '/forum',
  },
];

/** The text in the reader's language, else Italian, else any non-empty one. */
export function pickLang(map: Record<string, string>, lang: string): string {
  return (
    map[lang]?.trim() ||
    map.it?.trim() ||
    Object.values(map)
      .find((v) => v?.trim())
      ?.trim() ||
    ''
  );
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const SNIPPET = 180;

/**
 * About SNIPPET characters of plain text around the first word of the query found in it (accent- and
 * case-insensitive; a stemmed match is found by its first letters), else the beginning.
 */
export function snippetOf(text: string, q: string): string {
  const plain = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_>`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= SNIPPET) return plain;
  // Folding removes combining marks only, so positions in the folded text may drift by a few
  // characters from the original; good enough to centre a window.
  const folded = fold(plain);
  let at = -1;
  for (const word of fold(q).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 3) continue;
    const i = folded.indexOf(word.slice(0, Math.max(3, word.length - 2)));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let start = at < 0 ? 0 : Math.max(0, at - 60);
  if (start > 0) {
    const space = plain.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(plain.length, start + SNIPPET);
  if (end < plain.length) {
    const space = plain.lastIndexOf(' ', end);
    if (space > start + SNIPPET / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${plain.slice(start, end)}${end < plain.length ? '…' : ''}`;
}

function toItem(p: Provider, hit: UnifiedHit, q: string, lang: string): SearchItem {
  return {
    id: hit.id,
    title: pickLang(hit.title, lang),
    snippet: snippetOf(pickLang(hit.text, lang), q),
    path: p.path(hit.ref),
    meta: hit.meta,
  };
}

async function searchAll(
  ctx: AppContext,
  actor: Actor | null,
  q: string,
  { kinds, limit, lang }: SearchParams,
): Promise<SearchGroup[]> {
  const wanted = PROVIDERS.filter((p) => kinds.includes(p.kind));
  // Each provider runs a few indexed statements; one after the other keeps one connection per request.
  const groups: SearchGroup[] = [];
  for (const p of wanted) {
    const slice = await p.search(ctx, actor, q, limit);
    groups.push({
      kind: p.kind,
      items: slice.items.map((h) => toItem(p, h, q, lang)),
      more: slice.more,
      seeAllPath: p.seeAll(q),
    });
  }
  return groups;
}

/** Fewer hits than this, and a word of the query in no text at all: the corrected query is tried too. */
const FEW_HITS = 3;
const hitsOf = (groups: SearchGroup[]) => groups.reduce((n, g) => n + g.items.length, 0);

export async function search(
  ctx: AppContext,
  actor: Actor | null,
  params: SearchParams,
): Promise<SearchResponse> {
  const { q } = params;
  const groups = await searchAll(ctx, actor, q, params);
  const hits = hitsOf(groups);
  // A few hits may come from the trigram match of titles alone (a typo in a title word) while the right
  // word also occurs in descriptions and documents, so a few is not enough to stop here.
  if (hits < FEW_HITS) {
    const { corrected } = await correctQuery(ctx.db, q);
    if (corrected) {
      const better = await searchAll(ctx, actor, corrected, params);
      // Kept only when it finds more of what this person may see: a word that occurs only in items hidden
      // from them is never shown back to them as a suggestion.
      if (hitsOf(better) > hits) return { q, correctedQuery: corrected, groups: better };
    }
  }
  return { q, correctedQuery: null, groups };
}
