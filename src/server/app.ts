// buildApp(ctx): plugins, then each module's routes, registered explicitly so a path is found by grep.
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './context.js';
import { registerAuthHooks } from './http/auth.js';
import { registerErrorHandler } from './http/errors.js';
import { registerInputChecks } from './http/input.js';
import { registerRoutes } from './routes.js';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: 2 * 1024 * 1024, files: 1, fields: 50, fieldSize: 100_000 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Trama API', version: '1', description: `JSON API of ${config.networkName}` },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'trama_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthHooks(app, config, ctx.db);
  registerInputChecks(app);
  await registerRoutes(app, ctx);

  // One not-found handler: client-side routes get the web app shell, everything else the error body.
  const webDist = config.webDist;
  let indexHtml: string | null = null;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
    indexHtml = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (indexHtml && req.method === 'GET' && !url.startsWith('/api/') && !path.extname(url)) {
      return reply.type('text/html; charset=utf-8').send(indexHtml);
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${url}` } });
  });
  return app;
}
