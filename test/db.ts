// The test database: PGlite in memory by default, or the PostgreSQL at TEST_DATABASE_URL (reset once per run).
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../src/server/db/connection.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { ensureReferenceData } from '../src/server/seed/reference.js';

let handle: Promise<DatabaseHandle> | undefined;

export function testDatabase(): Promise<DatabaseHandle> {
  handle ??= (async () => {
    const url = process.env.TEST_DATABASE_URL;
    const h = await openDatabase(url ? { databaseUrl: url } : {});
    if (url) {
      await sql`drop schema if exists public cascade`.execute(h.db);
      await sql`create schema public`.execute(h.db);
    }
    await migrateToLatest(h.db);
    await ensureReferenceData(h.db);
    return h;
  })();
  return handle;
}
