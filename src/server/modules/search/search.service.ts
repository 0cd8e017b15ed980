// The one search across Trama. It owns no tables: each kind of result comes from a provider that calls the
// owning module's own search (which applies that module's visibility rules). A new kind (forum threads and
// posts) is one more entry in PROVIDERS and one more value in SEARCH_KINDS.
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
import { searchForUnifiedSearch as searchOrganisations } from '../organisations/organisations.service.js';
import { searchForUnifiedSearch as searchResources } from '../resources/resources.service.js';
import { searchForUnifiedSearch as searchCourses } from '../trainings/trainings.service.js';

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

export async function search(
  ctx: AppContext,
  actor: Actor | null,
  { q, kinds, limit, lang }: SearchParams,
): Promise<SearchResponse> {
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
  return { q, groups };
}
