// Demo network, loaded once into an empty deployment (DEMO=1, the default). Filled in by the seed module.
import type { Db } from '../db/database.js';
import type { FileStore } from '../modules/files/file-store.js';

export async function loadDemoOnce(_db: Db, _files: FileStore): Promise<boolean> {
  return false;
}
