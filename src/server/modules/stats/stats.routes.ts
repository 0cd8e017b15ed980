import { ErrorBody } from '../../../shared/errors.js';
import { IMPORT_MAX_BYTES, ImportQuery, ImportResult, MemberStats } from '../../../shared/stats.js';
import type { AppContext, ZodApp } from '../../context.js';
import { AppError } from '../../errors.js';
import * as service from './stats.service.js';

const denied = { 401: ErrorBody, 403: ErrorBody };

export function statsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/stats/members',
    {
      schema: {
        tags: ['stats'],
        summary: 'Members by kind, legal form and region; applications by status; growth by month (staff)',
        response: { 200: MemberStats, ...denied },
      },
    },
    async (req) => service.memberStats(ctx.db, req.actor),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/v1/exports/members.${format}`,
      {
        schema: {
          tags: ['stats'],
          summary: `Download members and suspended members as ${format.toUpperCase()} (staff)`,
          response: denied,
        },
      },
      async (req, reply) => {
        const file = await service.exportMembers(ctx.db, req.actor, format);
        return (
          reply
            .header('content-type', file.contentType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('cache-control', 'no-store')
            // A file, not JSON: the response schemas only describe the errors.
            .send(file.body as never)
        );
      },
    );
  }

  app.post(
    '/api/v1/imports/members',
    {
      schema: {
        tags: ['stats'],
        summary:
          'Import members from a .csv or .xlsx file in the multipart field "file"; dryRun=true writes nothing',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: {
          200: ImportResult,
          400: ErrorBody,
          ...denied,
          409: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
        },
      },
    },
    async (req) => {
      // Access is checked before reading a possibly large upload.
      if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
      if (!req.isMultipart()) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as multipart/form-data in the field "file"',
        );
      }
      const part = await req.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
      if (part?.fieldname !== 'file') {
        throw new AppError('VALIDATION_FAILED', 'file: required', {
          fields: [{ path: 'file', message: 'required' }],
        });
      }
      const data = await part.toBuffer();
      return service.importMembers(
        ctx.db,
        req.actor,
        { data, filename: part.filename || 'upload' },
        req.query.dryRun !== 'false',
      );
    },
  );
}
