import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/app.js';
import { applicationBody } from './test-fixtures.js';

let t: TestContext;
let staff: TestUser;

const mailsTo = (to: string) =>
  t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'template', 'locale'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();

beforeAll(async () => {
  t = await createTestContext({ PUBLIC_URL: 'https://trama.example.org' });
  staff = await t.newUser({ networkRole: 'staff', name: 'Giulia Staff' });
});
afterAll(() => t.close());

describe('applications to join', () => {
  it('should take an application through request changes, resubmission and approval', async () => {
    const body = applicationBody();
    const contact = body.contact.email;

    const created = await t.injectAs(null, { method: 'POST', url: '/api/v1/applications', payload: body });
    expect(created.statusCode).toBe(201);
    const { id, status } = created.json();
    expect(status).toBe('submitted');
    const org = await t.db
      .selectFrom('organisations')
      .select(['id', 'slug', 'status', 'region_code'])
      .where('name', '=', body.organisation.name)
      .executeTakeFirstOrThrow();
    expect(org.status).toBe('applicant');
    expect(org.region_code).toBe('12');
    let mails = await mailsTo(contact);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.template).toBe('organisations.application_received');
    expect(mails[0]?.locale).toBe('en');
    expect(mails[0]?.subject).toContain('received your application');

    // An applicant is not in the public directory nor on a public page.
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/organizations/${org.slug}` })).statusCode,
    ).toBe(404);

    const queue = await t.injectAs(staff, { method: 'GET', url: '/api/v1/applications?status=submitted' });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.some((i: { id: string }) => i.id === id)).toBe(true);
    expect(queue.json().counts.submitted).toBeGreaterThanOrEqual(1);

    const detail = await t.injectAs(staff, { method: 'GET', url: `/api/v1/applications/${id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().organisation.fieldSlugs.sort()).toEqual(['legal_aid', 'reception']);
    expect(detail.json().organisation.website).toBe('https://ponte.example.org');
    expect(detail.json().modules).toEqual(['training_package', 'directory_visibility']);

    const changes = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/request-changes`,
      payload: { note: 'Please add your RUNTS number.' },
    });
    expect(changes.statusCode).toBe(200);
    mails = await mailsTo(contact);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.template).toBe('organisations.changes_requested');
    expect(mails[1]?.text_body).toContain('Please add your RUNTS number.');
    const link = /https:\/\/trama\.example\.org\/join\/edit\/([0-9a-f-]+)\?token=(\S+)/.exec(
      mails[1]?.text_body ?? '',
    );
    expect(link?.[1]).toBe(id);
    const token = decodeURIComponent(link?.[2] ?? '');
    const stored = await t.db
      .selectFrom('applications')
      .select('edit_token_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored?.edit_token_hash).toBeTruthy();
    expect(stored?.edit_token_hash).not.toBe(token);

    // Approving while changes are requested is an illegal transition.
    const early = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/approve`,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');

    // The applicant reads the application with the token, and not without it or with a wrong one.
    expect(
      (
        await t.injectAs(null, {
          method: 'GET',
          url: `/api/v1/applications/${id}?token=${encodeURIComponent(token)}`,
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/applications/${id}` })).statusCode).toBe(
      401,
    );
    expect(
      (await t.injectAs(null, { method: 'GET', url: `/api/v1/applications/${id}?token=wrong-token-123` }))
        .statusCode,
    ).toBe(400);

    const edited = {
      ...body,
      organisation: { ...body.organisation, runtsNumber: 'RUNTS-12345' },
    };
    const resubmit = await t.injectAs(null, {
      method: 'PUT',
      url: `/api/v1/applications/${id}?token=${encodeURIComponent(token)}`,
      payload: edited,
    });
    expect(resubmit.statusCode).toBe(200);
    expect(resubmit.json().status).toBe('submitted');
    // The edit link works once.
    const again = await t.injectAs(null, {
      method: 'PUT',
      url: `/api/v1/applications/${id}?token=${encodeURIComponent(token)}`,
      payload: edited,
    });
    expect(again.statusCode).toBe(400);

    const approve = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/approve`,
      payload: { note: 'Welcome!' },
    });
    expect(approve.statusCode).toBe(200);
    const member = await t.db
      .selectFrom('organisations')
      .select(['status', 'joined_at', 'runts_number'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(member.status).toBe('member');
    expect(member.joined_at).not.toBeNull();
    expect(member.runts_number).toBe('RUNTS-12345');

    const admin = await t.db
      .selectFrom('organisation_members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.role', 'u.password_hash', 'u.locale'])
      .where('m.organisation_id', '=', org.id)
      .execute();
    expect(admin).toEqual([{ role: 'org_admin', password_hash: null, locale: 'en' }]);

    mails = await mailsTo(contact);
    expect(mails).toHaveLength(3);
    expect(mails[2]?.template).toBe('organisations.application_approved');
    expect(mails[2]?.text_body).toMatch(/https:\/\/trama\.example\.org\/invitation\?token=\S+/);

    // Approving twice is illegal.
    const twice = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/approve`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);

    const audit = await t.injectAs(staff, { method: 'GET', url: `/api/v1/organizations/${org.slug}/audit` });
    expect(audit.statusCode).toBe(200);
    const steps = audit
      .json()
      .items.map((e: { action: string; fromStatus: string | null; toStatus: string | null }) => [
        e.action,
        e.fromStatus,
        e.toStatus,
      ]);
    expect(steps).toEqual([
      ['submitted', null, 'submitted'],
      ['changes_requested', 'submitted', 'changes_requested'],
      ['resubmitted', 'changes_requested', 'submitted'],
      ['approved', 'submitted', 'approved'],
      ['joined', 'applicant', 'member'],
    ]);
    const approvedEntry = audit.json().items.find((e: { action: string }) => e.action === 'approved');
    expect(approvedEntry.actorName).toBe('Giulia Staff');
    expect(approvedEntry.note).toBe('Welcome!');
  });

  it('should send a login link instead of an invitation when the contact already has an account', async () => {
    const existing = await t.newUser({ password: 'a-long-password-1' });
    const body = applicationBody({
      contact: { name: existing.name, email: existing.email.toUpperCase(), locale: 'it' },
    });
    const { id } = (
      await t.injectAs(null, { method: 'POST', url: '/api/v1/applications', payload: body })
    ).json();
    expect(
      (await t.injectAs(staff, { method: 'POST', url: `/api/v1/applications/${id}/approve`, payload: {} }))
        .statusCode,
    ).toBe(200);
    const mails = await mailsTo(existing.email.toUpperCase());
    const approved = mails.find((m) => m.template === 'organisations.application_approved');
    expect(approved?.text_body).toContain('https://trama.example.org/login');
    expect(approved?.text_body).not.toContain('invitation?token');
    expect(approved?.subject).toContain('ora fa parte della rete');
    const role = await t.db
      .selectFrom('organisation_members')
      .select('role')
      .where('user_id', '=', existing.id)
      .executeTakeFirst();
    expect(role?.role).toBe('org_admin');
  });

  it('should require a note to reject and mail the reason', async () => {
    const body = applicationBody({
      contact: { name: 'Karim B.', email: `karim-${Date.now()}@example.org`, locale: 'ar' },
    });
    const { id } = (
      await t.injectAs(null, { method: 'POST', url: '/api/v1/applications', payload: body })
    ).json();
    const noNote = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/reject`,
      payload: {},
    });
    expect(noNote.statusCode).toBe(400);
    const blank = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/reject`,
      payload: { note: '  ' },
    });
    expect(blank.statusCode).toBe(400);
    const noChangeNote = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/request-changes`,
      payload: {},
    });
    expect(noChangeNote.statusCode).toBe(400);
    const ok = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/applications/${id}/reject`,
      payload: { note: 'Outside the scope of the network.' },
    });
    expect(ok.statusCode).toBe(200);
    const org = await t.db
      .selectFrom('organisations')
      .select('status')
      .where('name', '=', body.organisation.name)
      .executeTakeFirst();
    expect(org?.status).toBe('rejected');
    const mails = await mailsTo(body.contact.email);
    const rejected = mails.find((m) => m.template === 'organisations.application_rejected');
    expect(rejected?.locale).toBe('ar');
    expect(rejected?.text_body).toContain('Outside the scope of the network.');
    expect(rejected?.subject).toContain('نتيجة طلبكم');
    // A rejected application cannot then be approved.
    expect(
      (await t.injectAs(staff, { method: 'POST', url: `/api/v1/applications/${id}/approve`, payload: {} }))
        .statusCode,
    ).toBe(409);
  });

  it('should refuse an application without both acceptances, naming the field', async () => {
    for (const field of ['acceptCommitments', 'acceptPrivacy'] as const) {
      const res = await t.injectAs(null, {
        method: 'POST',
        url: '/api/v1/applications',
        payload: applicationBody({ [field]: false }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0].path).toContain(field);
    }
  });

  it('should refuse a bad tax code, an unknown province or field with a 400 on that field', async () => {
    const base = applicationBody();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ taxCode: '12345678901' }, 'taxCode'],
      [{ provinceCode: 'ZZ' }, 'provinceCode'],
      [{ fieldSlugs: ['no_such_field'] }, 'fieldSlugs'],
      [{ email: 'not-an-email' }, 'email'],
    ];
    for (const [patch, field] of cases) {
      const res = await t.injectAs(null, {
        method: 'POST',
        url: '/api/v1/applications',
        payload: { ...base, organisation: { ...base.organisation, ...patch } },
      });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    }
  });

  it('should refuse a duplicate tax code of an applicant or member with 409', async () => {
    const first = applicationBody();
    expect(
      (await t.injectAs(null, { method: 'POST', url: '/api/v1/applications', payload: first })).statusCode,
    ).toBe(201);
    const second = applicationBody();
    second.organisation = { ...second.organisation, taxCode: first.organisation.taxCode };
    const dup = await t.injectAs(null, { method: 'POST', url: '/api/v1/applications', payload: second });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');
  });

  it('should record and list the introductory meeting of a member', async () => {
    const org = await t.newOrganisation();
    const rec = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/meetings`,
      payload: {
        heldOn: '2026-03-14',
        participants: 'Giulia (staff), Amina (presidente)',
        notes: 'Interessati alla formazione.',
      },
    });
    expect(rec.statusCode).toBe(201);
    expect(rec.json().items[0]).toMatchObject({ heldOn: '2026-03-14', recordedByName: 'Giulia Staff' });
    const bad = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/organizations/${org.slug}/meetings`,
      payload: { heldOn: '14/03/2026', participants: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
