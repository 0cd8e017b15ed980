// In-memory facet index of the public directory, one per database handle: the visible members numbered
// densely, and for every facet value a bitset of the members that have it. A disjunctive facet count is
// then an AND and a popcount over N/32 words instead of a scan of every member in PostgreSQL. The index
// is kept current by patching the organisations named in directory_changes (migration 0009) and rebuilt
// only when labels change or too many slots died.
import { sql } from 'kysely';
import { FACET_NAMES, type FacetName } from '../../../shared/organisations.js';
import type { Db, DbOrTx } from '../../db/database.js';
import {
  type DirectoryFilters,
  directoryFacetsSql,
  type FacetMemberRow,
  type FacetRow,
  facetLabels,
  facetMembers,
  matchedOrganisationIds,
} from './directory.repository.js';
import { batchedReader } from './directory-cache.js';

export type FacetCounts = { total: number; facets: Record<FacetName, FacetRow[]> };

type Label = { label: string | null; names: Record<string, string> | null };
/** Facets whose values are shown only when the value exists in its reference table, with its label. */
const LABELLED: ReadonlySet<FacetName> = new Set(['region', 'province', 'field', 'programme']);

function valuesOf(m: FacetMemberRow, facet: FacetName): readonly string[] {
  switch (facet) {
    case 'region':
      return m.region_code === null ? [] : [m.region_code];
    case 'province':
      return m.province_code === null ? [] : [m.province_code];
    case 'kind':
      return [m.kind];
    case 'legalForm':
      return [m.legal_form];
    case 'language':
      return m.languages;
    case 'module':
      return m.modules;
    case 'field':
      return m.fields ?? [];
    case 'programme':
      return m.programmes ?? [];
  }
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** |a ∧ b| over the first `words` words, or only over the word positions in `nonZero` when given. */
function countAnd(a: Uint32Array, b: Uint32Array, words: number, nonZero: Int32Array | null): number {
  let n = 0;
  if (nonZero) {
    for (let k = 0; k < nonZero.length; k++) {
      const i = nonZero[k] as number;
      n += popcount((a[i] as number) & (b[i] as number));
    }
  } else {
    for (let i = 0; i < words; i++) n += popcount((a[i] as number) & (b[i] as number));
  }
  return n;
}

export class FacetIndex {
  /** slot → organisation id; slots of members that left stay until the next rebuild. */
  readonly ids: string[] = [];
  readonly slotOf = new Map<string, number>();
  /** slot → what its bits were set from (null: dead slot). */
  private readonly members: Array<FacetMemberRow | null> = [];
  private live: Uint32Array;
  private readonly bits = new Map<FacetName, Map<string, Uint32Array>>(
    FACET_NAMES.map((f) => [f, new Map()]),
  );
  private capacity: number;
  liveCount = 0;

  constructor(
    rows: readonly FacetMemberRow[],
    private readonly labels: Map<FacetName, Map<string, Label>>,
  ) {
    this.capacity = Math.max(1, Math.ceil((rows.length * 1.1 + 64) / 32));
    this.live = new Uint32Array(this.capacity);
    for (const row of rows) this.upsert(row.id, row);
  }

  get deadCount(): number {
    return this.ids.length - this.liveCount;
  }

  private get words(): number {
    return Math.ceil(this.ids.length / 32);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = (a: Uint32Array) => {
      const b = new Uint32Array(capacity);
      b.set(a);
      return b;
    };
    this.live = widen(this.live);
    for (const values of this.bits.values()) {
      for (const [value, set] of values) values.set(value, widen(set));
    }
    this.capacity = capacity;
  }

  private bitset(facet: FacetName, value: string): Uint32Array {
    const values = this.bits.get(facet) as Map<string, Uint32Array>;
    let set = values.get(value);
    if (!set) {
      set = new Uint32Array(this.capacity);
      values.set(value, set);
    }
    return set;
  }

  /** Puts an organisation's current state in the index: `row` null when it is no longer a visible member. */
  upsert(id: string, row: FacetMemberRow | null): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      if (!row) return;
      slot = this.ids.length;
      if (Math.ceil((slot + 1) / 32) > this.capacity) this.grow();
      this.ids.push(id);
      this.members.push(null);
      this.slotOf.set(id, slot);
    }
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    const old = this.members[slot];
    if (old) {
      for (const facet of FACET_NAMES) {
        for (const v of valuesOf(old, facet)) {
          const set = this.bitset(facet, v);
          set[word] = (set[word] as number) & ~bit;
        }
      }
      this.live[word] = (this.live[word] as number) & ~bit;
      this.liveCount--;
    }
    this.members[slot] = row;
    if (!row) return;
    for (const facet of FACET_NAMES) {
      for (const v of valuesOf(row, facet)) {
        const set = this.bitset(facet, v);
        set[word] = (set[word] as number) | bit;
      }
    }
    this.live[word] = (this.live[word] as number) | bit;
    this.liveCount++;
  }

  /** The same counts as directoryFacetsSql for the public directory; `matched`: the ids the words match. */
  count(f: DirectoryFilters, matched: readonly string[] | null): FacetCounts {
    const words = this.words;
    // One bitset per active filter: the OR of its chosen values.
    const filters = new Map<FacetName, Uint32Array>();
    for (const facet of FACET_NAMES) {
      const values = f[facet];
      if (values.length === 0) continue;
      const acc = new Uint32Array(words);
      const sets = this.bits.get(facet) as Map<string, Uint32Array>;
      for (const v of new Set(values)) {
        const set = sets.get(v);
        if (!set) continue;
        for (let i = 0; i < words; i++) acc[i] = (acc[i] as number) | (set[i] as number);
      }
      filters.set(facet, acc);
    }
    const start = new Uint32Array(words);
    if (matched) {
      for (const id of matched) {
        const slot = this.slotOf.get(id);
        if (slot !== undefined) start[slot >>> 5] = (start[slot >>> 5] as number) | (1 << (slot & 31));
      }
      for (let i = 0; i < words; i++) start[i] = (start[i] as number) & (this.live[i] as number);
    } else {
      start.set(this.live.subarray(0, words));
    }
    const baseWithout = (except: FacetName | null): Uint32Array => {
      const base = start.slice();
      for (const [facet, set] of filters) {
        if (facet === except) continue;
        for (let i = 0; i < words; i++) base[i] = (base[i] as number) & (set[i] as number);
      }
      return base;
    };
    // Facets without a filter of their own all count over the fully filtered set.
    const full = baseWithout(null);
    let total = 0;
    for (let i = 0; i < words; i++) total += popcount(full[i] as number);
    const facets = {} as Record<FacetName, FacetRow[]>;
    for (const facet of FACET_NAMES) {
      const base = filters.has(facet) ? baseWithout(facet) : full;
      const rows: FacetRow[] = [];
      facets[facet] = rows;
      // A sparse base (words, narrow filters) is scanned only where it has bits.
      let nonZeroCount = 0;
      for (let i = 0; i < words; i++) if (base[i] !== 0) nonZeroCount++;
      if (nonZeroCount === 0) continue;
      let nonZero: Int32Array | null = null;
      if (nonZeroCount < words / 2) {
        nonZero = new Int32Array(nonZeroCount);
        for (let i = 0, k = 0; i < words; i++) if (base[i] !== 0) nonZero[k++] = i;
      }
      const labels = this.labels.get(facet);
      for (const [value, set] of this.bits.get(facet) as Map<string, Uint32Array>) {
        const label = labels?.get(value);
        if (LABELLED.has(facet) && !label) continue;
        const n = countAnd(base, set, words, nonZero);
        if (n > 0) {
          rows.push({
            facet,
            value,
            label: label?.label ?? null,
            names: label?.names ?? null,
            count: String(n),
          });
        }
      }
    }
    return { total, facets };
  }
}

// --- keeping it current -----------------------------------------------------------------------------------

type IndexState = {
  index: FacetIndex;
  /** pg_snapshot_xmin of the snapshot the index was last read in: every change below it was seen. */
  xmin: string;
  builtAt: number;
};

/** Patching more organisations than this costs more than rebuilding. */
const patchLimit = (index: FacetIndex) => Math.max(2000, index.liveCount / 4);
// Change rows older than a day are deleted; an index not refreshed for half of that is rebuilt rather than
// patched, so it never relies on rows that may be gone.
const PRUNE_AFTER = '1 day';
const MAX_PATCH_AGE_MS = 12 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

async function snapshotXmin(tx: DbOrTx): Promise<string> {
  const r = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(
    tx,
  );
  return r.rows[0]?.xmin ?? '0';
}

async function build(tx: DbOrTx, xmin: string): Promise<IndexState> {
  const [rows, labelRows] = [await facetMembers(tx), await facetLabels(tx)];
  const labels = new Map<FacetName, Map<string, Label>>();
  for (const l of labelRows) {
    let m = labels.get(l.facet);
    if (!m) {
      m = new Map();
      labels.set(l.facet, m);
    }
    m.set(l.value, { label: l.label, names: l.names });
  }
  return { index: new FacetIndex(rows, labels), xmin, builtAt: Date.now() };
}

/**
 * One refresh, inside one REPEATABLE READ transaction so that the changes read, the snapshot's xmin and
 * the organisations fetched all come from the same snapshot. A change committed by a transaction that was
 * still running at that snapshot has an xid at or above its xmin, so the next refresh reads it, whatever
 * order transactions commit in. Re-reading a change is harmless: a patch refetches current state.
 */
async function refresh(db: Db, state: IndexState | null): Promise<IndexState> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const tooOld =
        !state ||
        Date.now() - state.builtAt > MAX_PATCH_AGE_MS ||
        (state.index.deadCount > 64 && state.index.deadCount > state.index.ids.length / 4);
      if (tooOld) return build(tx, await snapshotXmin(tx));
      const changes = await sql<{ xmin: string; everything: boolean | null; ids: string[] | null }>`
        select pg_snapshot_xmin(pg_current_snapshot())::text as xmin,
          bool_or(organisation_id is null) as everything,
          array_agg(distinct organisation_id::text) filter (where organisation_id is not null) as ids
        from directory_changes where xid >= ${state.xmin}::xid8`.execute(tx);
      const c = changes.rows[0];
      const xmin = c?.xmin ?? state.xmin;
      const ids = c?.ids ?? [];
      if (c?.everything || ids.length > patchLimit(state.index)) return build(tx, xmin);
      const rows = await facetMembers(tx, ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Applied synchronously, so a count (also synchronous) never sees half a patch.
      for (const id of ids) state.index.upsert(id, byId.get(id) ?? null);
      return { ...state, xmin };
    });
}

class FacetIndexHolder {
  private state: IndexState | null = null;
  /** Directory versions read before the last refresh started: the index is current for them. */
  private covered = new Set<string>();
  private pending = new Set<string>();
  private refreshedAt = 0;
  private lastPrune = 0;
  private readonly refreshBatched: () => Promise<FacetIndex>;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {
    this.refreshBatched = batchedReader(() => this.run());
  }

  /**
   * The index, current for `version` (a version the caller read before calling). Refreshes at most once
   * per version, batching concurrent callers; a caller never gets a refresh that started before it came.
   * A version moves just before its change commits, so a refresh may miss a change that was committing
   * while it ran: like the response caches, the index is refreshed again after ttlMs at the latest.
   */
  get(version: string): Promise<FacetIndex> {
    if (this.state && this.covered.has(version) && Date.now() - this.refreshedAt < this.ttlMs) {
      return Promise.resolve(this.state.index);
    }
    this.pending.add(version);
    return this.refreshBatched();
  }

  private async run(): Promise<FacetIndex> {
    const versions = this.pending;
    this.pending = new Set();
    const started = Date.now();
    this.state = await refresh(this.db, this.state);
    const covered = [...this.covered, ...versions];
    this.covered = new Set(covered.slice(-64));
    this.refreshedAt = started;
    if (started - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = started;
      // Not awaited: nobody waits for housekeeping.
      sql`delete from directory_changes where created_at < now() - ${PRUNE_AFTER}::interval`
        .execute(this.db)
        .catch(() => undefined);
    }
    return this.state.index;
  }
}

const holders = new WeakMap<Db, FacetIndexHolder>();

export function facetIndexFor(db: Db, opts: { ttlMs?: number } = {}): FacetIndexHolder {
  let holder = holders.get(db);
  if (!holder) {
    holder = new FacetIndexHolder(db, opts.ttlMs ?? 60_000);
    holders.set(db, holder);
  }
  return holder;
}

/**
 * The total and disjunctive facet counts of a directory query. The public directory counts with the index
 * (the words' matched ids come from PostgreSQL's GIN indexes); staff filtering by status includes members
 * the index does not hold, so that case counts in SQL.
 */
export async function directoryFacets(
  db: Db,
  f: DirectoryFilters,
  version: string,
  matched?: readonly string[],
): Promise<FacetCounts> {
  if (f.status.length > 0) return directoryFacetsSql(db, f);
  const [index, ids] = await Promise.all([
    facetIndexFor(db).get(version),
    f.q ? (matched ?? matchedOrganisationIds(db, f.q)) : null,
  ]);
  return index.count(f, ids);
}
