// The newsletter story in a real browser: a visitor subscribes on a phone and confirms through the link in
// the mail → staff write a campaign for one topic, check the count and send it → only the interested
// subscriber receives it (read from the loopback SMTP server) → the archive shows it → one-click leave.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const STAFF = { email: 'admin@demo.trama.it', password: 'trama-demo-2026' };
const HEALTH = 'salute.newsletter@example.org';
const WORK = 'lavoro.newsletter@example.org';
const SUBJECT = 'Sportelli salute: le novità di giugno';
const BODY = 'Da giugno gli **sportelli salute** della rete sono aperti anche il sabato.\n\n- Roma\n- Milano';

let h: Harness;
const state: { confirmed?: boolean; sent?: boolean; unsubscribeLink?: string } = {};

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

async function login(page: Page): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, 'Accedi');
  await page.getByLabel(/^Email/).fill(STAFF.email);
  await page.getByLabel(/^Password/).fill(STAFF.password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function subscribeAndConfirm(page: Page, email: string, topic: string, a11y: boolean): Promise<void> {
  await page.goto('/newsletter');
  await waitForHeading(page, 'Newsletter della rete');
  if (a11y) {
    await h.checkA11y(page, 'newsletter-subscribe');
    await expectNoHorizontalScroll(page, 360);
  }
  await page.getByLabel(/^Indirizzo email/).fill(email);
  await page.getByLabel(topic, { exact: true }).check();
  await page.getByRole('button', { name: 'Iscriviti', exact: true }).click();
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'Controlla la tua casella' }).count())
    .toBe(1);
  if (a11y) await h.checkA11y(page, 'newsletter-subscribed');

  const mail = await h.waitForMail(email, /Conferma l’iscrizione alla newsletter/);
  const link = mail.links.find((l) => l.includes('/newsletter/confirm?token='));
  expect(link).toBeTruthy();
  await page.goto(link as string);
  await waitForHeading(page, 'Conferma dell’iscrizione');
  await expect
    .poll(() =>
      page.getByText(`Iscrizione confermata: riceverai la newsletter all’indirizzo ${email}.`).count(),
    )
    .toBe(1);
  if (a11y) {
    await h.checkA11y(page, 'newsletter-confirmed');
    await expectNoHorizontalScroll(page, 360);
  }
}

describe('newsletter', () => {
  test('a visitor subscribes on a phone and confirms through the link in the mail', async () => {
    const page = await h.newPage({ width: 360, height: 780 });
    // Sport: a topic none of the demo network's subscribers follows, so the audience is exactly this person.
    await subscribeAndConfirm(page, HEALTH, 'Sport', true);
    await subscribeAndConfirm(page, WORK, 'Lavoro', false);
    state.confirmed = true;
    await page.close();
  });

  test('staff write a campaign for one topic and only the interested subscriber receives it', async () => {
    expect(state.confirmed).toBe(true);
    const page = await h.newPage({ width: 1280, height: 900 });
    await login(page);
    await page.goto('/staff/newsletter');
    await waitForHeading(page, 'Newsletter');
    await h.checkA11y(page, 'staff-newsletter-list');
    await page.getByRole('button', { name: 'Nuova newsletter' }).click();
    await waitForHeading(page, /^Newsletter:/);

    await page
      .getByLabel(/^Oggetto/)
      .first()
      .fill(SUBJECT);
    await page
      .getByLabel(/^Testo in Markdown/)
      .first()
      .fill(BODY);
    const preview = page.frameLocator('iframe[title="Anteprima della newsletter"]');
    await expect
      .poll(() => preview.locator('strong').filter({ hasText: 'sportelli salute' }).count())
      .toBe(1);

    await page.getByLabel('Una parte della rete').check();
    await page.getByLabel('Sport', { exact: true }).check();
    await expect.poll(() => page.getByText('Raggiunge 1 persona').count()).toBe(1);
    await page.getByRole('button', { name: 'Salva la bozza' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Salva la bozza' }).isDisabled()).toBe(true);
    await h.checkA11y(page, 'staff-newsletter-editor');

    await page.getByRole('button', { name: 'Invia ora' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confermi l’invio?' });
    await expect.poll(() => dialog.getByText(/a 1 persona/).count()).toBe(1);
    await h.checkA11y(page, 'staff-newsletter-confirm');
    await dialog.getByRole('button', { name: 'Conferma' }).click();

    const mail = await h.waitForMail(HEALTH, new RegExp(SUBJECT), { timeoutMs: 60_000 });
    expect(mail.text).toContain('sportelli salute');
    expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(
      /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m,
    );
    state.unsubscribeLink = mail.links.find((l) => l.includes('/newsletter/unsubscribe?token='));

    await waitForHeading(page, `Newsletter: ${SUBJECT}`);
    await expect.poll(() => page.getByText('1 di 1 elaborate').count(), { timeout: 30_000 }).toBe(1);
    await h.checkA11y(page, 'staff-newsletter-progress');
    expect(h.mails.filter((m) => m.to.includes(WORK) && m.subject.includes(SUBJECT))).toEqual([]);
    state.sent = true;
    await page.close();
  });

  test('the archive shows the newsletter, and the reader can leave with one click', async () => {
    expect(state.sent).toBe(true);
    const page = await h.newPage({ width: 360, height: 780 });
    await page.goto('/newsletter/archive');
    await waitForHeading(page, 'Archivio della newsletter');
    await h.checkA11y(page, 'newsletter-archive');
    await expectNoHorizontalScroll(page, 360);
    await page.getByRole('link', { name: SUBJECT }).click();
    await waitForHeading(page, SUBJECT);
    await expect.poll(() => page.locator('.newsletter-issue strong').count()).toBe(1);
    await h.checkA11y(page, 'newsletter-issue');
    await expectNoHorizontalScroll(page, 360);

    await page.goto(state.unsubscribeLink as string);
    await waitForHeading(page, 'Annulla l’iscrizione');
    await page.getByRole('button', { name: 'Annulla l’iscrizione' }).click();
    await expect
      .poll(() => page.getByText(`Fatto: ${HEALTH} non riceverà più la newsletter.`).count())
      .toBe(1);
    await h.checkA11y(page, 'newsletter-unsubscribed');
    await expectNoHorizontalScroll(page, 360);
    await page.close();
  });

  test('the pages work in Arabic, right to left', async () => {
    const page = await h.newPage({ width: 360, height: 780, lang: 'ar' });
    await page.goto('/newsletter');
    await waitForHeading(page, 'النشرة الإخبارية للشبكة');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await h.checkA11y(page, 'newsletter-subscribe-ar');
    await expectNoHorizontalScroll(page, 360);
    await page.close();
  });
});
