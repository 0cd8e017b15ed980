// Runs the ordered migrations in db/migrations; listed explicitly so bundling and tsx both find them.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_directory_version.js';
import * as m0003 from './migrations/0003_directory_indexes.js';
import * as m0004 from './migrations/0004_jobs.js';

const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_directory_version': m0002,
  '0003_directory_indexes': m0003,
  '0004_jobs': m0004,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
