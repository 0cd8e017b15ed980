// Per-process cache of directory facet counts. Counting facets reads every matching organisation, so
// the common queries (the unfiltered first page, a region, a kind) would cost O(members) each time;
// cached under the database's directory version they cost one sequence read until something changes.
// Entries also expire after a short time (see migration 0002 for the one race this covers).

export type FacetCache<T> = {
  get(version: string, key: string): T | undefined;
  set(version: string, key: string, value: T): void;
};

export function facetCache<T>(opts: { max: number; ttlMs: number; now?: () => number }): FacetCache<T> {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { value: T; expires: number }>();
  return {
    get(version, key) {
      const k = `${version}|${key}`;
      const e = entries.get(k);
      if (!e) return undefined;
      if (e.expires < now()) {
        entries.delete(k);
        return undefined;
      }
      // Refresh recency: a Map iterates in insertion order, so the first key is the least recent.
      entries.delete(k);
      entries.set(k, e);
      return e.value;
    },
    set(version, key, value) {
      const k = `${version}|${key}`;
      entries.delete(k);
      entries.set(k, { value, expires: now() + opts.ttlMs });
      while (entries.size > opts.max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
