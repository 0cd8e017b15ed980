// The events story in a real browser: staff publish an event with two seats from the editor → a guest
// (confirmed by mail) and a member take them → the next guest is waitlisted → the first guest cancels from
// the mail link and the waitlisted one is promoted and told by mail → staff check a member in by code on a
// 360 px phone → the pages read right-to-left in Arabic. axe-core runs on every page visited.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const STAFF = { email: 'admin@demo.trama.it', password: 'trama-demo-2026' };
const MEMBER = { email: 'orgadmin@demo.trama.it', password: 'trama-demo-2026' };
const TITLE = 'Laboratorio Melograno sulla co-progettazione';
const GUEST_A = { name: 'Yasmin Farah', email: 'yasmin.farah@melograno.example.org' };
const GUEST_C = { name: 'Tesfaye Bekele', email: 'tesfaye.bekele@melograno.example.org' };

let h: Harness;
const state: { eventId?: string; memberCode?: string; full?: boolean; promoted?: boolean } = {};

beforeAll(async () => {
  h = await startHarness({ demo: true });
});

afterAll(async () => {
  await h?.stop();
});

function need<K extends keyof typeof state>(key: K): NonNullable<(typeof state)[K]> {
  const v = state[key];
  if (v === undefined) throw new Error(`an earlier step did not complete (missing ${key})`);
  return v as NonNullable<(typeof state)[K]>;
}

async function login(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, 'Accedi');
  await page.getByLabel(/^Email/).fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** "YYYY-MM-DDTHH:mm" some days from now, as a datetime-local input takes it. */
function wallClock(daysAhead: number, hour: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

const linkTo = (mail: { links: string[] }, part: string) => {
  const link = mail.links.find((l) => l.includes(part));
  if (!link) throw new Error(`no link containing ${part} in ${mail.links.join(', ')}`);
  return link;
};

/** A guest registers on the event page and confirms from the mail; returns the page after confirmation. */
async function guestRegisters(guest: { name: string; email: string }, name: string): Promise<Page> {
  const id = need('eventId');
  const page = await h.newPage({ width: 360, height: 780 });
  await page.goto(`/events/${id}`);
  await waitForHeading(page, TITLE);
  await page.getByLabel(/^Nome e cognome/).fill(guest.name);
  await page.getByLabel(/^Email/).fill(guest.email);
  await page.getByRole('button', { name: /Conferma l’iscrizione|Entra in lista d’attesa/ }).click();
  await page.getByText(/Quasi fatto/).waitFor();
  await h.checkA11y(page, `${name}-pending`);

  const mail = await h.waitForMail(guest.email, /^Confermi la sua iscrizione/);
  expect(mail.text).toContain(TITLE);
  await page.goto(linkTo(mail, '/events/registrations/confirm'));
  await waitForHeading(page, 'Conferma dell’iscrizione');
  await page
    .getByText(/La tua iscrizione è confermata|sei in lista d’attesa/)
    .first()
    .waitFor();
  await expectNoHorizontalScroll(page, 360);
  return page;
}

describe('events, end to end', () => {
  test('should let staff publish an event from the editor', async () => {
    const page = await h.newPage({ width: 1280 });
    await login(page, STAFF);
    await page.goto('/staff/events');
    await waitForHeading(page, 'Eventi');
    await h.checkA11y(page, 'events-staff-list');

    await page.getByRole('link', { name: 'Nuovo evento' }).click();
    await waitForHeading(page, 'Nuovo evento');
    await h.checkA11y(page, 'events-editor-empty');
    await page.getByLabel(/^Titolo \(Italiano\)/).fill(TITLE);
    await page
      .getByLabel(/^Descrizione \(Italiano\)/)
      .fill('Una mattina per lavorare insieme sulle proposte dei consorzi, con pausa pranzo.');
    await page.getByLabel(/^Inizio/).fill(wallClock(30, 10));
    await page.getByLabel(/^Fine/).fill(wallClock(30, 13));
    await page.getByLabel(/^Nome del luogo/).fill('Casa delle Associazioni');
    await page.getByLabel(/^Comune/).fill('Bologna');
    await page.getByLabel(/^Posti in presenza/).fill('2');
    await page.getByRole('checkbox', { name: 'Esigenze alimentari' }).check();
    await h.checkA11y(page, 'events-editor-filled');
    await page.getByRole('button', { name: 'Salva e pubblica' }).click();

    await page.waitForURL(/\/staff\/events\/[0-9a-f-]{36}$/);
    state.eventId = page.url().split('/').pop();
    await waitForHeading(page, TITLE);
    await page.getByText('Pubblicato').first().waitFor();
    await h.checkA11y(page, 'events-staff-event');
    await page.context().close();
  });

  test('should fill the seats and then put the next person on the waiting list', async () => {
    const id = need('eventId');

    // The public list finds it, in both views.
    const visitor = await h.newPage({ width: 1280 });
    await visitor.goto('/events?q=Melograno');
    await waitForHeading(visitor, 'Eventi');
    await visitor.getByRole('link', { name: TITLE }).waitFor();
    await h.checkA11y(visitor, 'events-list');
    await visitor.locator('label', { hasText: 'Calendario' }).click();
    await visitor.getByRole('table').waitFor();
    // The calendar opens on the month of the event found, and the event is listed under its day.
    await visitor.getByRole('link', { name: TITLE }).waitFor();
    await h.checkA11y(visitor, 'events-calendar');
    await visitor.context().close();

    // Seat 1: a guest, confirmed by mail.
    const a = await guestRegisters(GUEST_A, 'events-guest-a');
    await a.getByTestId('check-in-code').waitFor();
    await h.checkA11y(a, 'events-guest-confirmed');
    await a.context().close();

    // Seat 2: a member, logged in, on a phone.
    const member = await h.newPage({ width: 360, height: 780 });
    await login(member, MEMBER);
    await member.goto(`/events/${id}`);
    await waitForHeading(member, TITLE);
    await member.getByLabel(/^Esigenze alimentari/).fill('vegetariano');
    await h.checkA11y(member, 'events-member-form');
    await member.getByRole('button', { name: 'Conferma l’iscrizione' }).click();
    const code = member.getByTestId('check-in-code');
    await code.waitFor();
    state.memberCode = (await code.textContent())?.trim();
    expect(state.memberCode).toMatch(/^[A-Z2-9]{12}$/);
    await member.getByRole('img', { name: 'Codice QR per l’ingresso all’evento' }).waitFor();
    await expectNoHorizontalScroll(member, 360);
    await h.checkA11y(member, 'events-member-confirmed');
    await member.goto('/my/events');
    await waitForHeading(member, 'I miei eventi');
    await member.getByRole('link', { name: TITLE }).waitFor();
    await h.checkA11y(member, 'events-my-events');

    // An organisation admin finds where to propose a local event, and the form to do it.
    const slug = await member.evaluate(async () => {
      const res = await fetch('/api/v1/auth/session');
      const s = (await res.json()) as { user: { memberships: Array<{ slug: string; role: string }> } };
      return s.user.memberships.find((m) => m.role === 'org_admin')?.slug ?? '';
    });
    expect(slug).not.toBe('');
    await member.goto(`/my/organisations/${slug}`);
    await member.getByRole('link', { name: 'Proponi un evento' }).click();
    await waitForHeading(member, 'Proponi un evento locale');
    await expectNoHorizontalScroll(member, 360);
    await h.checkA11y(member, 'events-propose');
    await member.goto(`/organisations/${slug}`);
    await member.getByRole('heading', { name: 'Eventi locali' }).waitFor();
    await h.checkA11y(member, 'events-organisation-page');
    await member.goto('/account');
    await member.getByLabel('Link del calendario personale').first().waitFor();
    await h.checkA11y(member, 'events-account');
    await member.context().close();

    // The third person finds the event full and joins the waiting list.
    const c = await guestRegisters(GUEST_C, 'events-guest-c');
    await c
      .getByText(/posizione 1/)
      .first()
      .waitFor();
    await h.checkA11y(c, 'events-guest-waitlisted');
    await c.context().close();
    await h.waitForMail(GUEST_C.email, /^In lista d’attesa/);
    state.full = true;
  });

  test('should promote the first waitlisted person when someone cancels, and tell them by mail', async () => {
    need('full');
    const confirmed = await h.waitForMail(GUEST_A.email, /^Iscrizione confermata/);
    const page = await h.newPage({ width: 360, height: 780 });
    await page.goto(linkTo(confirmed, '/events/registrations/manage'));
    await waitForHeading(page, 'La tua iscrizione');
    await h.checkA11y(page, 'events-manage');
    await page.getByRole('button', { name: 'Annulla l’iscrizione' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla l’iscrizione' }).click();
    await page.getByText('La tua iscrizione è stata annullata').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await h.checkA11y(page, 'events-manage-cancelled');
    await page.context().close();

    const promoted = await h.waitForMail(GUEST_C.email, /^Posto confermato/);
    expect(promoted.text).toContain(TITLE);
    const c = await h.newPage({ width: 360, height: 780 });
    await c.goto(linkTo(promoted, '/events/registrations/manage'));
    await waitForHeading(c, 'La tua iscrizione');
    await c.getByText('Confermata').first().waitFor();
    await c.getByTestId('check-in-code').waitFor();
    await c.context().close();
    state.promoted = true;
  });

  test('should check a participant in by code on a phone', async () => {
    const id = need('eventId');
    const code = need('memberCode');
    const page = await h.newPage({ width: 360, height: 780 });
    await login(page, STAFF);
    await page.goto(`/staff/events/${id}/check-in`);
    await waitForHeading(page, 'Ingressi');
    await page
      .getByTestId('checkin-counts')
      .getByText(/Presenti 0 su \d/)
      .waitFor();
    await expectNoHorizontalScroll(page, 360);
    await h.checkA11y(page, 'events-checkin');

    await page.getByLabel(/^Codice di ingresso/).fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page
      .getByText(/ingresso registrato/)
      .first()
      .waitFor();
    await page
      .getByTestId('checkin-counts')
      .getByText(/Presenti 1 su/)
      .waitFor();
    await h.checkA11y(page, 'events-checkin-done');

    // The same code twice says so instead of counting the person again.
    await page.getByLabel(/^Codice di ingresso/).fill(code);
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page.getByText(/era già entrato/).waitFor();

    // A wrong code is refused in words.
    await page.getByLabel(/^Codice di ingresso/).fill('AAAAAAAAAAAA');
    await page.getByRole('button', { name: 'Registra', exact: true }).click();
    await page.getByText('Codice non trovato per questo evento').waitFor();

    await page.locator('label', { hasText: 'Cerca per nome' }).click();
    await page.getByLabel(/^Nome o email/).fill('Tesfaye');
    await page.getByRole('button', { name: `Registra ingresso: ${GUEST_C.name}` }).click();
    await page.getByText(`${GUEST_C.name}: ingresso registrato`).waitFor();
    await h.checkA11y(page, 'events-checkin-search');
    await page.context().close();

    // The event's page for staff shows who came, the figures, and takes materials.
    const desk = await h.newPage({ width: 1280 });
    await login(desk, STAFF);
    await desk.goto(`/staff/events/${id}`);
    await waitForHeading(desk, TITLE);
    await desk.getByText(GUEST_C.name).first().waitFor();
    await h.checkA11y(desk, 'events-staff-registrations');
    await desk.getByRole('tab', { name: 'Presenze' }).click();
    await desk.getByRole('heading', { name: 'Per organizzazione' }).waitFor();
    await h.checkA11y(desk, 'events-staff-attendance');
    await desk.getByRole('tab', { name: 'Materiali' }).click();
    await desk.getByLabel(/^Titolo del materiale/).waitFor();
    await h.checkA11y(desk, 'events-staff-materials');
    await desk.getByRole('tab', { name: 'Pareri' }).click();
    await desk.getByText('Nessun parere ancora.').waitFor();
    await h.checkA11y(desk, 'events-staff-feedback');
    await desk.getByRole('tab', { name: 'Storico' }).click();
    await desk
      .getByText(/Pubblicato/)
      .last()
      .waitFor();
    await h.checkA11y(desk, 'events-staff-history');
    await desk.context().close();
  });

  test('should render the events pages right-to-left in Arabic', async () => {
    const id = need('eventId');
    const page = await h.newPage({ width: 360, height: 780, lang: 'ar' });
    await page.goto('/events');
    await waitForHeading(page, 'الفعاليات');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoHorizontalScroll(page, 360);
    await h.checkA11y(page, 'events-list-ar');
    await page.goto(`/events/${id}`);
    await waitForHeading(page, TITLE);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page
      .getByRole('button', { name: 'أضف إلى التقويم' })
      .or(page.getByRole('link', { name: 'أضف إلى التقويم' }))
      .waitFor();
    await expectNoHorizontalScroll(page, 360);
    await h.checkA11y(page, 'events-detail-ar');
    await page.goto('/events?view=calendar');
    await page.getByRole('table').waitFor();
    await h.checkA11y(page, 'events-calendar-ar');
    await page.context().close();
    expect(h.pageErrors).toEqual([]);
  });
});
