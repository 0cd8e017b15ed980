// HTTP route of the one search across Trama.
import { ErrorBody } from '../../../shared/errors.js';
import { SearchQuery, SearchResponse } from '../../../shared/search.js';
import type { AppContext, ZodApp } from '../../context.js';
import * as service from './search.service.js';

export function searchRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search organisations, events, courses and resources at once, grouped by kind; only what the caller may see',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ErrorBody },
      },
    },
    async (req, reply) => {
      // Results depend on who asks.
      reply.header('cache-control', 'private, no-store');
      return service.search(ctx, req.actor, req.query);
    },
  );
}
