// read config → open database → migrate → (demo data) → build app → listen → mail worker.
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { jobHandlers, jobSchedules } from './jobs/handlers.js';
import { startJobWorker } from './jobs/jobs.js';
import { smtpTransport, startMailWorker } from './mail/outbox.js';
import { fileStoreFromConfig } from './modules/files/file-store.js';
import { loadDemoOnce } from './seed/demo.js';
import { ensureReferenceData } from './seed/reference.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db);
  await ensureReferenceData(handle.db);
  const files = fileStoreFromConfig(config);
  if (config.demo) {
    const loaded = await loadDemoOnce(handle.db, files);
    if (loaded) console.log('Demo network loaded (log in as admin@demo.trama.it / trama-demo-2026).');
  }
  const ctx = { config, db: handle.db, files, dbKind: handle.kind };
  const app = await buildApp(ctx);
  const worker =
    config.smtpUrl && config.mailWorker
      ? startMailWorker(handle.db, smtpTransport(config.smtpUrl), config.mailFrom, {
          onError: (err) => app.log.error({ err }, 'mail worker'),
        })
      : null;
  const jobs = config.jobWorker
    ? startJobWorker(handle.db, jobHandlers(ctx), {
        schedules: jobSchedules,
        onError: (err) => app.log.error({ err }, 'job worker'),
      })
    : null;
  await app.listen({ port: config.port, host: config.host });
  console.log(`Trama is running at ${config.publicUrl}`);

  const shutdown = async () => {
    await worker?.stop();
    await jobs?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
