// Stored files (logos now, documents later) live in DATA_DIR/files; the database keeps metadata and a checksum.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export type FileStore = {
  put(data: Buffer, ext: string): Promise<{ storageKey: string; sha256: string; size: number }>;
  get(storageKey: string): Promise<Buffer | null>;
  remove(storageKey: string): Promise<void>;
};

export function localFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    const p = path.resolve(root, key);
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error('storage key escapes the store');
    return p;
  };
  return {
    async put(data, ext) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const id = randomUUID();
      const storageKey = `${id.slice(0, 2)}/${id}.${ext.replace(/[^a-z0-9]/gi, '')}`;
      const p = resolve(storageKey);
      await fs.mkdir(path.dirname(p), { recursive: true });
      await fs.writeFile(p, data);
      return { storageKey, sha256, size: data.length };
    },
    async get(storageKey) {
      try {
        return await fs.readFile(resolve(storageKey));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(storageKey) {
      await fs.rm(resolve(storageKey), { force: true });
    },
  };
}
