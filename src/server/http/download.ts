// Headers of a stored file sent for download: a safe attachment name, and a response that cannot run as a page.
import type { FastifyReply } from 'fastify';

/** An attachment name safe in a header: ASCII fallback plus the UTF-8 form. */
export function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function sendDownload(
  reply: FastifyReply,
  f: { contentType: string; filename: string; sha256: string; data: Buffer },
) {
  return reply
    .type(f.contentType)
    .header('content-disposition', disposition(f.filename))
    .header('etag', `"${f.sha256}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .send(f.data);
}
