// The certificate of attendance as a PDF (pdfkit), with Noto Sans embedded so Italian accents and Arabic
// names render; Arabic certificates are laid out right to left.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Locale } from '../auth/auth.table.js';

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => readFileSync(require.resolve(`${pkg}/files/${file}`));
let fonts: Record<'latin' | 'latinBold' | 'arabic' | 'arabicBold', Buffer> | undefined;
function loadFonts() {
  fonts ??= {
    latin: font('@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff'),
    latinBold: font('@fontsource/noto-sans', 'noto-sans-latin-700-normal.woff'),
    arabic: font('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff'),
    arabicBold: font('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-700-normal.woff'),
  };
  return fonts;
}

export type CertificateData = {
  locale: Locale;
  holderName: string;
  courseTitle: string;
  hoursAttended: number;
  totalHours: number;
  firstSessionAt: Date | null;
  lastSessionAt: Date | null;
  timeZone: string;
  issuedAt: Date;
  networkName: string;
  code: string;
  verifyUrl: string;
  revoked: boolean;
};

const TAG: Record<Locale, string> = { it: 'it-IT', en: 'en-GB', ar: 'ar' };
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

const T = {
  it: {
    heading: 'Attestato di partecipazione',
    certifies: 'Si attesta che',
    attended: 'ha partecipato al corso',
    hours: (a: string, t: string) => `per ${a} ore su ${t} ore complessive`,
    dates: (a: string, b: string) => (a === b ? `il ${a}` : `dal ${a} al ${b}`),
    issued: (d: string) => `Rilasciato il ${d}`,
    code: 'Codice di verifica',
    verify: 'Verifica su',
    revoked: 'ATTESTATO REVOCATO',
  },
  en: {
    heading: 'Certificate of attendance',
    certifies: 'This is to certify that',
    attended: 'attended the course',
    hours: (a: string, t: string) => `for ${a} hours out of ${t} hours in total`,
    dates: (a: string, b: string) => (a === b ? `on ${a}` : `from ${a} to ${b}`),
    issued: (d: string) => `Issued on ${d}`,
    code: 'Verification code',
    verify: 'Verify at',
    revoked: 'CERTIFICATE REVOKED',
  },
  ar: {
    heading: 'شهادة حضور',
    certifies: 'نشهد بأن',
    attended: 'قد حضر/ت الدورة',
    hours: (a: string, t: string) => `لمدة ${a} ساعة من أصل ${t} ساعة`,
    dates: (a: string, b: string) => (a === b ? `في ${a}` : `من ${a} إلى ${b}`),
    issued: (d: string) => `صدرت في ${d}`,
    code: 'رمز التحقق',
    verify: 'للتحقق',
    revoked: 'الشهادة ملغاة',
  },
} as const;

/** Renders the certificate; `compress: false` keeps the text streams readable (tests search them). */
export function renderCertificate(d: CertificateData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const f = loadFonts();
  const t = T[d.locale];
  const rtl = d.locale === 'ar';
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    compress: opts.compress ?? true,
    info: {
      Title: `${T[d.locale].heading} – ${d.holderName}`,
      Author: d.networkName,
      Subject: d.courseTitle,
      Keywords: d.code,
    },
  });
  doc.registerFont('latin', f.latin);
  doc.registerFont('latinBold', f.latinBold);
  doc.registerFont('arabic', f.arabic);
  doc.registerFont('arabicBold', f.arabicBold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const fontFor = (s: string, bold: boolean) =>
    ARABIC.test(s) ? (bold ? 'arabicBold' : 'arabic') : bold ? 'latinBold' : 'latin';
  const line = (s: string, size: number, bold = false, gap = 10) => {
    doc.font(fontFor(s, bold)).fontSize(size).text(s, 56, undefined, { width, align: 'center' });
    doc.moveDown(gap / size);
  };
  const day = (x: Date) =>
    new Intl.DateTimeFormat(TAG[d.locale], { dateStyle: 'long', timeZone: d.timeZone }).format(x);
  const num = (n: number) => new Intl.NumberFormat(TAG[d.locale], { maximumFractionDigits: 2 }).format(n);

  doc
    .lineWidth(3)
    .strokeColor('#1c4e80')
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .stroke();
  doc.y = 80;
  line(d.networkName, 14, true, 24);
  line(t.heading, 30, true, 28);
  line(t.certifies, 14);
  line(d.holderName, 26, true, 16);
  line(t.attended, 14);
  line(d.courseTitle, 20, true, 16);
  line(t.hours(num(d.hoursAttended), num(d.totalHours)), 14);
  if (d.firstSessionAt && d.lastSessionAt)
    line(t.dates(day(d.firstSessionAt), day(d.lastSessionAt)), 14, false, 24);
  line(t.issued(day(d.issuedAt)), 11);
  // Labels and values on separate lines: a line mixing Arabic and Latin would need bidi reordering.
  if (rtl) {
    line(t.code, 11, false, 2);
    line(d.code, 12, true, 6);
    line(t.verify, 10, false, 2);
    line(d.verifyUrl, 10);
  } else {
    line(`${t.code}: ${d.code}`, 12, true, 6);
    line(`${t.verify}: ${d.verifyUrl}`, 10);
  }
  if (d.revoked) {
    doc.y = doc.page.height / 2 - 20;
    line(t.revoked, 40, true);
  }
  doc.end();
  return done;
}
