// Mentoring in a real browser: the demo expert records a session with a follow-up action already past due
// for a participant of the organisation → the participant logs in on a phone, sees the bell count, the
// notification and the overdue action; a member of the organisation who is not a participant does not see
// the private notes; staff see the overview. axe-core runs on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const PASSWORD = 'trama-demo-2026';
const NOTE = 'Nota riservata di prova sul direttivo';
const ACTION = 'Consegnare il piano dei turni dei volontari';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, 'Accedi');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const wallAgo = (hours: number) => {
  const d = new Date(Date.now() - hours * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe('mentoring', () => {
  test('an expert’s session with an overdue action is visible to the organisation', async () => {
    const expert = await h.newPage({ width: 1280, height: 900 });
    await login(expert, 'expert@demo.trama.it');
    await expert.goto('/mentoring');
    await waitForHeading(expert, 'Accompagnamento e supervisione');
    await h.checkA11y(expert, 'mentoring-mine-expert');
    await expert
      .getByRole('link', { name: /Community Matching Roma Est/ })
      .first()
      .click();
    await expert.waitForURL(/\/mentoring\/[0-9a-f-]{36}$/);
    await h.checkA11y(expert, 'mentoring-engagement-expert');

    await expert.getByRole('button', { name: 'Registra o programma una sessione' }).click();
    await expert.getByLabel(/^Data e ora/).fill(wallAgo(3));
    await expert.getByLabel(/^Luogo o collegamento/).fill('Sede dell’associazione');
    await expert.getByLabel(/^Note riservate/).fill(NOTE);
    await expert.getByLabel(/^Punti di forza osservati/).fill('Volontari motivati');
    await expert.getByLabel(/^Criticità osservate/).fill('Turni non chiari');
    await expert.getByRole('button', { name: 'Aggiungi un’azione' }).click();
    await expert.getByLabel(/^Azione 1/).fill(ACTION);
    await expert.getByLabel(/^Responsabile dell’azione 1/).selectOption({ label: 'Chiara Bruno' });
    await expert.getByLabel(/^Scadenza dell’azione 1/).fill(yesterday());
    await h.checkA11y(expert, 'mentoring-session-form');
    await expert.getByRole('button', { name: 'Salva la sessione' }).click();
    await expect.poll(() => expert.getByText(NOTE).count()).toBe(1);
    await h.checkA11y(expert, 'mentoring-engagement-after-session');

    // The owner of the action, on a phone: the bell counts, the notification and the overdue action show.
    const chiara = await h.newPage({ width: 360, height: 780 });
    await login(chiara, 'operator@demo.trama.it');
    const bell = chiara.getByTestId('notification-bell');
    await expect
      .poll(async () => (await bell.getAttribute('aria-label')) ?? '')
      .toMatch(/Notifiche: [1-9]\d* da leggere/);
    await bell.click();
    await waitForHeading(chiara, 'Notifiche');
    await expect.poll(() => chiara.getByText(/^Azione scaduta il/).count()).toBeGreaterThan(0);
    await expect.poll(() => chiara.getByText(ACTION).count()).toBeGreaterThan(0);
    await h.checkA11y(chiara, 'notifications-phone');
    await expectNoHorizontalScroll(chiara, 360);

    await chiara.goto('/mentoring');
    await waitForHeading(chiara, 'Accompagnamento e supervisione');
    const overdue = chiara.getByTestId('mentoring-action').filter({ hasText: ACTION });
    await expect.poll(() => overdue.getByText('Scaduta', { exact: true }).count()).toBe(1);
    await h.checkA11y(chiara, 'mentoring-mine-phone');
    await expectNoHorizontalScroll(chiara, 360);
    await chiara
      .getByRole('link', { name: /Community Matching Roma Est/ })
      .first()
      .click();
    await chiara.waitForURL(/\/mentoring\/[0-9a-f-]{36}$/);
    await expect.poll(() => chiara.getByText(NOTE).count()).toBe(1);
    await h.checkA11y(chiara, 'mentoring-engagement-phone');
    await expectNoHorizontalScroll(chiara, 360);

    // A member of the same organisation who is not a participant sees the engagement but not the notes.
    const zahra = await h.newPage({ width: 1280, height: 900 });
    await login(zahra, 'delegate@demo.trama.it');
    await zahra.evaluate(() => localStorage.setItem('trama.lang', 'ar'));
    await zahra.goto(chiara.url());
    await waitForHeading(zahra);
    await expect
      .poll(() => zahra.getByText(/Le note sono visibili solo|الملاحظات مرئية فقط/).count())
      .toBeGreaterThan(0);
    expect(await zahra.getByText(NOTE).count()).toBe(0);
    expect(await zahra.locator('html').getAttribute('dir')).toBe('rtl');
    await h.checkA11y(zahra, 'mentoring-engagement-ar');

    // Staff see the overview with the overdue action.
    const staff = await h.newPage({ width: 1280, height: 900 });
    await login(staff, 'admin@demo.trama.it');
    await staff.goto('/staff/mentoring');
    await waitForHeading(staff, 'Accompagnamento e supervisione');
    await expect.poll(() => staff.getByText(ACTION).count()).toBeGreaterThan(0);
    await h.checkA11y(staff, 'staff-mentoring');

    expect(h.pageErrors).toEqual([]);
  });

  test('should let staff start an engagement through the form and add a participant', async () => {
    const staff = await h.newPage({ width: 1280, height: 900 });
    await login(staff, 'admin@demo.trama.it');
    await staff.goto('/staff/mentoring');
    await waitForHeading(staff, 'Accompagnamento e supervisione');
    await staff.getByRole('button', { name: 'Nuovo percorso' }).click();
    await staff.getByRole('button', { name: 'Avvia il percorso' }).click();
    await expect.poll(() => staff.getByText('Campo obbligatorio.').count()).toBeGreaterThan(0);

    await staff.getByRole('combobox', { name: /^Organizzazione/ }).fill('Afgana');
    await staff.getByRole('option', { name: /Comunità Afgana in Italia/ }).click();
    await staff.getByRole('combobox', { name: /^Mentor/ }).fill('Amina');
    await staff.getByRole('option', { name: /Amina Haddad/ }).click();
    await staff.getByLabel(/^Finalità/).selectOption({ label: 'Supervisione' });
    await staff.getByLabel(/^Nome del progetto/).fill('Sportello donne');
    await h.checkA11y(staff, 'mentoring-engagement-form');
    await staff.getByRole('button', { name: 'Avvia il percorso' }).click();
    await staff.waitForURL(/\/mentoring\/[0-9a-f-]{36}$/);
    await waitForHeading(staff, /Comunità Afgana in Italia/);
    await expect.poll(() => staff.getByText('Mentor: Amina Haddad').count()).toBe(1);

    await staff.getByLabel(/^Persona dell’organizzazione/).selectOption({ label: 'Zahra Hosseini' });
    await staff.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    const people = staff.getByTestId('mentoring-participants');
    await expect.poll(() => people.getByText('Zahra Hosseini').count()).toBe(1);
    await h.checkA11y(staff, 'mentoring-engagement-participants');
    await staff.getByRole('button', { name: 'Rimuovi Zahra Hosseini' }).click();
    await expect.poll(() => staff.getByText('Nessun partecipante.').count()).toBe(1);

    expect(h.pageErrors).toEqual([]);
  });
});
