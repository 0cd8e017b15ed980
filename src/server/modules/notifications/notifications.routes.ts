// HTTP routes of the notification centre: the caller's own notifications only.
import { z } from 'zod';
import { ErrorBody } from '../../../shared/errors.js';
import {
  Notification,
  NotificationList,
  NotificationListQuery,
  ReadAllResult,
  UnreadCount,
} from '../../../shared/notifications.js';
import type { AppContext, ZodApp } from '../../context.js';
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
