import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type TestContext, type TestUser } from '../../../../test/app.js';
import { randomBodyTaxCode } from './test-fixtures.js';

let t: TestContext;
let staff: TestUser;

async function orgWithAdmin(opts: Parameters<TestContext['newOrganisation']>[0] = {}) {
  const org = await t.newOrganisation(opts);
  const admin = await t.newUser({ name: 'Fatima Admin' });
  await t.addMember(org.id, admin, 'org_admin');
  return { org, admin: await t.login(admin) };
}

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://trama.example.org' });
  staff = await t.newUser({ networkRole: 'staff', name: 'Marco Staff' });
});
afterAll(() => t.close());

describe('organisation profile', () => {
  it('should let the org admin edit every profile field, fields of activity and the logo', async () => {
    const { org, admin } = await orgWithAdmin();
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#00aa55' } })
      .png()
      .toBuffer();
    const upload = await t.injectAs(admin, {
      method: 'POST',
      url: '/api/v1/uploads/logo',
      ...multipartFile('l.png', png, 'image/png'),
    });
    expect(upload.statusCode).toBe(201);
    const taxCode = randomBodyTaxCode();
    const res = await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}?lang=en`,
      payload: {
        acronym: 'RPS',
        taxCode,
        provinceCode: 'TO',
        municipality: 'Torino',
        description: { it: 'Nuova descrizione.', en: 'New description.', ar: 'وصف جديد.' },
        fieldSlugs: ['work', 'housing'],
        languages: ['it', 'ti', 'am'],
        logoFileId: upload.json().fileId,
        website: 'https://rps.example.org',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      acronym: 'RPS',
      taxCode,
      provinceCode: 'TO',
      regionCode: '01',
      regionName: 'Piemonte',
      description: { it: 'Nuova descrizione.', en: 'New description.', ar: 'وصف جديد.' },
      fields: ['housing', 'work'],
      languages: ['it', 'ti', 'am'],
      logoUrl: upload.json().url,
      myRole: 'org_admin',
      canEdit: true,
    });
    const detail = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/organizations/${org.slug}?lang=ar`,
    });
    expect(detail.json().summary).toBe('وصف جديد.');
  });

  it('should keep the description, fields, languages and visibility when a PATCH changes only one field', async () => {
    const { org, admin } = await orgWithAdmin();
    const profile = {
      description: { it: 'Accoglienza e lavoro.', en: 'Reception and work.' },
      fieldSlugs: ['work'],
      languages: ['it', 'ar'],
      visible: false,
    };
    const first = await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}`,
      payload: profile,
    });
    expect(first.statusCode).toBe(200);
    // The logo tab saves on its own, after the profile: it must not wipe what the profile just saved.
    const second = await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}`,
      payload: { phone: '+39 051 123 4567' },
    });
    expect(second.statusCode).toBe(200);
    const detail = await t.injectAs(admin, { method: 'GET', url: `/api/v1/organizations/${org.slug}` });
    expect(detail.json()).toMatchObject({
      phone: '+39 051 123 4567',
      description: profile.description,
      fields: ['work'],
      languages: ['it', 'ar'],
      visible: false,
    });
  });

  it('should refuse bad profile input with a 400 on the field', async () => {
    const { org, admin } = await orgWithAdmin();
    for (const [payload, field] of [
      [{ taxCode: '12345678901' }, 'taxCode'],
      [{ fieldSlugs: ['unknown_field'] }, 'fieldSlugs'],
      [{ provinceCode: 'XX' }, 'provinceCode'],
      [{ logoFileId: '00000000-0000-4000-8000-000000000000' }, 'logoFileId'],
      [{ kind: 'pirates' }, 'kind'],
    ] as const) {
      const res = await t.injectAs(admin, {
        method: 'PATCH',
        url: `/api/v1/organizations/${org.slug}`,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
  });

  it('should hide an organisation from the directory when it opts out of visibility', async () => {
    const { org, admin } = await orgWithAdmin({ name: `Invisibile ${Date.now()}` });
    expect(
      (
        await t.injectAs(admin, {
          method: 'PATCH',
          url: `/api/v1/organizations/${org.slug}`,
          payload: { visible: false },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).statusCode,
    ).toBe(404);
    // Its own people still see it.
    expect(
      (await t.injectAs(admin, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).statusCode,
    ).toBe(200);
  });

  it('should show the tax code to its people and staff but not to the public', async () => {
    const { org, admin } = await orgWithAdmin();
    const taxCode = randomBodyTaxCode();
    await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}`,
      payload: { taxCode },
    });
    const operator = await t.newUser();
    await t.addMember(org.id, operator, 'delegate');
    const delegate = await t.login(operator);
    const asDelegate = await t.injectAs(delegate, {
      method: 'GET',
      url: `/api/v1/organizations/${org.slug}`,
    });
    expect(asDelegate.json()).toMatchObject({ taxCode, myRole: 'delegate', canEdit: false });
    expect(
      (await t.injectAs(staff, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).json(),
    ).toMatchObject({ taxCode, canEdit: true });
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).json().taxCode,
    ).toBeUndefined();
  });
});

describe('organisation people', () => {
  it("should invite colleagues with a mail in the invitee's language and list them as pending", async () => {
    const { org, admin } = await orgWithAdmin();
    const email = `nuovo-${Date.now()}@example.org`;
    const res = await t.injectAs(admin, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/members`,
      payload: { email, name: 'Yonas T.', role: 'delegate', locale: 'ar' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items.find((m: { email: string }) => m.email === email)).toMatchObject({
      role: 'delegate',
      pending: true,
    });
    const mail = await t.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    expect(mail.locale).toBe('ar');
    expect(mail.text_body).toContain('مندوب');
    expect(mail.text_body).toMatch(/https:\/\/trama\.example\.org\/invitation\?token=\S+/);

    // An existing account gets a login link in its own language.
    const existing = await t.newUser({ password: 'another-long-password' });
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', existing.id).execute();
    const res2 = await t.injectAs(admin, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/members`,
      payload: { email: existing.email, name: 'ignored', role: 'operator', locale: 'it' },
    });
    expect(res2.statusCode).toBe(201);
    const mail2 = await t.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', existing.email)
      .executeTakeFirstOrThrow();
    expect(mail2.locale).toBe('en');
    expect(mail2.text_body).toContain('https://trama.example.org/login');
    expect(mail2.subject).toContain('invites you');

    const again = await t.injectAs(admin, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/members`,
      payload: { email: existing.email.toUpperCase(), name: 'x', role: 'operator' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('should never remove or demote the last org admin', async () => {
    const { org, admin } = await orgWithAdmin();
    const demote = await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}/members/${admin.id}`,
      payload: { role: 'operator' },
    });
    expect(demote.statusCode).toBe(409);
    const remove = await t.injectAs(staff, {
      method: 'DELETE',
      url: `/api/v1/organizations/${org.slug}/members/${admin.id}`,
    });
    expect(remove.statusCode).toBe(409);

    const second = await t.newUser();
    await t.addMember(org.id, second, 'operator');
    const promote = await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}/members/${second.id}`,
      payload: { role: 'org_admin' },
    });
    expect(promote.statusCode).toBe(200);
    const nowDemote = await t.injectAs(admin, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}/members/${admin.id}`,
      payload: { role: 'delegate' },
    });
    expect(nowDemote.statusCode).toBe(200);
    const roles = Object.fromEntries(
      nowDemote.json().items.map((m: { userId: string; role: string }) => [m.userId, m.role]),
    );
    expect(roles).toEqual({ [admin.id]: 'delegate', [second.id]: 'org_admin' });
    const unknown = await t.injectAs(staff, {
      method: 'PATCH',
      url: `/api/v1/organizations/${org.slug}/members/00000000-0000-4000-8000-000000000000`,
      payload: { role: 'delegate' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('membership lifecycle', () => {
  it('should let the org admin leave the network, and record it', async () => {
    const { org, admin } = await orgWithAdmin();
    const res = await t.injectAs(admin, { method: 'POST', url: `/api/v1/organizations/${org.slug}/leave` });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('departed');
    const row = await t.db
      .selectFrom('organisations')
      .select(['status', 'left_at'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row.left_at).not.toBeNull();
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).statusCode,
    ).toBe(404);
    // A departed organisation's people no longer act for it (sessions only carry active memberships).
    const again = await t.injectAs(admin, { method: 'POST', url: `/api/v1/organizations/${org.slug}/leave` });
    expect(again.statusCode).toBe(404);
    const staffView = await t.injectAs(staff, { method: 'GET', url: `/api/v1/organizations/${org.slug}` });
    expect(staffView.json()).toMatchObject({ status: 'departed' });
    const suspend = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/suspend`,
      payload: {},
    });
    expect(suspend.statusCode).toBe(409);
    expect(suspend.json().error.code).toBe('INVALID_STATE');
    const audit = await t.injectAs(staff, { method: 'GET', url: `/api/v1/organizations/${org.slug}/audit` });
    expect(audit.json().items.at(-1)).toMatchObject({
      action: 'left',
      fromStatus: 'member',
      toStatus: 'departed',
      actorName: 'Fatima Admin',
    });
  });

  it('should let staff suspend and reinstate a member, with notes in the audit log', async () => {
    const { org } = await orgWithAdmin();
    const s = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/suspend`,
      payload: { note: 'Nessun contatto da un anno' },
    });
    expect(s.statusCode).toBe(200);
    expect(s.json().status).toBe('suspended');
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.injectAs(staff, {
          method: 'POST',
          url: `/api/v1/organizations/${org.slug}/suspend`,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    const r = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/reinstate`,
      payload: { note: 'Ripreso contatto' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('member');
    expect(
      (
        await t.injectAs(staff, {
          method: 'POST',
          url: `/api/v1/organizations/${org.slug}/reinstate`,
          payload: {},
        })
      ).statusCode,
    ).toBe(409);
    const audit = await t.injectAs(staff, { method: 'GET', url: `/api/v1/organizations/${org.slug}/audit` });
    expect(
      audit
        .json()
        .items.map((e: { action: string; note: string | null; actorName: string | null }) => [
          e.action,
          e.note,
          e.actorName,
        ]),
    ).toEqual([
      ['suspended', 'Nessun contatto da un anno', 'Marco Staff'],
      ['reinstated', 'Ripreso contatto', 'Marco Staff'],
    ]);
  });
});

describe('OpenAPI', () => {
  it('should describe the organisation, application and logo endpoints', async () => {
    const res = await t.injectAs(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/organizations',
      '/api/v1/organizations/{slug}',
      '/api/v1/organizations/{slug}/members/{userId}',
      '/api/v1/applications',
      '/api/v1/applications/{id}/approve',
      '/api/v1/uploads/logo',
      '/api/v1/reference',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
