// Reading a member spreadsheet (CSV or XLSX) into rows, and checking each row against the reference data.
import { CsvError } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  isValidTaxCode,
  LANGUAGES,
  LEGAL_FORMS,
  type LegalForm,
  MEMBERSHIP_MODULES,
  type MembershipModule,
  ORGANISATION_KINDS,
  OrganisationInput,
  type OrganisationKind,
} from '../../../shared/organisations.js';
import { IMPORT_MAX_ROWS } from '../../../shared/stats.js';
import { AppError } from '../../errors.js';
import {
  KIND_LABELS_IT,
  LEGAL_FORM_LABELS_IT,
  MEMBER_COLUMNS,
  type MemberColumnKey,
  normaliseKey,
} from './member-columns.js';

export type RawRow = { row: number; values: Partial<Record<MemberColumnKey, string>> };
export type FieldIssue = { field: string; message: string };

/** A row ready to become an organisation. */
export type MemberDraft = {
  name: string;
  acronym: string | null;
  kind: OrganisationKind;
  legalForm: LegalForm;
  taxCode: string | null;
  runtsNumber: string | null;
  address: string | null;
  postalCode: string | null;
  municipality: string;
  provinceCode: string;
  regionCode: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  fieldIds: string[];
  languages: string[];
  modules: MembershipModule[];
  description: Record<string, string>;
  visible: boolean;
  joinedAt: Date;
};

export type ImportReference = {
  /** province code → region code */
  provinces: ReadonlyMap<string, string>;
  /** province name (normalised) → province code, so "Roma" works as well as "RM" */
  provinceNames: ReadonlyMap<string, string>;
  /** field slug or normalised name (any language) → field id */
  fields: ReadonlyMap<string, string>;
};

const HEADER_TO_KEY = new Map<string, MemberColumnKey>(
  MEMBER_COLUMNS.flatMap((c) => c.headers.map((h) => [h, c.key] as const)),
);

// ---------------------------------------------------------------------------------------------------------
// Reading the file

/** Rows of the first sheet (CSV or XLSX, told apart by content), header mapped to column keys. */
export async function readSpreadsheet(buf: Buffer): Promise<RawRow[]> {
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const table = isZip ? await readXlsx(buf) : readCsv(buf);
  const [header, ...body] = table;
  if (!header) throw fieldError('file', 'the file is empty');
  const keys = header.map((h) => HEADER_TO_KEY.get(normaliseKey(h)));
  if (!keys.includes('name')) {
    throw fieldError('file', 'no "nome" (or "name") column found in the first row');
  }
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const values: RawRow['values'] = {};
    keys.forEach((k, j) => {
      // The first of two columns with the same meaning wins; unknown columns are ignored.
      if (k && values[k] === undefined) values[k] = (cells[j] ?? '').trim();
    });
    rows.push({ row: i + 2, values });
  });
  if (rows.length === 0) throw fieldError('file', 'the file has a header but no rows');
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `At most ${IMPORT_MAX_ROWS} rows per import (found ${rows.length})`,
    );
  }
  return rows;
}

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${field}: ${message}`, { fields: [{ path: field, message }] });
}

function readCsv(buf: Buffer): string[][] {
  if (buf.includes(0)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload a .csv (UTF-8) or .xlsx file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw fieldError('file', 'the CSV is not UTF-8 text: save it as "CSV UTF-8"');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Italian Excel writes semicolons (the comma is the decimal separator); others write commas.
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  try {
    const records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 100_000,
    }) as string[][];
    if (records.length > IMPORT_MAX_ROWS + 1 + 1000) {
      throw new AppError('PAYLOAD_TOO_LARGE', `At most ${IMPORT_MAX_ROWS} rows per import`);
    }
    return records;
  } catch (err) {
    if (err instanceof CsvError) throw fieldError('file', `unreadable CSV: ${err.message}`);
    throw err;
  }
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fieldError('file', 'unreadable XLSX file');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fieldError('file', 'the workbook has no sheet');
  if (ws.actualRowCount > IMPORT_MAX_ROWS + 1) {
    throw new AppError('PAYLOAD_TOO_LARGE', `At most ${IMPORT_MAX_ROWS} rows per import`);
  }
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c).value));
    out[n - 1] = cells;
  });
  return Array.from(out, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v)
      return cellText((v as ExcelJS.CellFormulaValue).result ?? null);
    if ('error' in v) return '';
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------------------------
// Checking a row

const byLabel = <T extends string>(values: readonly T[], labels: Record<T, string>): Map<string, T> => {
  const m = new Map<string, T>();
  for (const v of values) {
    m.set(normaliseKey(v), v);
    m.set(normaliseKey(labels[v]), v);
  }
  return m;
};
const KINDS = byLabel(ORGANISATION_KINDS, KIND_LABELS_IT);
const LEGAL = byLabel(LEGAL_FORMS, LEGAL_FORM_LABELS_IT);
const LANGUAGE_SET = new Set<string>(LANGUAGES);
const MODULE_SET = new Set<string>(MEMBERSHIP_MODULES);

const YES = new Set(['si', 'yes', 'true', 'vero', '1', 'x', 'y', 's']);
const NO = new Set(['no', 'false', 'falso', '0', 'n', '']);

// Text fields are checked by the same rules as the application form, so imported and applied members match.
const TextFields = OrganisationInput.pick({
  name: true,
  acronym: true,
  taxCode: true,
  runtsNumber: true,
  address: true,
  postalCode: true,
  municipality: true,
  website: true,
  phone: true,
}).extend({ email: z.email().max(254).nullable() });

const INPUT_TO_COLUMN: Record<string, MemberColumnKey> = {
  name: 'name',
  acronym: 'acronym',
  taxCode: 'tax_code',
  runtsNumber: 'runts',
  address: 'address',
  postalCode: 'postal_code',
  municipality: 'municipality',
  website: 'website',
  phone: 'phone',
  email: 'email',
};

const MESSAGES: Record<string, string> = {
  invalid_tax_code:
    'not a valid Italian tax code (11 digits with check digit, or 16-character personal code)',
  invalid_postal_code: 'must be 5 digits',
  invalid_url: 'not a valid web address',
};

const splitList = (s: string | undefined, sep: RegExp) =>
  (s ?? '')
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

export function checkRow(
  raw: RawRow,
  ref: ImportReference,
  now: Date,
): { draft: MemberDraft | null; errors: FieldIssue[] } {
  const v = raw.values;
  const errors: FieldIssue[] = [];
  const blank = (s: string | undefined) => (s ?? '').trim() === '';

  const kind = KINDS.get(normaliseKey(v.kind ?? ''));
  if (blank(v.kind)) errors.push({ field: 'kind', message: 'required' });
  else if (!kind) errors.push({ field: 'kind', message: `unknown kind '${v.kind}'` });

  const legalForm = LEGAL.get(normaliseKey(v.legal_form ?? ''));
  if (blank(v.legal_form)) errors.push({ field: 'legal_form', message: 'required' });
  else if (!legalForm) errors.push({ field: 'legal_form', message: `unknown legal form '${v.legal_form}'` });

  let provinceCode = (v.province ?? '').trim().toUpperCase();
  if (!ref.provinces.has(provinceCode))
    provinceCode = ref.provinceNames.get(normaliseKey(v.province ?? '')) ?? provinceCode;
  const regionCode = ref.provinces.get(provinceCode);
  if (blank(v.province)) errors.push({ field: 'province', message: 'required' });
  else if (!regionCode) errors.push({ field: 'province', message: `unknown code '${v.province}'` });

  // Spreadsheets turn codes into numbers and drop leading zeros (CAP 00184, tax code 01234567890).
  const taxCode = normaliseTaxCode(v.tax_code) ?? '';
  let postalCode = (v.postal_code ?? '').trim();
  if (/^\d{3,4}$/.test(postalCode)) postalCode = postalCode.padStart(5, '0');

  const text = TextFields.safeParse({
    name: v.name ?? '',
    acronym: v.acronym || null,
    taxCode: taxCode || null,
    runtsNumber: v.runts || null,
    address: v.address || null,
    postalCode: postalCode || null,
    municipality: v.municipality ?? '',
    website: v.website || null,
    phone: v.phone || null,
    email: v.email ? v.email.trim() : null,
  });
  if (!text.success) {
    for (const issue of text.error.issues) {
      const key = String(issue.path[0] ?? '');
      const column = INPUT_TO_COLUMN[key] ?? key;
      const value = v[column as MemberColumnKey] ?? '';
      const message =
        MESSAGES[issue.message] ??
        (value.trim() === '' && issue.code === 'too_small' ? 'required' : issue.message);
      if (!errors.some((e) => e.field === column)) errors.push({ field: column, message });
    }
  }

  const fieldIds: string[] = [];
  for (const f of splitList(v.fields, /[;|\n]/)) {
    const id = ref.fields.get(f.toLowerCase()) ?? ref.fields.get(normaliseKey(f));
    if (id) {
      if (!fieldIds.includes(id)) fieldIds.push(id);
    } else errors.push({ field: 'fields', message: `unknown field of activity '${f}'` });
  }

  const languages: string[] = [];
  for (const l of splitList(v.languages, /[;,|\s]+/).map((x) => x.toLowerCase())) {
    if (!LANGUAGE_SET.has(l)) errors.push({ field: 'languages', message: `unknown language code '${l}'` });
    else if (!languages.includes(l)) languages.push(l);
  }

  const modules: MembershipModule[] = [];
  for (const m of splitList(v.modules, /[;,|\s]+/).map((x) => normaliseKey(x))) {
    if (!MODULE_SET.has(m)) errors.push({ field: 'modules', message: `unknown module '${m}'` });
    else if (!modules.includes(m as MembershipModule)) modules.push(m as MembershipModule);
  }

  const visibleText = normaliseKey(v.visible ?? '');
  const visible = YES.has(visibleText);
  if (!visible && !NO.has(visibleText)) {
    errors.push({ field: 'visible', message: `'${v.visible}' is neither sì nor no` });
  }

  let joinedAt = now;
  if (!blank(v.joined_at)) {
    const d = parseDay(v.joined_at ?? '');
    if (!d)
      errors.push({
        field: 'joined_at',
        message: `'${v.joined_at}' is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
      });
    else if (d > now) errors.push({ field: 'joined_at', message: 'is in the future' });
    else joinedAt = d;
  }

  const description: Record<string, string> = {};
  if (v.description) description.it = v.description;
  if (v.description_en) description.en = v.description_en;
  if (v.description_ar) description.ar = v.description_ar;
  for (const [lang, t] of Object.entries(description)) {
    if (t.length > 10_000)
      errors.push({
        field: lang === 'it' ? 'description' : `description_${lang}`,
        message: 'longer than 10000 characters',
      });
  }

  if (errors.length > 0 || !text.success || !kind || !legalForm || !regionCode)
    return { draft: null, errors };
  const t = text.data;
  return {
    draft: {
      name: t.name,
      acronym: t.acronym,
      kind,
      legalForm,
      taxCode: t.taxCode && isValidTaxCode(t.taxCode) ? t.taxCode : null,
      runtsNumber: t.runtsNumber,
      address: t.address,
      postalCode: t.postalCode,
      municipality: t.municipality,
      provinceCode,
      regionCode,
      website: t.website,
      email: t.email,
      phone: t.phone,
      fieldIds,
      languages,
      modules,
      description,
      visible,
      joinedAt,
    },
    errors,
  };
}

/** YYYY-MM-DD or DD/MM/YYYY (the Italian way), as noon UTC so the day survives any time zone. */
function parseDay(s: string): Date | null {
  const t = s.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** Key for "same organisation" by name and municipality, matching the repository's SQL. */
export const nameKey = (name: string, municipality: string | null) =>
  `${name.trim().toLowerCase()}|${(municipality ?? '').trim().toLowerCase()}`;

/** Upper case without spaces; digits-only codes padded back to 11 digits. */
export function normaliseTaxCode(s: string | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, '').toUpperCase();
  if (!t) return null;
  return /^\d{8,10}$/.test(t) ? t.padStart(11, '0') : t;
}
