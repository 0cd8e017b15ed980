// The participants of an event as CSV (semicolons, UTF-8 BOM, as Excel in Italy expects) or XLSX.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { RegistrationRow } from './events.repository.js';

const STATUS_IT: Record<string, string> = {
  pending: 'da confermare',
  confirmed: 'confermata',
  waitlisted: "lista d'attesa",
  cancelled: 'annullata',
  attended: 'presente',
  no_show: 'assente',
};
const MODE_IT: Record<string, string> = { in_person: 'in presenza', online: 'online' };

export const PARTICIPANT_HEADERS = [
  'nome',
  'email',
  'organizzazione',
  'tipo di ente',
  'regione',
  'modalità',
  'stato',
  'iscrizione',
  'check-in',
  'accessibilità',
  'interpretariato',
  'esigenze alimentari',
  'note',
  'walk-in',
];

const isoMinute = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '');

function cells(r: RegistrationRow): string[] {
  const a = (r.answers ?? {}) as Record<string, string>;
  return [
    r.name,
    r.email ?? '',
    r.organisation_name ?? '',
    r.organisation_kind ?? '',
    r.region_name ?? '',
    MODE_IT[r.mode] ?? r.mode,
    STATUS_IT[r.status] ?? r.status,
    isoMinute(r.created_at),
    isoMinute(r.checked_in_at),
    a.accessibility ?? '',
    a.interpretation ?? '',
    a.dietary ?? '',
    a.freeText ?? '',
    r.walk_in ? 'sì' : 'no',
  ];
}

// A cell starting with = + - @ would run as a formula in a spreadsheet: neutralise it.
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function participantsCsv(rows: RegistrationRow[]): Buffer {
  const body = stringify([PARTICIPANT_HEADERS, ...rows.map((r) => cells(r).map(safe))], {
    delimiter: ';',
    record_delimiter: 'windows',
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function participantsXlsx(rows: RegistrationRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trama';
  const ws = wb.addWorksheet('Partecipanti', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = PARTICIPANT_HEADERS.map((h) => ({
    header: h,
    key: h,
    width: h === 'nome' || h === 'organizzazione' ? 32 : 18,
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(cells(r));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PARTICIPANT_HEADERS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
