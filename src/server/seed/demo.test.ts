import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import argon2 from 'argon2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { localFileStore } from '../modules/files/file-store.js';
import { DEMO_PASSWORD, loadDemoOnce } from './demo.js';
import { taxCodeCheckDigit } from './prng.js';
import { ensureReferenceData } from './reference.js';

// The demo needs an empty database of its own: the shared test database is full of other tests' rows.
describe('demo network', () => {
  let handle: DatabaseHandle;
  let dir: string;
  let results: boolean[];

  beforeAll(async () => {
    handle = await openDatabase({});
    await migrateToLatest(handle.db);
    await ensureReferenceData(handle.db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-demo-'));
    const files = localFileStore(dir);
    const now = new Date('2026-11-20T10:00:00Z');
    // Two loaders at once, then a third later: exactly one loads.
    results = await Promise.all([
      loadDemoOnce(handle.db, files, { now }),
      loadDemoOnce(handle.db, files, { now }),
    ]);
    results.push(await loadDemoOnce(handle.db, files, { now }));
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should load the demo once, however many times it is asked', async () => {
    expect(results.filter(Boolean)).toHaveLength(1);
    const marker = await handle.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', 'demo_loaded')
      .executeTakeFirst();
    expect(marker).toBeDefined();
    const { count } = await handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('email', '=', 'admin@demo.trama.it')
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
  });

  it('should create a network of at least 60 organisations across at least 12 regions', async () => {
    const orgs = await handle.db
      .selectFrom('organisations')
      .select([
        'region_code',
        'province_code',
        'status',
        'visible',
        'kind',
        'legal_form',
        'tax_code',
        'joined_at',
      ])
      .execute();
    expect(orgs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(orgs.map((o) => o.region_code)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(orgs.map((o) => o.kind)).size).toBe(12);
    expect(orgs.filter((o) => o.status === 'member' && o.visible).length).toBeGreaterThanOrEqual(45);
    expect(orgs.filter((o) => o.status === 'suspended').length).toBeGreaterThanOrEqual(1);
    expect(orgs.filter((o) => o.status === 'departed')).toHaveLength(1);
    for (const o of orgs) {
      if (!o.tax_code) continue;
      expect(o.tax_code).toMatch(/^\d{11}$/);
      expect(Number(o.tax_code[10])).toBe(taxCodeCheckDigit(o.tax_code.slice(0, 10)));
    }
    // Growth over the last 30 months, not all on one day.
    const months = new Set(
      orgs.filter((o) => o.joined_at).map((o) => o.joined_at?.toISOString().slice(0, 7)),
    );
    expect(months.size).toBeGreaterThanOrEqual(12);
  });

  it('should put every organisation in a province of its own region', async () => {
    const mismatched = await handle.db
      .selectFrom('organisations as o')
      .innerJoin('provinces as p', 'p.code', 'o.province_code')
      .select('o.name')
      .whereRef('p.region_code', '!=', 'o.region_code')
      .execute();
    expect(mismatched).toEqual([]);
  });

  it('should leave pending applications for staff to review', async () => {
    const apps = await handle.db
      .selectFrom('applications as a')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .select(['a.status', 'o.status as orgStatus', 'a.contact_email'])
      .where('a.status', 'in', ['submitted', 'changes_requested'])
      .execute();
    expect(apps.length).toBeGreaterThanOrEqual(4);
    expect(apps.some((a) => a.status === 'changes_requested')).toBe(true);
    for (const a of apps) expect(a.orgStatus).toBe('applicant');
  });

  it('should give the newsletter confirmed subscribers in three languages and sent issues to archive', async () => {
    const subs = await handle.db
      .selectFrom('newsletter_subscriptions')
      .select(['status', 'locale'])
      .execute();
    const confirmed = subs.filter((s) => s.status === 'confirmed');
    expect(confirmed.length).toBeGreaterThanOrEqual(40);
    expect(new Set(confirmed.map((s) => s.locale))).toEqual(new Set(['it', 'en', 'ar']));
    const sent = await handle.db
      .selectFrom('newsletter_campaigns')
      .select(['status', 'in_archive', 'started_at'])
      .execute();
    expect(sent.filter((c) => c.status === 'sent' && c.in_archive && c.started_at)).toHaveLength(2);
  });

  it('should create three programmes with staff and participating organisations', async () => {
    const top = await handle.db
      .selectFrom('programmes')
      .select('slug')
      .where('parent_id', 'is', null)
      .execute();
    expect(top).toHaveLength(3);
    const editions = await handle.db
      .selectFrom('programmes')
      .select('year')
      .where('parent_id', 'is not', null)
      .execute();
    expect(editions.map((e) => e.year).sort()).toEqual([2025, 2026]);
    const staff = await handle.db.selectFrom('programme_staff').select('role').execute();
    expect(staff.some((s) => s.role === 'project_manager')).toBe(true);
    const participants = await handle.db
      .selectFrom('programme_organisations')
      .select('organisation_id')
      .execute();
    expect(participants.length).toBeGreaterThan(20);
  });

  it('should let the demo users log in with the demo password', async () => {
    const users = await handle.db
      .selectFrom('users')
      .select(['email', 'network_role', 'password_hash', 'email_verified_at'])
      .where('email', 'in', [
        'admin@demo.trama.it',
        'staff@demo.trama.it',
        'expert@demo.trama.it',
        'orgadmin@demo.trama.it',
      ])
      .execute();
    const role = Object.fromEntries(users.map((u) => [u.email, u.network_role]));
    expect(role).toEqual({
      'admin@demo.trama.it': 'admin',
      'staff@demo.trama.it': 'staff',
      'expert@demo.trama.it': 'expert',
      'orgadmin@demo.trama.it': null,
    });
    const admin = users.find((u) => u.email === 'admin@demo.trama.it');
    expect(admin?.email_verified_at).not.toBeNull();
    expect(await argon2.verify(admin?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from organisation_members m join users u on u.id = m.user_id
      where u.email like '%@demo.trama.it' and m.role = 'org_admin'`.execute(handle.db);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(30);
  });

  it('should store logos as real images for about half of the organisations', async () => {
    const logos = await handle.db
      .selectFrom('organisations as o')
      .innerJoin('files as f', 'f.id', 'o.logo_file_id')
      .select(['f.storage_key', 'f.content_type', 'f.size_bytes'])
      .execute();
    expect(logos.length).toBeGreaterThanOrEqual(20);
    const first = logos[0];
    const data = fs.readFileSync(path.join(dir, first?.storage_key ?? ''));
    expect(data.length).toBe(first?.size_bytes);
    expect(['image/png', 'image/webp']).toContain(first?.content_type);
  });
});
