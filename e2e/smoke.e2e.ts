// Smoke: the public pages load in every language, at phone and desktop width, with zero axe violations.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});

afterAll(async () => {
  await h?.stop();
});

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'directory', path: '/directory' },
  { name: 'not-found', path: '/no-such-page' },
] as const;
const LANGS = ['it', 'en', 'ar'] as const;
const WIDTHS = [360, 1280] as const;

describe('public pages', () => {
  for (const lang of LANGS) {
    for (const width of WIDTHS) {
      test(`should show home, directory and not-found in ${lang} at ${width} px accessibly`, async () => {
        const page = await h.newPage({ lang, width });
        for (const p of PAGES) {
          await page.goto(p.path);
          await waitForHeading(page);
          const doc = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
          }));
          expect(doc).toEqual({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr' });
          await h.checkA11y(page, `smoke-${p.name}-${lang}-${width}`);
          if (width === 360) await expectNoHorizontalScroll(page, width);
        }
        await page.context().close();
      });
    }
  }

  test('should show the not-found page for an unknown address', async () => {
    const page = await h.newPage();
    await page.goto('/no-such-page');
    await waitForHeading(page, 'Pagina non trovata');
    await page.getByRole('link', { name: 'Torna alla home' }).click();
    await page.waitForURL(`${h.baseUrl}/`);
    await page.context().close();
  });

  test('should throw no uncaught error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
