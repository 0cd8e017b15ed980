// Notification emails in a real browser: a member chooses how notifications come by email on the
// notifications page (on a phone, in Italian and Arabic), the choice sticks after a reload, and the page
// opened from the unsubscribe link of a mail asks before acting and explains a bad link. axe-core on each page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const PASSWORD = 'trama-demo-2026';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

async function login(page: Page, email: string, heading = 'Accedi', button = 'Accedi'): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, heading);
  await page.getByLabel(/^(Email|البريد)/).fill(email);
  await page.getByLabel(/^(Password|كلمة المرور)/).fill(PASSWORD);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('notification emails', () => {
  test('a member chooses immediate mails on a phone, in Italian and in Arabic', async () => {
    const page = await h.newPage({ width: 360, height: 800 });
    await login(page, 'orgadmin@demo.trama.it');
    await page.goto('/notifications#email-settings');
    await waitForHeading(page, 'Notifiche');
    const daily = page.getByRole('radio', { name: /^Riepilogo giornaliero/ });
    await expect.poll(() => daily.isChecked()).toBe(true);
    await h.checkA11y(page, 'notifications-email-settings-phone');
    await expectNoHorizontalScroll(page, 360);

    await page.getByRole('radio', { name: /^Subito/ }).check();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Preferenza salvata.' }).count())
      .toBe(1);
    await page.reload();
    await waitForHeading(page, 'Notifiche');
    await expect.poll(() => page.getByRole('radio', { name: /^Subito/ }).isChecked()).toBe(true);

    const ar = await h.newPage({ width: 360, height: 800, lang: 'ar' });
    await login(ar, 'orgadmin@demo.trama.it', 'تسجيل الدخول', 'دخول');
    await ar.goto('/notifications');
    await waitForHeading(ar, 'الإشعارات');
    await expect.poll(() => ar.getByRole('radio', { name: /^فورًا/ }).isChecked()).toBe(true);
    expect(await ar.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await h.checkA11y(ar, 'notifications-email-settings-ar');
    await expectNoHorizontalScroll(ar, 360);
  });

  test('the unsubscribe page asks first and explains a link that is not valid', async () => {
    const page = await h.newPage({ width: 360, height: 800 });
    await page.goto(`/notifications/unsubscribe?token=${'0'.repeat(32)}.${'A'.repeat(43)}`);
    await waitForHeading(page, 'Non ricevere più notifiche per email');
    await h.checkA11y(page, 'notifications-unsubscribe-phone');
    await page.getByRole('button', { name: 'Sì, non inviatemi più email' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'non è valido' }).count()).toBe(1);
    await h.checkA11y(page, 'notifications-unsubscribe-invalid');
    await expectNoHorizontalScroll(page, 360);
    expect(h.pageErrors).toEqual([]);
  });
});
