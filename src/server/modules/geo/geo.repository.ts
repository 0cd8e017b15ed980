// Regions and provinces as stored (seeded from the ISTAT list in istat.ts).
import type { DbOrTx } from '../../db/database.js';

export function listRegions(db: DbOrTx): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute();
}

export function listProvinces(
  db: DbOrTx,
): Promise<Array<{ code: string; name: string; region_code: string }>> {
  return db.selectFrom('provinces').select(['code', 'name', 'region_code']).orderBy('name').execute();
}

export function findProvince(
  db: DbOrTx,
  code: string,
): Promise<{ code: string; name: string; region_code: string } | undefined> {
  return db
    .selectFrom('provinces')
    .select(['code', 'name', 'region_code'])
    .where('code', '=', code)
    .executeTakeFirst();
}
