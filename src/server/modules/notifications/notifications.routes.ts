// HTTP routes of the notification centre: the caller's own notifications only.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorBody } from '../../../shared/errors.js';
import {
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationSettings,
  ReadAllResult,
  UnreadCount,
  UnsubscribeResult,
  UnsubscribeToken,
} from '../../../shared/notifications.js';
import type { AppContext, ZodApp } from '../../context.js';
import { fieldError } from '../../errors.js';
import * as service from './notifications.service.js';

const tags = ['notifications'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export function notificationsRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first; paged by cursor; ?unread=true for unread only',
        querystring: NotificationListQuery,
        response: { 200: NotificationList, ...errors },
      },
    },
    async (req) => service.listMine(ctx, req.actor, req.query),
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags,
        summary: 'How many of my notifications are unread (capped at 100)',
        response: { 200: UnreadCount, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.unreadCount(ctx, req.actor);
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all my notifications as read',
        response: { 200: ReadAllResult, ...errors },
      },
    },
    async (req) => service.markAllRead(ctx, req.actor),
  );

  app.get(
    '/api/v1/notifications/settings',
    {
      schema: {
        tags,
        summary: 'How I receive notifications by email: off, immediate or daily (the default)',
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return service.getSettings(ctx, req.actor);
    },
  );

  app.put(
    '/api/v1/notifications/settings',
    {
      schema: {
        tags,
        summary: 'Choose how I receive notifications by email (off also cancels mails not sent yet)',
        body: NotificationSettings,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (req) => service.updateSettings(ctx, req.actor, req.body),
  );

  // RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" as a form, without cookies or Origin
  // (the CSRF check skips this path: the signed token in the URL is the authorisation). The web page posts JSON.
  app.register(async (sub: FastifyInstance) => {
    sub.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    (sub as unknown as ZodApp).post(
      '/api/v1/notifications/unsubscribe',
      {
        schema: {
          tags,
          summary:
            'Stop notification emails: one-click (RFC 8058, token in the query) or from the web page (token in the body)',
          querystring: z.object({ token: UnsubscribeToken.optional() }),
          body: z
            .object({
              token: UnsubscribeToken.optional(),
              'List-Unsubscribe': z.literal('One-Click').optional(),
            })
            // A bare POST (no body at all) arrives as null.
            .nullish(),
          response: { 200: UnsubscribeResult, 400: ErrorBody },
        },
      },
      async (req) => {
        const token = req.body?.token ?? req.query.token;
        if (!token) throw fieldError('token', 'required');
        return service.unsubscribe(ctx, token);
      },
    );
  });

  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications as read',
        params: z.object({ id: z.uuid() }),
        response: { 200: Notification, ...errors },
      },
    },
    async (req) => service.markRead(ctx, req.actor, req.params.id),
  );
}
