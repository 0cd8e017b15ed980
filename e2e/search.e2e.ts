// The one search in a real browser: a visitor on a phone opens the header search, types a word, sees the
// results grouped by kind (an organisation and an event of the demo network), follows one; axe on every
// page; the same in Arabic, right to left.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

describe('search across Trama', () => {
  test('a visitor finds an organisation and an event by one word and follows a result', async () => {
    const page = await h.newPage({ width: 360, height: 780 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Cerca in Trama' }).click();
    // "popolo" finds "Popoli" through Italian stemming.
    const field = page.getByRole('searchbox', { name: 'Parole da cercare in Trama' });
    await field.fill('popolo');
    await field.press('Enter');
    await page.waitForURL(/\/search\?q=popolo$/);
    await waitForHeading(page, 'Risultati per «popolo»');
    const orgs = page.getByRole('region', { name: 'Organizzazioni' });
    const events = page.getByRole('region', { name: 'Eventi' });
    await orgs.getByRole('link', { name: 'Associazione Casa dei Popoli APS' }).waitFor();
    await events.getByRole('link', { name: 'Cena dei popoli' }).waitFor();
    await h.checkA11y(page, 'search-results');
    await expectNoHorizontalScroll(page, 360);

    await events.getByRole('link', { name: 'Cena dei popoli' }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await waitForHeading(page, 'Cena dei popoli');

    // Keyboard: the search page's own field, a typo in a name, Enter.
    await page.goto('/search');
    await waitForHeading(page, 'Cerca');
    await page.keyboard.type('Casa dei Popolli');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Risultati per «Casa dei Popolli»');
    await orgs.getByRole('link', { name: 'Associazione Casa dei Popoli APS' }).waitFor();
    await h.checkA11y(page, 'search-typo');

    // A word typed wrong that the demo holds only inside a PDF: the results of the nearest word, said so.
    await page.goto('/search?q=rinovabile');
    await waitForHeading(page, 'Risultati per «rinovabile»');
    await page
      .getByText('Mostriamo i risultati per «rinnovabile»: nessun testo contiene «rinovabile».')
      .waitFor();
    await page
      .getByRole('region', { name: 'Risorse' })
      .getByRole('link', { name: 'Scheda: il permesso di soggiorno per protezione speciale' })
      .waitFor();
    await h.checkA11y(page, 'search-corrected');

    // Nothing found.
    await page.goto('/search?q=zzqqxxyy');
    await page.getByText('Nessun risultato per «zzqqxxyy»', { exact: false }).waitFor();
    await h.checkA11y(page, 'search-empty');
    expect(h.pageErrors).toEqual([]);
  });

  test('the search reads right to left in Arabic, with titles in Arabic', async () => {
    const page = await h.newPage({ width: 360, height: 780, lang: 'ar' });
    await page.goto('/search?q=popoli');
    await waitForHeading(page, 'نتائج البحث عن «popoli»');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page
      .getByRole('region', { name: 'الفعاليات' })
      .getByRole('link', { name: 'عشاء الشعوب' })
      .waitFor();
    await h.checkA11y(page, 'search-ar');
    await expectNoHorizontalScroll(page, 360);
    expect(h.pageErrors).toEqual([]);
  });
});
