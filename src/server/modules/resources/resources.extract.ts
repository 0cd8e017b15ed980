// Text inside uploaded documents, for search: PDF through pdfjs, DOCX through mammoth, the other office
// formats by reading the text nodes of their XML parts. Bounded in pages and characters; never throws.
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const MAX_PAGES = 200;
export const MAX_CHARS = 1_000_000;

export type Extracted = { text: string; error: string | null };

const STANDARD_FONTS = `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}${path.sep}`;

async function fromPdf(data: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && length < MAX_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : ''))
        .join('')
        .trim();
      parts.push(text);
      length += text.length + 1;
      page.cleanup();
    }
    return parts.join('\n');
  } finally {
    await doc.destroy();
  }
}

async function fromDocx(data: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  const out = await mammoth.extractRawText({ buffer: data });
  return out.value;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** Text of the XML elements named `tag` (e.g. a:t in slides), joined by spaces. */
function xmlText(xml: string, tags: readonly string[]): string {
  const out: string[] = [];
  const re = new RegExp(`<(${tags.join('|')})(?:\\s[^>]*)?>([^<]*)</\\1>`, 'g');
  for (const m of xml.matchAll(re)) if (m[2]) out.push(decodeEntities(m[2]));
  return out.join(' ');
}

// Unzipping is bounded: only the parts we read, and none larger than 20 MB uncompressed.
function unzipParts(data: Buffer, want: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(data), {
    filter: (f) => want(f.name) && f.originalSize <= 20 * 1024 * 1024,
  });
}

const byNumber = (a: string, b: string) =>
  Number(/(\d+)\.xml$/.exec(a)?.[1] ?? 0) - Number(/(\d+)\.xml$/.exec(b)?.[1] ?? 0);

function fromPptx(data: Buffer): string {
  const parts = unzipParts(data, (n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  return Object.keys(parts)
    .sort(byNumber)
    .map((n) => xmlText(strFromU8(parts[n] as Uint8Array), ['a:t']))
    .join('\n');
}

function fromXlsx(data: Buffer): string {
  const parts = unzipParts(
    data,
    (n) => n === 'xl/sharedStrings.xml' || /^xl\/worksheets\/sheet\d+\.xml$/.test(n),
  );
  return Object.keys(parts)
    .sort()
    .map((n) => xmlText(strFromU8(parts[n] as Uint8Array), ['t', 'v']))
    .join('\n');
}

function fromOdt(data: Buffer): string {
  const parts = unzipParts(data, (n) => n === 'content.xml');
  const xml = parts['content.xml'];
  if (!xml) return '';
  // Paragraph and heading ends become line breaks; every other tag goes.
  return decodeEntities(
    strFromU8(xml)
      .replace(/<\/text:(p|h)>/g, '\n')
      .replace(/<text:(s|tab)\/>/g, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

export async function extractText(data: Buffer, contentType: string): Promise<Extracted> {
  try {
    let text: string;
    switch (contentType) {
      case 'application/pdf':
        text = await fromPdf(data);
        break;
      case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
        text = await fromDocx(data);
        break;
      case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
        text = fromPptx(data);
        break;
      case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
        text = fromXlsx(data);
        break;
      case 'application/vnd.oasis.opendocument.text':
        text = fromOdt(data);
        break;
      default:
        // Images: nothing to read (no OCR).
        return { text: '', error: null };
    }
    // NUL bytes are refused by PostgreSQL text columns.
    return {
      text: text
        .replaceAll(String.fromCharCode(0), '')
        .replace(/[ \t]+/g, ' ')
        .slice(0, MAX_CHARS),
      error: null,
    };
  } catch (err) {
    return { text: '', error: String((err as Error)?.message ?? err).slice(0, 500) };
  }
}
