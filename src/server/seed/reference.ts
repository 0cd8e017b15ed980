// Reference data every deployment needs (ISTAT geography, default fields of activity); idempotent.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { PROVINCES, REGIONS } from '../modules/geo/istat.js';
import { DEFAULT_FIELDS } from '../modules/organisations/fields.js';

export async function ensureReferenceData(db: Db): Promise<void> {
  await db
    .insertInto('regions')
    .values(REGIONS.map((r) => ({ code: r.code, name: r.name })))
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: sql`excluded.name` }))
    .execute();
  await db
    .insertInto('provinces')
    .values(PROVINCES.map((p) => ({ code: p.code, name: p.name, region_code: p.region })))
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ name: sql`excluded.name`, region_code: sql`excluded.region_code` }),
    )
    .execute();
  // Fields are admin-editable: only missing defaults are added, edits are kept.
  await db
    .insertInto('fields_of_activity')
    .values(
      DEFAULT_FIELDS.map((f, i) => ({ slug: f.slug, names: JSON.stringify(f.names), sort_order: i * 10 })),
    )
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}
