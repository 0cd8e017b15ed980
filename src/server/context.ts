// What every module's routes receive: config, database and file store, passed in (never imported globally).
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { FileStore } from './modules/files/file-store.js';

export type AppContext = {
  config: Config;
  db: Db;
  files: FileStore;
  dbKind: 'pglite' | 'postgres';
};

/** Routes of a module: `export function xRoutes(app: ZodApp, ctx: AppContext)`. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
