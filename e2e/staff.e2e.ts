// Staff members page in a real browser: the status filter, the status badges and the "hidden" badge,
// at desktop and phone width, with axe-core on every state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const STAFF = { email: 'admin@demo.trama.it', password: 'trama-demo-2026' };

let h: Harness;

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

const totalText = (n: number) => `Organizzazioni trovate: ${new Intl.NumberFormat('it').format(n)}`;

describe('staff members page', () => {
  test('should list members and suspended organisations by default, hidden ones included, with their status', async () => {
    const page = await h.newPage({ width: 1280 });
    await login(page);

    // Hide one member from the public directory: staff must still find it, marked as hidden.
    const members = await (
      await page.request.get('/api/v1/organizations?status=member&sort=name&pageSize=1')
    ).json();
    const hidden = members.items[0] as { slug: string; name: string };
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    const patch = await page.request.patch(`/api/v1/organizations/${hidden.slug}`, {
      data: { visible: false },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(patch.status()).toBe(200);
    const publicList = await (await page.request.get('/api/v1/organizations?pageSize=100')).json();
    expect(publicList.items.map((o: { slug: string }) => o.slug)).not.toContain(hidden.slug);

    await page.goto('/staff/members');
    await waitForHeading(page, 'Membri della rete');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Membro' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Sospesa' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Uscita dalla rete' }).isChecked()).toBe(false);

    const api = await (await page.request.get('/api/v1/organizations?status=member&status=suspended')).json();
    await page.getByText(totalText(api.total)).waitFor();
    await h.checkA11y(page, 'staff-members');

    await page.getByRole('searchbox', { name: /Cerca/ }).fill(hidden.name);
    const row = page.getByRole('row', {
      name: new RegExp(hidden.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    });
    await row.getByText('Nascosta dall’elenco pubblico').waitFor();
    await row.getByText('Membro', { exact: true }).waitFor();
    await h.checkA11y(page, 'staff-members-hidden');

    // Only departed organisations: the count follows the filter.
    await page.getByRole('searchbox', { name: /Cerca/ }).fill('');
    await page.getByRole('checkbox', { name: 'Membro' }).uncheck();
    await page.getByRole('checkbox', { name: 'Sospesa' }).uncheck();
    await page.getByRole('checkbox', { name: 'Uscita dalla rete' }).check();
    const departed = await (await page.request.get('/api/v1/organizations?status=departed')).json();
    await page.getByText(totalText(departed.total)).waitFor();
    await h.checkA11y(page, 'staff-members-departed');
    await page.context().close();
  });

  test('should fit the members page on a 360 px phone', async () => {
    const page = await h.newPage({ width: 360 });
    await login(page);
    await page.goto('/staff/members');
    await waitForHeading(page, 'Membri della rete');
    await page.getByRole('checkbox', { name: 'Membro' }).waitFor();
    await h.checkA11y(page, 'staff-members-360');
    await expectNoHorizontalScroll(page, 360);
    await page.context().close();
  });

  test('should throw no uncaught error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
