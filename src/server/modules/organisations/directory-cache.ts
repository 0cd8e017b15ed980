// Per-process caches of directory results (pages, facet counts, matched ids) under the database's
// directory version: until something changes, a repeated query costs one shared sequence read.
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

/**
 * Shares version reads between concurrent requests without ever answering one with a read that began
 * before it arrived: a request that comes while a read is running waits for the next read, which all
 * requests arriving meanwhile share. Under load one database round trip serves a whole batch, and a
 * request that follows a committed change still sees the change.
 */
export function batchedReader<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = read().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  };
  return () => {
    if (!running) return start();
    if (!queued) {
      queued = running
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
    }
    return queued;
  };
}
