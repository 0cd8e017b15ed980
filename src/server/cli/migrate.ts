// `npm run db:migrate`: brings the database (PGlite in DATA_DIR, or DATABASE_URL) to the latest schema.
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureReferenceData } from '../seed/reference.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    const where = handle.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
    console.log(`Database is up to date: ${where}.`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
