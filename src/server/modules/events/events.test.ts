import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  type TestContext,
  type TestUser,
  unique,
} from '../../../../test/app.js';
import { sendDueReminders } from './events.service.js';
import { eventMaker, HOUR, hoursFromNow } from './events.test-fixtures.js';

let t: TestContext;
let staff: TestUser;

const at = hoursFromNow;

const newEvent = eventMaker(
  () => t,
  () => staff,
);

const register = (user: TestUser | null, eventId: string, payload: Record<string, unknown> = {}) =>
  t.injectAs(user, { method: 'POST', url: `/api/v1/events/${eventId}/registrations`, payload });

async function outbox(to: string) {
  return t.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body', 'template', 'locale'])
    .where('to_address', '=', to)
    .orderBy('created_at')
    .execute();
}

const tokenIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`${path.replace(/[?]/g, '\\?')}\\?token=([A-Za-z0-9_%-]+)`));
  return m ? decodeURIComponent(m[1] as string) : null;
};

beforeAll(async () => {
  t = await createTestContext();
  staff = await t.newUser({ networkRole: 'staff' });
});
afterAll(() => t.close());

describe('creating events', () => {
  it('should refuse bad input with a 400 naming the field', async () => {
    const bad = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'party',
        format: 'in_person',
        title: { en: 'x' },
        startsAt: 'tomorrow',
        endsAt: at(2),
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.title.it', 'body.startsAt']));

    const ends = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'webinar',
        format: 'online',
        title: { it: 'Webinar' },
        startsAt: at(5),
        endsAt: at(4),
      },
    });
    expect(ends.statusCode).toBe(400);
    expect(ends.json().error.details.fields[0].path).toBe('endsAt');

    const venue = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'local_event',
        format: 'in_person',
        title: { it: 'Festa' },
        startsAt: at(5),
        endsAt: at(6),
      },
    });
    expect(venue.json().error.details.fields[0].path).toBe('venue');

    const province = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'local_event',
        format: 'in_person',
        title: { it: 'Festa' },
        startsAt: at(5),
        endsAt: at(6),
        venue: { name: 'Piazza', provinceCode: 'ZZ' },
      },
    });
    expect(province.json().error.details.fields[0].path).toBe('venue.provinceCode');
  });

  it('should let an organisation propose, staff publish, and trusted organisations publish directly', async () => {
    const org = await t.newOrganisation();
    const admin = await t.newUser();
    await t.addMember(org.id, admin, 'org_admin');
    const a = await t.login(admin);
    const proposed = await newEvent({ organiserSlug: org.slug, kind: 'local_event' }, a);
    expect(proposed.status).toBe('proposed');
    expect(proposed.venue.regionCode).toBe('12');

    // A proposal is not public yet.
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/events/${proposed.id}` })).statusCode).toBe(
      404,
    );
    const self = await t.injectAs(a, {
      method: 'POST',
      url: `/api/v1/events/${proposed.id}/status`,
      payload: { status: 'published' },
    });
    expect(self.statusCode).toBe(403);
    const pub = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${proposed.id}/status`,
      payload: { status: 'published', note: 'ok' },
    });
    expect(pub.json().status).toBe('published');
    const audit = await t.injectAs(a, { method: 'GET', url: `/api/v1/events/${proposed.id}/audit` });
    expect(audit.json().items.map((i: { toStatus: string }) => i.toStatus)).toEqual(
      expect.arrayContaining(['proposed', 'published']),
    );

    await t.injectAs(staff, {
      method: 'PUT',
      url: `/api/v1/events/trusted-organisers/${org.slug}`,
      payload: { trusted: true },
    });
    const direct = await newEvent({ organiserSlug: org.slug, kind: 'local_event' }, a);
    expect(direct.status).toBe('published');

    const stranger = await t.newUser();
    const refused = await t.injectAs(stranger, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        kind: 'webinar',
        format: 'online',
        title: { it: 'x' },
        startsAt: at(5),
        endsAt: at(6),
        organiserSlug: org.slug,
      },
    });
    expect(refused.statusCode).toBe(403);

    const reached = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/organizations/${org.slug}/events`,
    });
    expect(reached.json().totalEvents).toBe(2);
  });

  it('should show events to their audience only', async () => {
    const members = await newEvent({ audience: 'members' });
    const member = await t.newUser();
    const org = await t.newOrganisation();
    await t.addMember(org.id, member, 'operator');
    const m = await t.login(member);
    const outsider = await t.newUser();
    expect((await t.injectAs(null, { method: 'GET', url: `/api/v1/events/${members.id}` })).statusCode).toBe(
      404,
    );
    expect(
      (await t.injectAs(outsider, { method: 'GET', url: `/api/v1/events/${members.id}` })).statusCode,
    ).toBe(404);
    expect((await t.injectAs(m, { method: 'GET', url: `/api/v1/events/${members.id}` })).statusCode).toBe(
      200,
    );

    const invited = await newEvent({ audience: 'invitation', invitedEmails: [outsider.email.toUpperCase()] });
    const seen = await t.injectAs(outsider, { method: 'GET', url: `/api/v1/events/${invited.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().viewer.canRegister).toBe(true);
    expect((await t.injectAs(m, { method: 'GET', url: `/api/v1/events/${invited.id}` })).statusCode).toBe(
      404,
    );
    expect((await outbox(outsider.email)).some((x) => x.template === 'events.invitation')).toBe(true);

    const prog = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/programmes',
      payload: { name: `Programma ${unique()}`, description: { it: 'P' } },
    });
    const slug = prog.json().slug;
    await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/programmes/${slug}/organisations`,
      payload: { organisationSlug: org.slug },
    });
    const progEvent = await newEvent({ audience: 'programme', programmeSlug: slug });
    expect((await t.injectAs(m, { method: 'GET', url: `/api/v1/events/${progEvent.id}` })).statusCode).toBe(
      200,
    );
    expect(
      (await t.injectAs(outsider, { method: 'GET', url: `/api/v1/events/${progEvent.id}` })).statusCode,
    ).toBe(404);
    expect((await register(outsider, progEvent.id)).statusCode).toBe(404);

    const list = await t.injectAs(null, { method: 'GET', url: `/api/v1/events?programme=${slug}` });
    expect(list.json().items).toEqual([]);
    const mine = await t.injectAs(m, { method: 'GET', url: `/api/v1/events?programme=${slug}` });
    expect(mine.json().items.map((e: { id: string }) => e.id)).toEqual([progEvent.id]);
  });

  it('should list with filters, words and a cursor, and give month data', async () => {
    const word = unique('parola');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await newEvent({ title: { it: `Evento ${word} ${i}` }, startsAt: at(100 + i), endsAt: at(101 + i) }))
          .id,
      );
    }
    const p1 = await t.injectAs(null, { method: 'GET', url: `/api/v1/events?q=${word}&limit=2` });
    expect(p1.json().items.map((e: { id: string }) => e.id)).toEqual(ids.slice(0, 2));
    const p2 = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/events?q=${word}&limit=2&cursor=${p1.json().nextCursor}`,
    });
    expect(p2.json().items.map((e: { id: string }) => e.id)).toEqual([ids[2]]);
    expect(p2.json().nextCursor).toBeNull();
    const none = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/events?q=${word}&kind=webinar&region=03`,
    });
    expect(none.json().items).toEqual([]);
    const region = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/events?q=${word}&region=12&format=in_person`,
    });
    expect(region.json().items).toHaveLength(3);
    const month = new Date(Date.now() + 101 * HOUR).toISOString().slice(0, 7);
    const m = await t.injectAs(null, { method: 'GET', url: `/api/v1/events/month?month=${month}&q=${word}` });
    expect(m.json().items.length).toBeGreaterThanOrEqual(1);
    expect((await t.injectAs(null, { method: 'GET', url: '/api/v1/events?cursor=garbage' })).statusCode).toBe(
      400,
    );
  });
});

describe('registration', () => {
  it('should confirm until full, then waitlist, and promote on cancellation with a mail', async () => {
    const ev = await newEvent({ capacityInPerson: 2 });
    const [a, b, c] = [await t.newUser(), await t.newUser(), await t.newUser()];
    const ra = await register(a, ev.id);
    expect(ra.statusCode).toBe(201);
    expect(ra.json().registration.status).toBe('confirmed');
    expect(ra.json().registration.checkInCode).toMatch(/^[A-Z2-9]{12}$/);
    expect((await register(b, ev.id)).json().registration.status).toBe('confirmed');
    const rc = await register(c, ev.id);
    expect(rc.json().registration.status).toBe('waitlisted');
    expect(rc.json().registration.waitlistPosition).toBe(1);
    expect((await register(a, ev.id)).json().error.code).toBe('ALREADY_REGISTERED');

    const cancel = await t.injectAs(a, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/registrations/${ra.json().registration.id}/cancel`,
    });
    expect(cancel.json().status).toBe('cancelled');
    const detail = await t.injectAs(c, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(detail.json().viewer.registration.status).toBe('confirmed');
    expect(detail.json().seats.inPerson).toMatchObject({ capacity: 2, confirmed: 2, left: 0 });
    const mails = await outbox(c.email);
    expect(mails.map((m) => m.template)).toEqual(['events.waitlisted', 'events.promoted']);

    // The QR code is there for a confirmed person, not for others.
    const qr = await t.injectAs(c, { method: 'GET', url: detail.json().viewer.registration.qrUrl });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect(
      (await t.injectAs(b, { method: 'GET', url: detail.json().viewer.registration.qrUrl })).statusCode,
    ).toBe(404);
  });

  it('should let a guest register to a public event, confirm by link and cancel by link without logging in', async () => {
    const ev = await newEvent({ capacityInPerson: 1, questions: ['dietary'] });
    const email = `${unique('guest')}@example.org`;
    const bad = await register(null, ev.id, {
      guest: { name: 'Ospite', email },
      answers: { accessibility: 'x' },
    });
    expect(bad.json().error.details.fields[0].path).toBe('answers.accessibility');
    const r = await register(null, ev.id, {
      guest: { name: 'Ospite', email, locale: 'en' },
      answers: { dietary: 'vegan' },
    });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ needsEmailConfirmation: true, registration: null });
    // Pending holds no seat: a member takes the only seat meanwhile.
    const member = await t.newUser();
    expect((await register(member, ev.id)).json().registration.status).toBe('confirmed');

    const [confirmMail] = await outbox(email);
    expect(confirmMail?.subject).toContain('Please confirm');
    const token = tokenIn(confirmMail?.text_body ?? '', '/events/registrations/confirm');
    expect(token).toBeTruthy();
    const confirmed = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/confirm',
      payload: { token },
    });
    expect(confirmed.json().registration.status).toBe('waitlisted');
    const again = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/confirm',
      payload: { token },
    });
    expect(again.json().registration.status).toBe('waitlisted');

    // The member cancels: the guest moves up and gets a mail with a manage link.
    const mine = await t.injectAs(member, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    await t.injectAs(member, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/registrations/${mine.json().viewer.registration.id}/cancel`,
    });
    const promoted = (await outbox(email)).find((m) => m.template === 'events.promoted');
    expect(promoted?.locale).toBe('en');
    const manage = tokenIn(promoted?.text_body ?? '', '/events/registrations/manage');
    const view = await t.injectAs(null, {
      method: 'GET',
      url: `/api/v1/registrations/manage?token=${manage}`,
    });
    expect(view.json().registration).toMatchObject({ status: 'confirmed', answers: { dietary: 'vegan' } });
    const qr = await t.injectAs(null, {
      method: 'GET',
      url: `${view.json().registration.qrUrl}?token=${manage}`,
    });
    expect(qr.statusCode).toBe(200);
    const cancelled = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/manage/cancel',
      payload: { token: manage },
    });
    expect(cancelled.json().registration.status).toBe('cancelled');
    const wrong = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/registrations/manage/cancel',
      payload: { token: 'x'.repeat(43) },
    });
    expect(wrong.json().error.code).toBe('INVALID_TOKEN');
  });

  it('should refuse guests on events not open to the public', async () => {
    const ev = await newEvent({ audience: 'members' });
    const org = await t.newOrganisation();
    const u = await t.newUser();
    await t.addMember(org.id, u, 'delegate');
    const r = await register(null, ev.id, { guest: { name: 'X', email: `${unique()}@example.org` } });
    expect(r.statusCode).toBe(404);
  });

  it('should let a person register a colleague and enforce the seats per organisation', async () => {
    const ev = await newEvent({ capacityInPerson: 10, maxPerOrganisation: 2 });
    const org = await t.newOrganisation();
    const [a, b, c] = [await t.newUser(), await t.newUser(), await t.newUser()];
    for (const u of [a, b, c]) await t.addMember(org.id, u, 'operator');
    const la = await t.login(a);
    expect((await register(la, ev.id)).json().registration.organisationName).toBe(org.name);
    const forB = await register(la, ev.id, { forUserId: b.id });
    expect(forB.statusCode).toBe(201);
    expect(forB.json().registration.name).toBe(b.name);
    const forC = await register(la, ev.id, { forUserId: c.id });
    expect(forC.statusCode).toBe(409);
    expect(forC.json().error.code).toBe('SEAT_LIMIT_REACHED');
    const stranger = await t.newUser();
    const refused = await register(la, ev.id, { forUserId: stranger.id });
    expect(refused.statusCode).toBe(403);
    const d = await t.injectAs(la, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(d.json().viewer.colleagueRegistrations.map((r: { name: string }) => r.name)).toEqual([b.name]);
  });

  it('should ask hybrid participants how they take part and keep separate capacities', async () => {
    const ev = await newEvent({
      format: 'hybrid',
      capacityInPerson: 1,
      capacityOnline: 1,
      onlineUrl: 'https://meet.example.org/abc',
    });
    const [a, b, c] = [await t.newUser(), await t.newUser(), await t.newUser()];
    expect((await register(a, ev.id)).json().error.details.fields[0].path).toBe('mode');
    expect((await register(a, ev.id, { mode: 'in_person' })).json().registration.status).toBe('confirmed');
    expect((await register(b, ev.id, { mode: 'online' })).json().registration.status).toBe('confirmed');
    expect((await register(c, ev.id, { mode: 'online' })).json().registration.status).toBe('waitlisted');
    const seen = await t.injectAs(b, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(seen.json().onlineUrl).toBe('https://meet.example.org/abc');
    const notYet = await t.injectAs(c, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(notYet.json().onlineUrl).toBeNull();
    const anon = await t.injectAs(null, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(anon.json().onlineUrl).toBeNull();
  });

  it('should refuse registration outside the window', async () => {
    const ev = await newEvent({ registrationOpensAt: at(24), registrationClosesAt: at(48) });
    const u = await t.newUser();
    const r = await register(u, ev.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'REGISTRATION_CLOSED',
      details: { reason: 'not_open_yet' },
    });
  });
});

describe('reminders', () => {
  it('should mail each confirmed person once, a day before, with their code or online link', async () => {
    const soon = await newEvent({
      startsAt: at(10),
      endsAt: at(12),
      format: 'hybrid',
      capacityOnline: 5,
      onlineUrl: 'https://meet.example.org/z',
    });
    const later = await newEvent({ startsAt: at(40), endsAt: at(41) });
    const [a, b] = [await t.newUser(), await t.newUser()];
    await register(a, soon.id, { mode: 'in_person' });
    await register(b, soon.id, { mode: 'online' });
    await register(a, later.id);
    const sent = await t.db.transaction().execute((tx) => sendDueReminders(tx, t.config));
    expect(sent).toBeGreaterThanOrEqual(2);
    const again = await t.db.transaction().execute((tx) => sendDueReminders(tx, t.config));
    expect(again).toBe(0);
    const ra = (await outbox(a.email)).filter((m) => m.template === 'events.reminder');
    expect(ra).toHaveLength(1);
    const code = (await t.injectAs(a, { method: 'GET', url: `/api/v1/events/${soon.id}` })).json().viewer
      .registration.checkInCode;
    expect(ra[0]?.text_body).toContain(code);
    const rb = (await outbox(b.email)).filter((m) => m.template === 'events.reminder');
    expect(rb[0]?.text_body).toContain('https://meet.example.org/z');
  });
});

describe('check-in and after the event', () => {
  it('should check in by code idempotently, by id, add walk-ins, mark no-shows and give figures and exports', async () => {
    const org = await t.newOrganisation({ regionCode: '12', kind: 'refugee_led_association' });
    const ev = await newEvent({
      capacityInPerson: 10,
      startsAt: at(-1),
      endsAt: at(2),
      questions: ['dietary'],
    });
    const people = [
      await t.newUser({ name: 'Amina Diallo' }),
      await t.newUser({ name: 'Bruno Verdi' }),
      await t.newUser({ name: 'Carla Neri' }),
    ];
    for (const p of people) await t.addMember(org.id, p, 'operator');
    const regs = [];
    for (const p of people)
      regs.push(
        (await register(await t.login(p), ev.id, { answers: { dietary: 'halal' } })).json().registration,
      );

    const first = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/checkins`,
      payload: { code: regs[0].checkInCode.toLowerCase() },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      alreadyCheckedIn: false,
      registration: { status: 'attended', name: 'Amina Diallo' },
    });
    const second = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/checkins`,
      payload: { code: regs[0].checkInCode },
    });
    expect(second.json().alreadyCheckedIn).toBe(true);
    expect(second.json().registration.checkedInAt).toBe(first.json().registration.checkedInAt);

    const search = await t.injectAs(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/checkins?q=verd` });
    expect(search.json().items.map((i: { name: string }) => i.name)).toEqual(['Bruno Verdi']);
    expect(search.json()).toMatchObject({ expected: 3, checkedIn: 1 });
    const byId = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/checkins`,
      payload: { registrationId: search.json().items[0].registrationId },
    });
    expect(byId.json().registration.status).toBe('attended');
    const unknown = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/checkins`,
      payload: { code: 'AAAAAAAAAAAA' },
    });
    expect(unknown.statusCode).toBe(404);

    const walk = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/walk-ins`,
      payload: { name: 'Dario Walk', organisationName: 'Comitato di quartiere', regionCode: '03' },
    });
    expect(walk.statusCode).toBe(201);
    expect(walk.json().registration.status).toBe('attended');

    const ns = await t.injectAs(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/no-shows` });
    expect(ns.json().marked).toBe(1);

    const f = (await t.injectAs(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/figures` })).json();
    expect(f).toMatchObject({ registered: 4, confirmed: 4, attended: 3, noShow: 1, walkIns: 1 });
    expect(f.byOrganisation.find((o: { label: string }) => o.label === org.name)).toMatchObject({
      registered: 3,
      attended: 2,
    });
    expect(f.byKind.find((k: { key: string }) => k.key === 'refugee_led_association')).toMatchObject({
      registered: 3,
    });
    expect(f.byRegion.map((r: { key: string }) => r.key).sort()).toEqual(['03', '12']);

    const csv = await t.injectAs(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/participants.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Amina Diallo');
    expect(csv.body).toContain('halal');
    const xlsx = await t.injectAs(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/participants.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(5);

    // Feedback: once per participant.
    const p0 = await t.login(people[0] as TestUser);
    const fb = await t.injectAs(p0, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/feedback`,
      payload: { rating: 5, comment: 'Utile' },
    });
    expect(fb.statusCode).toBe(201);
    const fb2 = await t.injectAs(p0, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/feedback`,
      payload: { rating: 1 },
    });
    expect(fb2.statusCode).toBe(409);
    const outsider = await t.newUser();
    expect(
      (
        await t.injectAs(outsider, {
          method: 'POST',
          url: `/api/v1/events/${ev.id}/feedback`,
          payload: { rating: 3 },
        })
      ).statusCode,
    ).toBe(403);
    const summary = await t.injectAs(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/feedback` });
    expect(summary.json()).toMatchObject({ count: 1, average: 5, comments: [{ comment: 'Utile' }] });

    // Materials: a PDF checked by content, a link; a renamed text file refused.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const mp = multipartFile('slides.pdf', pdf, 'application/pdf');
    const withTitle = {
      ...mp,
      payload: Buffer.concat([
        Buffer.from(
          `--${mp.headers['content-type'].split('boundary=')[1]}\r\nContent-Disposition: form-data; name="title"\r\n\r\nSlide\r\n`,
        ),
        mp.payload,
      ]),
    };
    const up = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/materials`,
      ...withTitle,
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'file', title: 'Slide', contentType: 'application/pdf' });
    const dl = await t.injectAs(p0, { method: 'GET', url: up.json().url });
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    const fake = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/materials`,
      ...multipartFile('virus.pdf', Buffer.from('just text'), 'application/pdf'),
    });
    expect(fake.statusCode).toBe(415);
    const link = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/materials/links`,
      payload: { title: 'Registrazione', url: 'https://video.example.org/1' },
    });
    expect(link.statusCode).toBe(201);
    const d = await t.injectAs(null, { method: 'GET', url: `/api/v1/events/${ev.id}` });
    expect(d.json().materials).toHaveLength(2);
  });

  it('should refuse check-in to people who are not organisers', async () => {
    const ev = await newEvent();
    const u = await t.newUser();
    const r = await t.injectAs(u, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/checkins`,
      payload: { code: 'AAAAAAAAAAAA' },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('calendars', () => {
  it('should serve iCalendar feeds with the event time zone', async () => {
    const ev = await newEvent({
      title: { it: 'Giornata nazionale' },
      startsAt: '2030-05-14T09:30:00+02:00',
      endsAt: '2030-05-14T17:00:00+02:00',
    });
    const all = await t.injectAs(null, { method: 'GET', url: '/calendar/events.ics' });
    expect(all.headers['content-type']).toContain('text/calendar');
    expect(all.body).toContain('BEGIN:VEVENT');
    expect(all.body).toContain('DTSTART;TZID=Europe/Rome:20300514T093000');
    expect(all.body).toContain('BEGIN:VTIMEZONE');
    expect(all.body).toContain(`UID:${ev.id}@trama`);

    const one = await t.injectAs(null, { method: 'GET', url: `/api/v1/events/${ev.id}/event.ics` });
    expect(one.body).toContain('SUMMARY:Giornata nazionale');
    expect(one.body).toContain('DTEND;TZID=Europe/Rome:20300514T170000');

    const u = await t.newUser();
    await register(u, ev.id);
    const feed = await t.injectAs(u, { method: 'GET', url: '/api/v1/me/calendar' });
    const path = new URL(feed.json().url).pathname;
    const mine = await t.injectAs(null, { method: 'GET', url: path });
    expect(mine.body).toContain(`UID:${ev.id}@trama`);
    const renewed = await t.injectAs(u, { method: 'POST', url: '/api/v1/me/calendar' });
    expect(renewed.json().url).not.toBe(feed.json().url);
    expect((await t.injectAs(null, { method: 'GET', url: path })).statusCode).toBe(404);

    const missing = await t.injectAs(null, { method: 'GET', url: '/calendar/programmes/nope.ics' });
    expect(missing.statusCode).toBe(404);
  });
});
