// `npm run admin:create -- --email x@y.it [--name "…"] [--password …]`: creates or promotes a network admin.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureReferenceData } from '../seed/reference.js';
import { CliError, createAdmin } from './admin.js';

const USAGE =
  'Usage: npm run admin:create -- --email admin@example.org [--name "Full Name"] [--password "…"]';

async function main(): Promise<void> {
  let values: { email?: string; name?: string; password?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string', short: 'e' },
        name: { type: 'string', short: 'n' },
        password: { type: 'string', short: 'p' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.email) throw new CliError(`--email is required.\n${USAGE}`);

  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 1,
  });
  try {
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    const result = await createAdmin(handle.db, {
      email: values.email,
      name: values.name,
      password: values.password,
      publicUrl: config.publicUrl,
    });
    const verb = result.outcome === 'created' ? 'Created' : 'Promoted';
    console.log(`${verb} network admin ${result.email}.`);
    if (result.invitationUrl) {
      console.log('Send this one-time link to the person so they can choose a password:');
      console.log(result.invitationUrl);
    } else if (!values.password) {
      console.log('The account already has a password: they can log in as before.');
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  if (err instanceof CliError || err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
