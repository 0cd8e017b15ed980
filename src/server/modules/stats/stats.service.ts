// Network statistics, member export and member import: staff only.

import type { Readable } from 'node:stream';
import { APPLICATION_STATUSES, LEGAL_FORMS, ORGANISATION_KINDS } from '../../../shared/organisations.js';
import type { CountBucket, ImportResult, ImportRowResult, MemberStats } from '../../../shared/stats.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { type Actor, isStaff } from '../auth/actor.js';
import { addSearchWords } from '../search/search.words.js';
import { normaliseKey } from './member-columns.js';
import { membersCsv, membersXlsx } from './member-export.js';
import {
  checkRow,
  type ImportReference,
  type MemberDraft,
  nameKey,
  normaliseTaxCode,
  readSpreadsheet,
} from './member-import.js';
import * as repo from './stats.repository.js';

function requireStaff(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
  if (!isStaff(actor)) throw new AppError('FORBIDDEN', 'Only network staff can see this');
  return actor;
}

/**
 * Percentages with one decimal that add up to exactly 100 (largest remainder), so a chart's slices
 * and a table's column agree.
 */
export function percentages(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 1000) / total);
  const floors = exact.map(Math.floor);
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] as number) + 1;
    left--;
  }
  return floors.map((f) => f / 10);
}

function buckets(all: readonly string[], rows: Array<{ value: string; count: number }>): CountBucket[] {
  const counts = new Map(rows.map((r) => [r.value, Number(r.count)]));
  // Every known value is listed (zeros too) so charts keep the same categories; unknown legacy values follow.
  const values = [...all, ...[...counts.keys()].filter((v) => !all.includes(v))];
  const list = values.map((value) => ({ value, count: counts.get(value) ?? 0 }));
  const pct = percentages(list.map((b) => b.count));
  return list
    .map((b, i) => ({ ...b, percent: pct[i] as number }))
    .sort((a, b) => b.count - a.count || values.indexOf(a.value) - values.indexOf(b.value));
}

/** The last `n` months up to `now`, oldest first, as 'YYYY-MM' in Italian time. */
export function lastMonths(now: Date, n: number): string[] {
  const [y, m] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export async function memberStats(db: Db, actor: Actor | null, now = new Date()): Promise<MemberStats> {
  requireStaff(actor);
  const [kinds, forms, regionsCount, regions, applications, joined] = await Promise.all([
    repo.countMembersBy(db, 'kind'),
    repo.countMembersBy(db, 'legal_form'),
    repo.countMembersBy(db, 'region_code'),
    repo.listRegions(db),
    repo.countApplicationsByStatus(db),
    repo.membersJoinedByMonth(db),
  ]);
  const totalMembers = kinds.reduce((a, r) => a + Number(r.count), 0);

  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const byRegion = buckets(
    regions.map((r) => r.code),
    regionsCount.map((r) => ({ value: r.region_code ?? 'none', count: r.count })),
  ).map((b) => ({ ...b, label: regionName.get(b.value) ?? (b.value === 'none' ? 'Non indicata' : b.value) }));

  const appCounts = new Map(applications.map((a) => [a.status as string, Number(a.count)]));
  const months = lastMonths(now, 24);
  const perMonth = new Map(joined.map((j) => [j.month, Number(j.count)]));
  let total = joined.filter((j) => j.month < (months[0] as string)).reduce((a, j) => a + Number(j.count), 0);
  const growth = months.map((month) => {
    const n = perMonth.get(month) ?? 0;
    total += n;
    return { month, joined: n, total };
  });

  return {
    totalMembers,
    byKind: buckets(
      ORGANISATION_KINDS,
      kinds.map((r) => ({ value: r.kind as string, count: r.count })),
    ),
    byLegalForm: buckets(
      LEGAL_FORMS,
      forms.map((r) => ({ value: r.legal_form as string, count: r.count })),
    ),
    byRegion,
    applicationsByStatus: APPLICATION_STATUSES.map((value) => ({ value, count: appCounts.get(value) ?? 0 })),
    growth,
  };
}

export async function exportMembers(
  db: Db,
  actor: Actor | null,
  format: 'csv' | 'xlsx',
): Promise<{ body: Buffer | Readable; contentType: string; filename: string }> {
  requireStaff(actor);
  const rows = await repo.listMembersForExport(db);
  const day = new Date().toISOString().slice(0, 10);
  return format === 'csv'
    ? { body: membersCsv(rows), contentType: 'text/csv; charset=utf-8', filename: `aderenti-${day}.csv` }
    : {
        body: membersXlsx(rows),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `aderenti-${day}.xlsx`,
      };
}

async function loadReference(db: Db): Promise<ImportReference> {
  const [provinces, fields] = await Promise.all([repo.loadProvinces(db), repo.loadFields(db)]);
  const fieldMap = new Map<string, string>();
  for (const f of fields) {
    fieldMap.set(f.slug.toLowerCase(), f.id);
    fieldMap.set(normaliseKey(f.slug), f.id);
    for (const name of Object.values(f.names ?? {})) {
      fieldMap.set(name.toLowerCase(), f.id);
      fieldMap.set(normaliseKey(name), f.id);
    }
  }
  return {
    provinces: new Map(provinces.map((p) => [p.code.toUpperCase(), p.region_code])),
    provinceNames: new Map(provinces.map((p) => [normaliseKey(p.name), p.code.toUpperCase()])),
    fields: fieldMap,
  };
}

/** Lowercase ASCII words joined by hyphens: "Associazione Città Aperta" → "associazione-citta-aperta". */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || 'organizzazione';
}

/**
 * Checks every row and reports what would happen; unless it is a dry run, creates the valid rows as
 * members in one transaction (all or nothing), each with an 'imported' audit entry.
 */
export async function importMembers(
  db: Db,
  actor: Actor | null,
  file: { data: Buffer; filename: string },
  dryRun: boolean,
  now = new Date(),
): Promise<ImportResult> {
  const who = requireStaff(actor);
  const raw = await readSpreadsheet(file.data);
  const ref = await loadReference(db);
  const checked = raw.map((r) => ({ raw: r, ...checkRow(r, ref, now) }));

  // Duplicates are recognised even on rows with errors: a row already in the network is skipped, not
  // reported as wrong, so re-importing an export reports every row as 'skip'.
  const keys = checked.map(({ raw: r, draft }) => ({
    taxCode: draft ? draft.taxCode : normaliseTaxCode(r.values.tax_code),
    name: nameKey(draft?.name ?? r.values.name ?? '', draft?.municipality ?? r.values.municipality ?? null),
  }));
  const existing = await repo.findExistingDuplicates(
    db,
    keys.flatMap((k) => (k.taxCode ? [k.taxCode] : [])),
    keys.map((k) => k.name),
  );
  const existingByTax = new Map(
    existing.filter((e) => e.tax_code).map((e) => [e.tax_code?.toUpperCase(), e]),
  );
  const existingByName = new Map(existing.map((e) => [e.name_key, e]));

  const seenTax = new Map<string, number>();
  const seenName = new Map<string, number>();
  const toCreate: Array<{ row: number; draft: MemberDraft }> = [];
  const rows: ImportRowResult[] = checked.map(({ raw: r, draft, errors }, i) => {
    const name = (r.values.name ?? '').trim();
    const key = keys[i] as { taxCode: string | null; name: string };
    const skip = (field: string, message: string): ImportRowResult => ({
      row: r.row,
      name,
      action: 'skip',
      errors: [{ field, message }],
    });
    const byTax = key.taxCode ? existingByTax.get(key.taxCode) : undefined;
    if (byTax) return skip('tax_code', `already in the network: ${byTax.name} (${byTax.slug})`);
    const byName = name ? existingByName.get(key.name) : undefined;
    if (byName)
      return skip('name', `already in the network in this municipality: ${byName.name} (${byName.slug})`);
    if (!draft) return { row: r.row, name, action: 'error', errors };
    const earlierTax = draft.taxCode ? seenTax.get(draft.taxCode) : undefined;
    if (earlierTax) return skip('tax_code', `same tax code as row ${earlierTax}`);
    const earlierName = seenName.get(key.name);
    if (earlierName) return skip('name', `same name and municipality as row ${earlierName}`);
    if (draft.taxCode) seenTax.set(draft.taxCode, r.row);
    seenName.set(key.name, r.row);
    toCreate.push({ row: r.row, draft });
    return { row: r.row, name, action: 'create', errors: [] };
  });

  if (!dryRun && toCreate.length > 0) {
    try {
      await db.transaction().execute(async (tx) => {
        const bases = [...new Set(toCreate.map((c) => slugify(c.draft.name)))];
        const taken = new Set(await repo.takenOrganisationSlugs(tx, bases));
        const items = toCreate.map(({ draft }) => {
          const base = slugify(draft.name);
          let slug = base;
          for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
          taken.add(slug);
          return { slug, draft };
        });
        await repo.insertImportedMembers(
          tx,
          items,
          who.userId,
          `Imported from ${file.filename}`.slice(0, 300),
        );
        // One text for the whole file: a spread of thousands of arguments is not needed.
        const text = items
          .flatMap(({ draft: d }) => [
            d.name,
            d.acronym ?? '',
            d.municipality,
            ...Object.values(d.description),
          ])
          .join('\n');
        await addSearchWords(tx, text);
      });
    } catch (err) {
      // Someone created one of these organisations (same tax code or slug) while we were importing.
      if ((err as { code?: string }).code === '23505') {
        throw new AppError(
          'CONFLICT',
          'An organisation in this file was created meanwhile: run the import again',
        );
      }
      throw err;
    }
  }

  const summary = { create: 0, skip: 0, error: 0 };
  for (const r of rows) summary[r.action]++;
  return { dryRun, summary, rows };
}
