// A course's enrolments with hours, completion and per-session attendance, as CSV (semicolons, UTF-8 BOM,
// as Excel in Italy expects) or XLSX.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { CourseSession, EnrolmentRow } from '../../../shared/trainings.js';

const STATUS_IT: Record<string, string> = {
  enrolled: 'iscritto/a',
  waitlisted: "lista d'attesa",
  cancelled: 'annullata',
};
const ATT_IT: Record<string, string> = { attended: 'presente', absent: 'assente', unmarked: '' };

const day = (s: CourseSession) =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: s.timeZone }).format(
    new Date(s.startsAt),
  );

function table(sessions: CourseSession[], rows: EnrolmentRow[]): string[][] {
  const headers = [
    'nome',
    'email',
    'organizzazione',
    'regione',
    'stato',
    'modalità',
    'ore frequentate',
    'ore totali',
    'quota',
    'completato',
    'attestato',
    ...sessions.map((s, i) => `sessione ${i + 1} (${day(s)}, ${s.hours} h)`),
  ];
  const body = rows.map((r) => [
    r.name,
    r.email,
    r.organisationName ?? '',
    r.regionName ?? '',
    STATUS_IT[r.status] ?? r.status,
    r.mode === 'online' ? 'online' : 'in presenza',
    String(r.progress.attendedHours).replace('.', ','),
    String(r.progress.totalHours).replace('.', ','),
    `${Math.round(r.progress.share * 100)}%`,
    r.progress.complete ? 'sì' : 'no',
    r.certificate ? `${r.certificate.code}${r.certificate.revokedAt ? ' (revocato)' : ''}` : '',
    ...sessions.map(
      (s) => ATT_IT[r.progress.sessions.find((x) => x.sessionId === s.id)?.attendance ?? ''] ?? '',
    ),
  ]);
  return [headers, ...body];
}

// A cell starting with = + - @ would run as a formula in a spreadsheet: neutralise it.
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function enrolmentsCsv(sessions: CourseSession[], rows: EnrolmentRow[]): Buffer {
  const body = stringify(
    table(sessions, rows).map((r) => r.map(safe)),
    { delimiter: ';', record_delimiter: 'windows' },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function enrolmentsXlsx(sessions: CourseSession[], rows: EnrolmentRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trama';
  const ws = wb.addWorksheet('Iscritti', { views: [{ state: 'frozen', ySplit: 1 }] });
  const [headers, ...body] = table(sessions, rows);
  ws.columns = (headers as string[]).map((h, i) => ({ header: h, key: `c${i}`, width: i < 3 ? 30 : 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of body) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
