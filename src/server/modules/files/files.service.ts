// Logo uploads: checked by content (never by name), re-encoded to WebP and resized, then stored.
import sharp from 'sharp';
import { LOGO_MAX_BYTES } from '../../../shared/organisations.js';
import type { AppContext } from '../../context.js';
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

/** A public file (logos are public); anything else is not served here. */
export async function readPublicFile(
  ctx: AppContext,
  id: string,
): Promise<{ contentType: string; data: Buffer; sha256: string }> {
  const row = await findFile(ctx.db, id);
  if (row?.purpose !== 'logo') throw new AppError('NOT_FOUND', 'No such file');
  const data = await ctx.files.get(row.storage_key);
  if (!data) throw new AppError('NOT_FOUND', 'No such file');
  return { contentType: row.content_type, data, sha256: row.sha256 };
}

export async function logoExists(ctx: AppContext, id: string): Promise<boolean> {
  const row = await findFile(ctx.db, id);
  return row?.purpose === 'logo';
}
