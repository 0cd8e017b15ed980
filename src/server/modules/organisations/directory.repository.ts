// The public directory query: full-text + trigram search, repeatable filters and facet counts.
// Every facet is counted over the set filtered by all OTHER filters, so choosing a region still shows
// how many organisations the other regions would give.
import { type RawBuilder, sql } from 'kysely';
import { FACET_NAMES, type FacetName } from '../../../shared/organisations.js';
import type { DbOrTx } from '../../db/database.js';

export type DirectoryFilters = {
  q: string | undefined;
  /** Empty: the public directory (visible members). Otherwise these statuses, visible or not (staff). */
  status: string[];
  region: string[];
  province: string[];
  kind: string[];
  legalForm: string[];
  field: string[];
  programme: string[];
  language: string[];
  module: string[];
};

export type DirectoryRow = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: string;
  legal_form: string;
  municipality: string | null;
  province_code: string | null;
  region_code: string | null;
  region_name: string | null;
  logo_file_id: string | null;
  description: Record<string, string>;
  status: string;
  visible: boolean;
};

type Cond = RawBuilder<unknown>;

const list = (values: string[]) => sql.join(values.map((v) => sql.val(v)));
const textArray = (values: string[]) => sql`array[${list(values)}]::text[]`;

// The query text is normalised once, as a literal the planner folds (f_unaccent is IMMUTABLE), so every
// index condition below compares a column with a constant and no function runs per row.
const tsQuery = (q: string) => sql`websearch_to_tsquery('italian', f_unaccent(${q}))`;
const nameQuery = (q: string) => sql`lower(f_unaccent(${q}))`;

/**
 * The ids that match the words: full text (stemmed, anywhere in the document) UNION trigrams on the name
 * (typos, partial words). Written as a UNION of separately indexed branches, not one OR, because the
 * planner cannot drive an OR across a tsvector and a trigram predicate from their GIN indexes and falls
 * back to scanning every organisation and computing similarity on each. Each branch is a bitmap scan on
 * its GIN index, so the cost follows the number of matches, not the size of the table.
 * `name_search %> q` is `q <% name_search` (word similarity) in the form gin_trgm_ops indexes.
 */
function matchedIds(q: string) {
  return sql`select id from organisations where search_vector @@ ${tsQuery(q)}
    union
    select id from organisations where name_search % ${nameQuery(q)} or name_search %> ${nameQuery(q)}`;
}

function baseConditions(f: DirectoryFilters): Cond[] {
  return f.status.length
    ? [sql`o.status in (${list(f.status)})`]
    : [sql`o.status = 'member'`, sql`o.visible`];
}

function filterConditions(f: DirectoryFilters, except?: FacetName): Cond[] {
  const c: Cond[] = baseConditions(f);
  if (except !== 'region' && f.region.length) c.push(sql`o.region_code in (${list(f.region)})`);
  if (except !== 'province' && f.province.length) c.push(sql`o.province_code in (${list(f.province)})`);
  if (except !== 'kind' && f.kind.length) c.push(sql`o.kind in (${list(f.kind)})`);
  if (except !== 'legalForm' && f.legalForm.length) c.push(sql`o.legal_form in (${list(f.legalForm)})`);
  if (except !== 'language' && f.language.length) c.push(sql`o.languages && ${textArray(f.language)}`);
  if (except !== 'module' && f.module.length) c.push(sql`o.modules && ${textArray(f.module)}`);
  if (except !== 'field' && f.field.length) {
    c.push(sql`exists (select 1 from organisation_fields ofl join fields_of_activity fa on fa.id = ofl.field_id
      where ofl.organisation_id = o.id and fa.slug in (${list(f.field)}))`);
  }
  if (except !== 'programme' && f.programme.length) {
    c.push(sql`exists (select 1 from programme_organisations po join programmes p on p.id = po.programme_id
      where po.organisation_id = o.id and p.slug in (${list(f.programme)}))`);
  }
  return c;
}

const where = (conds: Cond[]) => sql.join(conds, sql` and `);
const FACETS: readonly FacetName[] = FACET_NAMES;

/** A list of ids as one array parameter (uuids need no quoting). */
export const idArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * One page of the directory. `matched`: the ids the words match (matchedOrganisationIds), when the caller
 * already has them, so one request matches the words once for both its page and its facet counts.
 */
export async function searchDirectory(
  db: DbOrTx,
  f: DirectoryFilters,
  opts: { sort: 'relevance' | 'name' | 'newest'; limit: number; offset: number },
  matched?: readonly string[],
): Promise<DirectoryRow[]> {
  const conds = where(filterConditions(f));
  const order =
    opts.sort === 'relevance' && f.q
      ? sql`ts_rank(o.search_vector, ${tsQuery(f.q)}) + word_similarity(${nameQuery(f.q)}, o.name_search) desc,
          o.name, o.id`
      : opts.sort === 'newest'
        ? sql`o.joined_at desc nulls last, o.created_at desc, o.id`
        : sql`o.name, o.id`;
  // With words, the matched ids come first (few rows, from the GIN indexes) and only they are filtered
  // and ranked. Without words, "order by name, id" under status/visible walks organisations_directory_idx
  // and stops after the page.
  // Given ids are looked up one by one through the primary key (the lateral "offset 0" keeps the planner
  // from turning thousands of lookups into a scan of every organisation).
  const matches = matched
    ? sql`unnest(${idArray(matched)}) as m(id)
        cross join lateral (select * from organisations o where o.id = m.id offset 0) o`
    : sql`(${matchedIds(f.q ?? '')}) m join organisations o on o.id = m.id`;
  const page = f.q
    ? await sql<DirectoryRow>`
      select o.id, o.slug, o.name, o.acronym, o.kind, o.legal_form, o.municipality, o.province_code,
        o.region_code, r.name as region_name, o.logo_file_id, o.description, o.status, o.visible
      from ${matches} left join regions r on r.code = o.region_code
      where ${conds}
      order by ${order}
      limit ${opts.limit} offset ${opts.offset}`.execute(db)
    : await sql<DirectoryRow>`
      select o.id, o.slug, o.name, o.acronym, o.kind, o.legal_form, o.municipality, o.province_code,
        o.region_code, r.name as region_name, o.logo_file_id, o.description, o.status, o.visible
      from organisations o left join regions r on r.code = o.region_code
      where ${conds}
      order by ${order}
      limit ${opts.limit} offset ${opts.offset}`.execute(db);
  return page.rows;
}

export type FacetRow = {
  facet: FacetName | 'total';
  value: string | null;
  label: string | null;
  names: Record<string, string> | null;
  count: string;
};

/**
 * The total and every facet's counts in ONE statement: the candidate set (status, visibility, words) is
 * scanned once into a CTE carrying one boolean per active filter; each facet then groups the rows that
 * pass all the other filters' booleans. Cost: one scan of every candidate, so linear in the network's
 * size. The public directory counts with the in-memory index (facet-index.ts) instead; this statement
 * serves the staff's status filter, which the index does not cover, and is the reference the index is
 * tested against.
 */
export async function directoryFacetsSql(
  db: DbOrTx,
  f: DirectoryFilters,
): Promise<{ total: number; facets: Record<FacetName, FacetRow[]> }> {
  const flag = (name: FacetName, cond: Cond | null) => sql`${cond ?? sql`true`} as f_${sql.raw(name)}`;
  const conds: Record<FacetName, Cond | null> = {
    region: f.region.length ? sql`o.region_code in (${list(f.region)})` : null,
    province: f.province.length ? sql`o.province_code in (${list(f.province)})` : null,
    kind: f.kind.length ? sql`o.kind in (${list(f.kind)})` : null,
    legalForm: f.legalForm.length ? sql`o.legal_form in (${list(f.legalForm)})` : null,
    language: f.language.length ? sql`o.languages && ${textArray(f.language)}` : null,
    module: f.module.length ? sql`o.modules && ${textArray(f.module)}` : null,
    field: f.field.length
      ? sql`exists (select 1 from organisation_fields ofl join fields_of_activity fa on fa.id = ofl.field_id
          where ofl.organisation_id = o.id and fa.slug in (${list(f.field)}))`
      : null,
    programme: f.programme.length
      ? sql`exists (select 1 from programme_organisations po join programmes p on p.id = po.programme_id
          where po.organisation_id = o.id and p.slug in (${list(f.programme)}))`
      : null,
  };
  const base = where(baseConditions(f));
  const others = (except: FacetName | null) =>
    sql.join(
      [sql`true`, ...FACETS.filter((n) => n !== except && conds[n] !== null).map((n) => sql.raw(`b.f_${n}`))],
      sql` and `,
    );
  const result = await sql<FacetRow>`
    with b as materialized (
      select o.id, o.region_code, o.province_code, o.kind, o.legal_form, o.languages, o.modules,
        ${sql.join(FACETS.map((n) => flag(n, conds[n])))}
      from ${f.q ? sql`(${matchedIds(f.q)}) m join organisations o on o.id = m.id` : sql`organisations o`}
      where ${base}
    )
    select 'total' as facet, null as value, null as label, null::jsonb as names, count(*) as count
      from b where ${others(null)}
    union all
    select 'region', b.region_code, min(r.name), null, count(*)
      from b join regions r on r.code = b.region_code where ${others('region')} group by b.region_code
    union all
    select 'province', b.province_code, min(p.name), null, count(*)
      from b join provinces p on p.code = b.province_code where ${others('province')} group by b.province_code
    union all
    select 'kind', b.kind, null, null, count(*) from b where ${others('kind')} group by b.kind
    union all
    select 'legalForm', b.legal_form, null, null, count(*) from b where ${others('legalForm')} group by b.legal_form
    union all
    select 'field', fa.slug, null, min(fa.names::text)::jsonb, count(*)
      from b join organisation_fields ofl on ofl.organisation_id = b.id
      join fields_of_activity fa on fa.id = ofl.field_id
      where ${others('field')} group by fa.slug
    union all
    select 'programme', p.slug, min(p.name), null, count(*)
      from b join programme_organisations po on po.organisation_id = b.id
      join programmes p on p.id = po.programme_id
      where ${others('programme')} group by p.slug
    union all
    select 'language', l.value, null, null, count(*)
      from b cross join lateral unnest(b.languages) as l(value) where ${others('language')} group by l.value
    union all
    select 'module', m.value, null, null, count(*)
      from b cross join lateral unnest(b.modules) as m(value) where ${others('module')} group by m.value`.execute(
    db,
  );
  const facets = Object.fromEntries(FACETS.map((n) => [n, [] as FacetRow[]])) as Record<
    FacetName,
    FacetRow[]
  >;
  let total = 0;
  for (const row of result.rows) {
    if (row.facet === 'total') total = Number(row.count);
    else facets[row.facet].push(row);
  }
  return { total, facets };
}

/** Every organisation (any status) the words match, as the facet index needs them: ids only. */
export async function matchedOrganisationIds(db: DbOrTx, q: string): Promise<string[]> {
  // One row with one string: far cheaper for the drivers than thousands of one-column rows.
  const r = await sql<{ ids: string | null }>`
    select string_agg(m.id::text, ',') as ids from (${matchedIds(q)}) m`.execute(db);
  const ids = r.rows[0]?.ids;
  return ids ? ids.split(',') : [];
}

/** What the facet index keeps of one visible member. */
export type FacetMemberRow = {
  id: string;
  region_code: string | null;
  province_code: string | null;
  kind: string;
  legal_form: string;
  languages: string[];
  modules: string[];
  fields: string[] | null;
  programmes: string[] | null;
};

/**
 * The visible members (all of them, or those among `ids`) with their facet values. For all of them the
 * fields and programmes are aggregated once and hash-joined; for a few, looked up per organisation.
 */
export async function facetMembers(db: DbOrTx, ids?: string[]): Promise<FacetMemberRow[]> {
  const cols = sql`o.id, o.region_code, o.province_code, o.kind, o.legal_form, o.languages, o.modules`;
  if (ids) {
    if (ids.length === 0) return [];
    const r = await sql<FacetMemberRow>`
      select ${cols},
        (select array_agg(fa.slug) from organisation_fields ofl join fields_of_activity fa on fa.id = ofl.field_id
          where ofl.organisation_id = o.id) as fields,
        (select array_agg(p.slug) from programme_organisations po join programmes p on p.id = po.programme_id
          where po.organisation_id = o.id) as programmes
      from organisations o
      where o.id = any(${idArray(ids)}) and o.status = 'member' and o.visible`.execute(db);
    return r.rows;
  }
  const r = await sql<FacetMemberRow>`
    with f as (
      select ofl.organisation_id, array_agg(fa.slug) as slugs
      from organisation_fields ofl join fields_of_activity fa on fa.id = ofl.field_id group by ofl.organisation_id),
    p as (
      select po.organisation_id, array_agg(p.slug) as slugs
      from programme_organisations po join programmes p on p.id = po.programme_id group by po.organisation_id)
    select ${cols}, f.slugs as fields, p.slugs as programmes
    from organisations o
      left join f on f.organisation_id = o.id
      left join p on p.organisation_id = o.id
    where o.status = 'member' and o.visible`.execute(db);
  return r.rows;
}

/** The labels facet values are shown with, as directoryFacetsSql gives them. */
export async function facetLabels(db: DbOrTx): Promise<
  Array<{
    facet: 'region' | 'province' | 'field' | 'programme';
    value: string;
    label: string | null;
    names: Record<string, string> | null;
  }>
> {
  const r = await sql<{
    facet: 'region' | 'province' | 'field' | 'programme';
    value: string;
    label: string | null;
    names: Record<string, string> | null;
  }>`
    select 'region' as facet, code as value, name as label, null::jsonb as names from regions
    union all select 'province', code, name, null from provinces
    union all select 'field', slug, null, names from fields_of_activity
    union all select 'programme', slug, name, null from programmes`.execute(db);
  return r.rows;
}

/** The directory's data version: it moves on every committed change to what the directory shows. */
export async function directoryVersion(db: DbOrTx): Promise<string> {
  const r = await sql<{
    v: string;
  }>`select last_value::text || ':' || is_called::text as v from directory_version_seq`.execute(db);
  return r.rows[0]?.v ?? '0';
}
