// Runs the ordered migrations in db/migrations; listed explicitly so bundling and tsx both find them.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_directory_version.js';
import * as m0003 from './migrations/0003_directory_indexes.js';
import * as m0004 from './migrations/0004_jobs.js';
import * as m0005 from './migrations/0005_events.js';
import * as m0006 from './migrations/0006_newsletter.js';
import * as m0007 from './migrations/0007_trainings.js';
import * as m0008 from './migrations/0008_outbox_recipient_index.js';
import * as m0009 from './migrations/0009_directory_changes.js';
import * as m0010 from './migrations/0010_events_guest_expiry.js';
import * as m0011 from './migrations/0011_audit_log_sequence.js';
import * as m0012 from './migrations/0012_resources.js';
import * as m0013 from './migrations/0013_mentoring.js';
import * as m0014 from './migrations/0014_notifications.js';
import * as m0015 from './migrations/0015_search_indexes.js';
import * as m0016 from './migrations/0016_millisecond_list_keys.js';
import * as m0017 from './migrations/0017_forum.js';
import * as m0018 from './migrations/0018_notification_email.js';
import * as m0019 from './migrations/0019_search_words.js';
import * as m0020 from './migrations/0020_course_completion_notice.js';

const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_directory_version': m0002,
  '0003_directory_indexes': m0003,
  '0004_jobs': m0004,
  '0005_events': m0005,
  '0006_newsletter': m0006,
  '0007_trainings': m0007,
  '0008_outbox_recipient_index': m0008,
  '0009_directory_changes': m0009,
  '0010_events_guest_expiry': m0010,
  '0011_audit_log_sequence': m0011,
  '0012_resources': m0012,
  '0013_mentoring': m0013,
  '0014_notifications': m0014,
  '0015_search_indexes': m0015,
  '0016_millisecond_list_keys': m0016,
  '0017_forum': m0017,
  '0018_notification_email': m0018,
  '0019_search_words': m0019,
  '0020_course_completion_notice': m0020,
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
