import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser, unique } from '../../../../test/app.js';
import type { AppContext } from '../../context.js';
import type { Actor } from '../auth/actor.js';
import { certificatePdf, notifyCompletions } from './trainings.service.js';

let t: TestContext;
let staff: TestUser;

const HOUR = 60 * 60 * 1000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

async function newCourse(body: Record<string, unknown> = {}, sessions: number[] = [3, 2, 2]) {
  const res = await t.injectAs(staff, {
    method: 'POST',
    url: '/api/v1/courses',
    payload: {
      title: { it: `Metodologia Community Matching ${unique()}`, en: 'Community Matching methodology' },
      description: { it: 'Sette ore per avvicinarsi al metodo.' },
      audiences: ['operators', 'public_officials'],
      format: 'hybrid',
      seats: 2,
      ...body,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  const sessionIds: string[] = [];
  for (const [i, hours] of sessions.entries()) {
    const s = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/courses/${id}/sessions`,
      payload: {
        startsAt: at(48 + i * 24),
        endsAt: at(48 + i * 24 + hours),
        hours,
        format: 'hybrid',
        venue: { name: 'Casa della Città', municipality: 'Roma', provinceCode: 'RM' },
        onlineUrl: 'https://meet.example.org/cm',
      },
    });
    if (s.statusCode !== 201) throw new Error(`session failed: ${s.statusCode} ${s.body}`);
    sessionIds.push(s.json().id);
  }
  const p = await t.injectAs(staff, {
    method: 'POST',
    url: `/api/v1/courses/${id}/status`,
    payload: { status: 'published' },
  });
  if (p.statusCode !== 200) throw new Error(`publish failed: ${p.statusCode} ${p.body}`);
  return { id, sessionIds };
}

const enrol = (user: TestUser | null, courseId: string, payload: Record<string, unknown> = {}) =>
  t.injectAs(user, { method: 'POST', url: `/api/v1/courses/${courseId}/enrolments`, payload });

const mark = (courseId: string, sessionId: string, enrolmentId: string, attendance: string, as = staff) =>
  t.injectAs(as, {
    method: 'PUT',
    url: `/api/v1/courses/${courseId}/sessions/${sessionId}/attendance/${enrolmentId}`,
    payload: { attendance },
  });

async function outbox(to: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'template', 'locale'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();
}

const appCtx = () => ({ config: t.config, db: t.db }) as unknown as AppContext;

const actorOf = (u: TestUser, staffRole = false): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  locale: 'it',
  networkRole: staffRole ? 'staff' : null,
  emailVerified: true,
  memberships: new Map(),
});

/** The text of every TJ array of an uncompressed pdfkit PDF, decoded with each font's ToUnicode map. */
function pdfTexts(pdf: Buffer): string[] {
  const s = pdf.toString('latin1');
  const maps: Map<number, string>[] = [];
  for (const m of s.matchAll(/beginbfrange\s*([\s\S]*?)endbfrange/g)) {
    const map = new Map<number, string>();
    for (const r of (m[1] as string).matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
      const start = Number.parseInt(r[1] as string, 16);
      [...(r[3] as string).matchAll(/<([0-9a-f ]+)>/gi)].forEach((u, i) => {
        const cps = (u[1] as string).split(' ').map((h) => Number.parseInt(h, 16));
        map.set(start + i, String.fromCharCode(...cps));
      });
    }
    maps.push(map);
  }
  const out: string[] = [];
  for (const arr of s.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hex = [...(arr[1] as string).matchAll(/<([0-9a-f]+)>/gi)].map((h) => h[1]).join('');
    for (const map of maps) {
      let text = '';
      for (let i = 0; i + 4 <= hex.length; i += 4)
        text += map.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '?';
      out.push(text);
    }
  }
  return out;
}

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());

describe('courses', () => {
  it('should let only staff create courses, and keep drafts out of sight', async () => {
    const member = await t.newUser();
    const body = { title: { it: 'Corso' }, format: 'online' };
    expect(
      (await t.injectAs(null, { method: 'POST', url: '/api/v1/courses', payload: body })).statusCode,
    ).toBe(401);
    expect(
      (await t.injectAs(member, { method: 'POST', url: '/api/v1/courses', payload: body })).statusCode,
    ).toBe(403);
    const res = await t.injectAs(staff, { method: 'POST', url: '/api/v1/courses', payload: body });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await t.injectAs(member, { method: 'GET', url: `/api/v1/courses/${id}` })).statusCode).toBe(404);
    const publish = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/courses/${id}/status`,
      payload: { status: 'published' },
    });
    expect(publish.statusCode).toBe(409);
  });

  it('should answer bad input with 400 and the field', async () => {
    const res = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/courses',
      payload: { title: { en: 'No Italian' }, format: 'online', completionThreshold: 2 },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.title.it', 'body.completionThreshold']));
    const { id } = await newCourse({}, [2]);
    const s = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/courses/${id}/sessions`,
      payload: {
        startsAt: at(10),
        endsAt: at(11),
        hours: 3,
        format: 'online',
        onlineUrl: 'https://x.example.org',
      },
    });
    expect(s.statusCode).toBe(400);
    expect(s.json().error.details.fields[0].path).toBe('hours');
    expect(s.json().error.details.fields[0].message).toContain('length of the session');
  });

  it('should show the sessions as training-session events in the enrolled person’s events', async () => {
    const { id } = await newCourse();
    const person = await t.newUser();
    expect((await enrol(person, id)).statusCode).toBe(201);
    const mine = await t.injectAs(person, { method: 'GET', url: '/api/v1/me/events' });
    const kinds = mine.json().items.map((i: { event: { kind: string } }) => i.event.kind);
    expect(kinds.filter((k: string) => k === 'training_session')).toHaveLength(3);
    const course = (await t.injectAs(person, { method: 'GET', url: `/api/v1/courses/${id}` })).json();
    expect(course.totalHours).toBe(7);
    expect(course.sessions[0].onlineUrl).toBe('https://meet.example.org/cm');
    const outsider = (
      await t.injectAs(await t.newUser(), { method: 'GET', url: `/api/v1/courses/${id}` })
    ).json();
    expect(outsider.sessions[0].onlineUrl).toBeNull();
  });
});

describe('enrolment and waitlist', () => {
  it('should waitlist when full, and promote the first waitlisted person on a cancellation, by email', async () => {
    const { id } = await newCourse({ seats: 2 });
    const [a, b, c, d] = [await t.newUser(), await t.newUser(), await t.newUser(), await t.newUser()];
    expect((await enrol(a, id)).json().status).toBe('enrolled');
    const eb = (await enrol(b, id)).json();
    expect(eb.status).toBe('enrolled');
    const ec = (await enrol(c, id)).json();
    expect(ec.status).toBe('waitlisted');
    expect(ec.waitlistPosition).toBe(1);
    expect((await enrol(d, id)).json().waitlistPosition).toBe(2);
    expect((await enrol(a, id)).statusCode).toBe(409);
    expect((await outbox(c.email)).map((m) => m.template)).toEqual(['trainings.waitlisted']);

    // Someone else may not cancel b's enrolment.
    const nope = await t.injectAs(d, {
      method: 'POST',
      url: `/api/v1/courses/${id}/enrolments/${eb.id}/cancel`,
    });
    expect(nope.statusCode).toBe(403);
    const cancel = await t.injectAs(b, {
      method: 'POST',
      url: `/api/v1/courses/${id}/enrolments/${eb.id}/cancel`,
    });
    expect(cancel.json().status).toBe('cancelled');
    const cNow = (await t.injectAs(c, { method: 'GET', url: `/api/v1/courses/${id}` })).json();
    expect(cNow.viewer.enrolment.status).toBe('enrolled');
    expect(cNow.seatsLeft).toBe(0);
    const mails = await outbox(c.email);
    expect(mails.map((m) => m.template)).toEqual(['trainings.waitlisted', 'trainings.promoted']);
    expect(mails[1]?.subject).toContain('Si è liberato un posto');
    const dNow = (await t.injectAs(d, { method: 'GET', url: `/api/v1/courses/${id}` })).json();
    expect(dNow.viewer.enrolment.waitlistPosition).toBe(1);
  });

  it('should write the mails in the person’s language', async () => {
    const { id } = await newCourse({ seats: 5 });
    const person = await t.newUser();
    await t.db.updateTable('users').set({ locale: 'ar' }).where('id', '=', person.id).execute();
    await enrol(person, id);
    const [m] = await outbox(person.email);
    expect(m?.locale).toBe('ar');
    expect(m?.subject).toContain('تم تأكيد التسجيل');
  });

  it('should let a person enrol a colleague but not a stranger', async () => {
    const { id } = await newCourse({ seats: 5 });
    const org = await t.newOrganisation();
    const [me, colleague, stranger] = [await t.newUser(), await t.newUser(), await t.newUser()];
    await t.addMember(org.id, me, 'org_admin');
    await t.addMember(org.id, colleague, 'operator');
    const ok = await enrol(me, id, { forUserId: colleague.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().organisationName).toBe(org.name);
    const no = await enrol(me, id, { forUserId: stranger.id });
    expect(no.statusCode).toBe(403);
  });

  it('should never oversell seats with simultaneous enrolments', async () => {
    const { id } = await newCourse({ seats: 5 }, [2]);
    const people = await Promise.all(Array.from({ length: 24 }, () => t.newUser()));
    const res = await Promise.all(people.map((p) => enrol(p, id)));
    expect(res.every((r) => r.statusCode === 201)).toBe(true);
    const statuses = res.map((r) => r.json().status);
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(19);
    const list = (await t.injectAs(staff, { method: 'GET', url: `/api/v1/courses/${id}/enrolments` })).json();
    expect(list.counts).toEqual({ enrolled: 5, waitlisted: 19, cancelled: 0 });
  });

  it('should refuse enrolment outside the window', async () => {
    const { id } = await newCourse({ enrolmentOpensAt: at(24), enrolmentClosesAt: at(30) });
    const res = await enrol(await t.newUser(), id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.reason).toBe('not_open');
  });
});

describe('attendance, completion and certificates', () => {
  it('should complete the course when the attended hours reach the threshold, and only then certify', async () => {
    const { id, sessionIds } = await newCourse({ seats: 10, completionThreshold: 0.75 });
    const [s1, s2, s3] = sessionIds as [string, string, string];
    const person = await t.newUser({ name: 'Niccolò Perù' });
    const en = (await enrol(person, id)).json();
    const issue = () =>
      t.injectAs(person, { method: 'POST', url: `/api/v1/courses/${id}/enrolments/${en.id}/certificate` });

    expect((await mark(id, s1, en.id, 'attended', person)).statusCode).toBe(403);
    let row = (await mark(id, s1, en.id, 'attended')).json();
    expect(row.progress.attendedHours).toBe(3);
    row = (await mark(id, s2, en.id, 'absent')).json();
    row = (await mark(id, s3, en.id, 'attended')).json();
    // 5 of 7 hours: 71%, below 75%.
    expect(row.progress).toMatchObject({ attendedHours: 5, totalHours: 7, complete: false });
    const early = await issue();
    expect(early.statusCode).toBe(409);

    row = (await mark(id, s2, en.id, 'attended')).json();
    expect(row.progress).toMatchObject({ attendedHours: 7, complete: true });
    expect(row.progress.sessions.map((s: { attendance: string }) => s.attendance)).toEqual([
      'attended',
      'attended',
      'attended',
    ]);
    const cert = await issue();
    expect(cert.statusCode).toBe(201);
    const { code, pdfUrl } = cert.json();
    expect(code).toMatch(/^TRM-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const again = await issue();
    expect(again.statusCode).toBe(200);
    expect(again.json().code).toBe(code);

    const pdf = await t.injectAs(person, { method: 'GET', url: pdfUrl });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.injectAs(await t.newUser(), { method: 'GET', url: pdfUrl })).statusCode).toBe(403);
    expect((await t.injectAs(staff, { method: 'GET', url: pdfUrl })).statusCode).toBe(200);
    const plain = await certificatePdf(appCtx(), actorOf(person), code, 'it', { compress: false });
    const texts = pdfTexts(plain.pdf);
    expect(texts).toContain('Niccolò Perù');
    expect(texts.some((x) => x.includes(code))).toBe(true);
    expect(texts).toContain('Attestato di partecipazione');

    const verify = await t.injectAs(null, { method: 'GET', url: `/api/v1/certificates/${code}` });
    expect(verify.json()).toMatchObject({
      status: 'valid',
      holderName: 'Niccolò Perù',
      hoursAttended: 7,
      totalHours: 7,
    });
    expect(verify.json()).not.toHaveProperty('email');
  });

  it('should tell each person once, in their language, when they have completed a course', async () => {
    const { id, sessionIds } = await newCourse({ seats: 10, completionThreshold: 0.75 });
    const [s1, s2, s3] = sessionIds as [string, string, string];
    const done = await t.newUser({ name: 'Anna Completa' });
    const partial = await t.newUser({ name: 'Piero Parziale' });
    await t.db.updateTable('users').set({ locale: 'en' }).where('id', '=', done.id).execute();
    const a = (await enrol(done, id)).json();
    const b = (await enrol(partial, id)).json();
    for (const s of [s1, s2, s3]) await mark(id, s, a.id, 'attended');
    await mark(id, s1, b.id, 'attended');
    // The sessions took place last week.
    await sql`update events set starts_at = starts_at - interval '9 days', ends_at = ends_at - interval '9 days'
      where id in (select event_id from course_sessions where course_id = ${id})`.execute(t.db);
    const run = () => t.db.transaction().execute((tx) => notifyCompletions(tx));
    const told = async (u: TestUser) =>
      t.db
        .selectFrom('notifications')
        .select(['title', 'link'])
        .where('user_id', '=', u.id)
        .where('kind', '=', 'trainings.completed')
        .execute();

    await run();
    expect(await told(done)).toEqual([
      {
        title: expect.stringMatching(/^You completed the course “Community Matching methodology”$/),
        link: `/courses/${id}`,
      },
    ]);
    expect(await told(partial)).toEqual([]);
    await run();
    expect(await told(done)).toHaveLength(1);

    await mark(id, s2, b.id, 'attended');
    await mark(id, s3, b.id, 'attended');
    await run();
    expect((await told(partial))[0]?.title).toMatch(
      /^Hai completato il corso «Metodologia Community Matching/,
    );
    expect(await told(done)).toHaveLength(1);
  });

  it('should count a check-in at the session door (events module) towards the course', async () => {
    const { id, sessionIds } = await newCourse({ seats: 10, completionThreshold: 0.4 });
    const person = await t.newUser();
    const en = (await enrol(person, id)).json();
    const course = (await t.injectAs(staff, { method: 'GET', url: `/api/v1/courses/${id}` })).json();
    const eventId = course.sessions[0].eventId;
    const search = await t.injectAs(staff, {
      method: 'GET',
      url: `/api/v1/events/${eventId}/checkins?q=${encodeURIComponent(person.name)}`,
    });
    const registrationId = search.json().items[0].registrationId;
    const checkin = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${eventId}/checkins`,
      payload: { registrationId },
    });
    expect(checkin.statusCode).toBe(200);
    const list = (await t.injectAs(staff, { method: 'GET', url: `/api/v1/courses/${id}/enrolments` })).json();
    const row = list.items.find((r: { id: string }) => r.id === en.id);
    expect(row.progress.sessions[0]).toEqual({ sessionId: sessionIds[0], attendance: 'attended' });
    expect(row.progress.complete).toBe(true);
  });

  it('should render an Arabic certificate with the Arabic name', async () => {
    const { id, sessionIds } = await newCourse({ seats: 10, completionThreshold: 0.3 });
    const person = await t.newUser({ name: 'فاطمة الزهراء' });
    const en = (await enrol(person, id)).json();
    await mark(id, sessionIds[0] as string, en.id, 'attended');
    const { code } = (
      await t.injectAs(staff, {
        method: 'POST',
        url: `/api/v1/courses/${id}/enrolments/${en.id}/certificate`,
      })
    ).json();
    const plain = await certificatePdf(appCtx(), actorOf(staff, true), code, 'ar', { compress: false });
    const texts = pdfTexts(plain.pdf);
    // Glyphs are shaped and laid out right to left: check the letters arrive, with no missing glyph.
    const arabic = texts.filter((x) => /[\u0600-\u06FF]/.test(x) && !x.includes('?'));
    for (const ch of 'فاطمةالزهراء') expect(arabic.join('')).toContain(ch);
    expect(arabic.length).toBeGreaterThan(4);
  });

  it('should verify valid, revoked and unknown codes, and revoke only as staff (audited)', async () => {
    const { id, sessionIds } = await newCourse({ seats: 10, completionThreshold: 0.3 });
    const person = await t.newUser();
    const en = (await enrol(person, id)).json();
    await mark(id, sessionIds[0] as string, en.id, 'attended');
    const { code } = (
      await t.injectAs(person, {
        method: 'POST',
        url: `/api/v1/courses/${id}/enrolments/${en.id}/certificate`,
      })
    ).json();
    const revoke = (as: TestUser | null) =>
      t.injectAs(as, {
        method: 'POST',
        url: `/api/v1/certificates/${code}/revoke`,
        payload: { reason: 'Errore' },
      });
    expect((await revoke(null)).statusCode).toBe(401);
    expect((await revoke(person)).statusCode).toBe(403);
    const r = await revoke(staff);
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('revoked');
    expect((await revoke(staff)).statusCode).toBe(409);
    const v = await t.injectAs(null, { method: 'GET', url: `/api/v1/certificates/${code.toLowerCase()}` });
    expect(v.json().status).toBe('revoked');
    expect(
      (await t.injectAs(null, { method: 'GET', url: '/api/v1/certificates/TRM-AAAA-BBBB-CCCC' })).statusCode,
    ).toBe(404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'to_status'])
      .where('entity_type', '=', 'course_certificate')
      .where('entity_id', '=', en.id)
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['issued', 'revoked']);
  });

  it('should report completion per organisation and per region, and export CSV and XLSX', async () => {
    const { id, sessionIds } = await newCourse({ seats: 10, completionThreshold: 0.4 });
    const lazio = await t.newOrganisation({ regionCode: '12' });
    const toscana = await t.newOrganisation({ regionCode: '09', provinceCode: 'FI' });
    const people = [await t.newUser(), await t.newUser(), await t.newUser()];
    await t.addMember(lazio.id, people[0] as TestUser, 'operator');
    await t.addMember(lazio.id, people[1] as TestUser, 'operator');
    await t.addMember(toscana.id, people[2] as TestUser, 'operator');
    const ens = [];
    for (const p of people) ens.push((await enrol(p, id)).json());
    await mark(id, sessionIds[0] as string, ens[0].id, 'attended');
    await mark(id, sessionIds[0] as string, ens[2].id, 'attended');
    const stats = (
      await t.injectAs(staff, { method: 'GET', url: `/api/v1/courses/${id}/completion` })
    ).json();
    expect(stats).toMatchObject({ enrolled: 3, completed: 2, totalHours: 7, threshold: 0.4 });
    const byOrg = Object.fromEntries(stats.byOrganisation.map((g: { name: string }) => [g.name, g]));
    expect(byOrg[lazio.name]).toMatchObject({ enrolled: 2, completed: 1, rate: 0.5 });
    expect(byOrg[toscana.name]).toMatchObject({ enrolled: 1, completed: 1, rate: 1 });
    expect(stats.byRegion.find((g: { key: string }) => g.key === '12')).toMatchObject({
      enrolled: 2,
      completed: 1,
    });
    expect(
      (await t.injectAs(people[0] as TestUser, { method: 'GET', url: `/api/v1/courses/${id}/completion` }))
        .statusCode,
    ).toBe(403);

    const csv = await t.injectAs(staff, { method: 'GET', url: `/api/v1/courses/${id}/enrolments.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('ore frequentate');
    expect(csv.body).toContain(lazio.name);
    const xlsx = await t.injectAs(staff, { method: 'GET', url: `/api/v1/courses/${id}/enrolments.xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('should cancel a course: enrolments cancelled, people told, sessions cancelled', async () => {
    const { id } = await newCourse({ seats: 10 });
    const person = await t.newUser();
    await enrol(person, id);
    const res = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/courses/${id}/status`,
      payload: { status: 'cancelled', note: 'Docente malato' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sessions.every((s: { cancelled: boolean }) => s.cancelled)).toBe(true);
    const mails = await outbox(person.email);
    expect(mails.map((m) => m.template)).toEqual(['trainings.enrolled', 'trainings.course_cancelled']);
    const mine = (await t.injectAs(person, { method: 'GET', url: '/api/v1/me/courses' })).json();
    expect(mine.items.find((i: { course: { id: string } }) => i.course.id === id)).toBeUndefined();
  });
});
