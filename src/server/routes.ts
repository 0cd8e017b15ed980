// Every module's routes, in one explicit list.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext, ZodApp } from './context.js';
import { mailRoutes } from './mail/mail.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { eventsRoutes } from './modules/events/events.routes.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { forumRoutes } from './modules/forum/forum.routes.js';
import { mentoringRoutes } from './modules/mentoring/mentoring.routes.js';
import { newsletterRoutes } from './modules/newsletter/newsletter.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { programmesRoutes } from './modules/programmes/programmes.routes.js';
import { resourcesRoutes } from './modules/resources/resources.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { statsRoutes } from './modules/stats/stats.routes.js';
import { trainingsRoutes } from './modules/trainings/trainings.routes.js';

export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const zapp = app as unknown as ZodApp;
  authRoutes(zapp, ctx);
  mailRoutes(zapp, ctx);
  filesRoutes(zapp, ctx);
  organisationsRoutes(zapp, ctx);
  zapp.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await ctx.db.selectFrom('app_meta').select('key').limit(1).execute();
      return { status: 'ok' as const, database: ctx.dbKind };
    },
  );
  programmesRoutes(zapp, ctx);
  statsRoutes(zapp, ctx);
  eventsRoutes(zapp, ctx);
  newsletterRoutes(zapp, ctx);
  trainingsRoutes(zapp, ctx);
  notificationsRoutes(zapp, ctx);
  mentoringRoutes(zapp, ctx);
  resourcesRoutes(zapp, ctx);
  forumRoutes(zapp, ctx);
  searchRoutes(zapp, ctx);
}
