// /api/v1/mail/outbox: staff read queued and sent mail (the only place to read it when no SMTP is set).
import { z } from 'zod';
import { OutboxMail, OutboxPage, OutboxQuery } from '../../shared/mail.js';
import type { AppContext, ZodApp } from '../context.js';
import { getOutboxMail, listOutbox } from './mail.service.js';

const SESSION = [{ session: [] }];

export function mailRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/mail/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Outgoing mail, newest first, paged by cursor (network staff)',
        security: SESSION,
        querystring: OutboxQuery,
        response: { 200: OutboxPage },
      },
    },
    async (req) => listOutbox(ctx.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/mail/outbox/:id',
    {
      schema: {
        tags: ['mail'],
        summary: 'One outgoing mail with its text (network staff)',
        security: SESSION,
        params: z.object({ id: z.uuid() }),
        response: { 200: OutboxMail },
      },
    },
    async (req) =>
      getOutboxMail(ctx.db, req.actor, req.params.id, { redactLinks: ctx.config.smtpUrl !== undefined }),
  );
}
