// Metadata of stored files; the bytes are in the FileStore.
import type { DbOrTx } from '../../db/database.js';

export type FileRow = {
  id: string;
  purpose: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Date;
};

export async function insertFile(
  db: DbOrTx,
  f: {
    purpose: string;
    contentType: string;
    size: number;
    sha256: string;
    storageKey: string;
    width: number | null;
    height: number | null;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('files')
    .values({
      purpose: f.purpose,
      content_type: f.contentType,
      size_bytes: f.size,
      sha256: f.sha256,
      storage_key: f.storageKey,
      width: f.width,
      height: f.height,
      created_by: f.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findFile(db: DbOrTx, id: string): Promise<FileRow | undefined> {
  return db
    .selectFrom('files')
    .select(['id', 'purpose', 'content_type', 'size_bytes', 'sha256', 'storage_key', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
