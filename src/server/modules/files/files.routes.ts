// Logo upload and file download.
import { z } from 'zod';
import { ErrorBody } from '../../../shared/errors.js';
import { LogoUploaded } from '../../../shared/organisations.js';
import type { AppContext, ZodApp } from '../../context.js';
import { AppError } from '../../errors.js';
import { readPublicFile, storeLogo } from './files.service.js';

export function filesRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    '/api/v1/uploads/logo',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload a logo (multipart field "file"; PNG, JPEG or WebP up to 2 MB)',
        consumes: ['multipart/form-data'],
        response: { 201: LogoUploaded, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data');
      const part = await req.file();
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', 'The field "file" is missing');
      // toBuffer() throws a 413 as soon as the stream passes the multipart fileSize limit.
      const data = await part.toBuffer();
      const out = await storeLogo(ctx, req.actor, data);
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/v1/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'A stored public file (logo)',
        params: z.object({ id: z.uuid() }),
      },
    },
    async (req, reply) => {
      const f = await readPublicFile(ctx, req.params.id);
      // Files are immutable (a new logo is a new file id), so they can be cached for good.
      return reply
        .header('content-type', f.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('etag', `"${f.sha256}"`)
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );
}
