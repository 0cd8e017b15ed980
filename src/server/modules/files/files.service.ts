// Logo uploads: checked by content (never by name), re-encoded to WebP and resized, then stored.
import sharp from 'sharp';
import { LOGO_MAX_BYTES } from '../../../shared/organisations.js';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { findFile, insertFile } from './files.repository.js';

const ACCEPTED_LOGO_FORMATS = new Set(['png', 'jpeg', 'webp']);
export const LOGO_BOX = 512;

function reencode(data: Buffer) {
  return sharp(data, { limitInputPixels: 50_000_000 })
    .rotate()
    .resize(LOGO_BOX, LOGO_BOX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
}

export const fileUrl = (id: string): string => `/api/v1/files/${id}`;

export async function storeLogo(
  ctx: AppContext,
  actor: Actor | null,
  data: Buffer,
): Promise<{ fileId: string; url: string }> {
  if (data.length > LOGO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'A logo may be at most 2 MB');
  if (data.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is empty');
  let format: string | undefined;
  try {
    // sharp reads the magic bytes; SVG is reported as 'svg' and refused below, like any non-raster format.
    format = (await sharp(data).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED_LOGO_FORMATS.has(format)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'A logo must be a PNG, JPEG or WebP image');
  }
  let out: Awaited<ReturnType<typeof reencode>>;
  try {
    out = await reencode(data);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The image could not be read');
  }
  const stored = await ctx.files.put(out.data, 'webp');
  const fileId = await insertFile(ctx.db, {
    purpose: 'logo',
    contentType: 'image/webp',
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    width: out.info.width,
    height: out.info.height,
    createdBy: actor?.userId ?? null,
  });
  return { fileId, url: fileUrl(fileId) };
}

/** A public file (logos and event covers are public); anything else is not served here. */
export async function readPublicFile(
  ctx: AppContext,
  id: string,
): Promise<{ contentType: string; data: Buffer; sha256: string }> {
  const row = await findFile(ctx.db, id);
  if (row?.purpose !== 'logo' && row?.purpose !== 'event_cover')
    throw new AppError('NOT_FOUND', 'No such file');
  const data = await ctx.files.get(row.storage_key);
  if (!data) throw new AppError('NOT_FOUND', 'No such file');
  return { contentType: row.content_type, data, sha256: row.sha256 };
}

export async function logoExists(ctx: AppContext, id: string): Promise<boolean> {
  const row = await findFile(ctx.db, id);
  return row?.purpose === 'logo';
}

/** Any stored image purpose (e.g. 'event_cover'): checked and re-encoded like a logo, within `box` pixels. */
export async function storeImage(
  ctx: AppContext,
  actor: Actor | null,
  data: Buffer,
  opts: { purpose: string; box: number; maxBytes: number },
): Promise<{ fileId: string; url: string }> {
  if (data.length > opts.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', 'The image is too large');
  if (data.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is empty');
  let out: Awaited<ReturnType<typeof reencode>>;
  try {
    const format = (await sharp(data).metadata()).format;
    if (!format || !ACCEPTED_LOGO_FORMATS.has(format)) throw new Error('format');
    out = await sharp(data, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(opts.box, opts.box, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'An image must be a PNG, JPEG or WebP');
  }
  const stored = await ctx.files.put(out.data, 'webp');
  const fileId = await insertFile(ctx.db, {
    purpose: opts.purpose,
    contentType: 'image/webp',
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    width: out.info.width,
    height: out.info.height,
    createdBy: actor?.userId ?? null,
  });
  return { fileId, url: fileUrl(fileId) };
}

// Documents are recognised by their bytes (file-type), never by name or declared type.
const DOCUMENT_TYPES = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'png', 'jpg', 'webp']);
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** A document (PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG, WebP; up to 20 MB unless `maxBytes` says otherwise), stored as is with its checksum. */
export async function storeDocument(
  ctx: AppContext,
  actor: Actor | null,
  data: Buffer,
  purpose: string,
  maxBytes = DOCUMENT_MAX_BYTES,
): Promise<{ fileId: string; contentType: string; ext: string; size: number; sha256: string }> {
  if (data.length > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `A document may be at most ${Math.round(maxBytes / 1048576)} MB`);
  if (data.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The file is empty');
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(data);
  if (!type || !DOCUMENT_TYPES.has(type.ext)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Accepted: PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG, WebP');
  }
  const stored = await ctx.files.put(data, type.ext);
  const fileId = await insertFile(ctx.db, {
    purpose,
    contentType: type.mime,
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    width: null,
    height: null,
    createdBy: actor?.userId ?? null,
  });
  return { fileId, contentType: type.mime, ext: type.ext, size: stored.size, sha256: stored.sha256 };
}

/** A stored file of the given purpose; the caller has already checked who may read it (pass a job's tx as `db`). */
export async function readStoredFile(
  ctx: AppContext,
  id: string,
  purpose: string,
  db: DbOrTx = ctx.db,
): Promise<{ contentType: string; data: Buffer; sha256: string }> {
  const row = await findFile(db, id);
  if (row?.purpose !== purpose) throw new AppError('NOT_FOUND', 'No such file');
  const data = await ctx.files.get(row.storage_key);
  if (!data) throw new AppError('NOT_FOUND', 'No such file');
  return { contentType: row.content_type, data, sha256: row.sha256 };
}

export async function fileExists(ctx: AppContext, id: string, purpose: string): Promise<boolean> {
  const row = await findFile(ctx.db, id);
  return row?.purpose === purpose;
}

/** A file name safe to store and to send back: letters, digits, dots, dashes and spaces, ending with the
 * extension of what the file really is (by content). */
export const safeFilename = (name: string, ext: string) => {
  const base = name
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .slice(0, 200)
    .trim();
  // The stored name ends with the extension of what the file really is.
  const stem = base.replace(/\.[^.]*$/, '') || 'document';
  return `${stem}.${ext === 'jpg' ? 'jpg' : ext}`;
};
