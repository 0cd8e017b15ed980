// The resource library in a real browser: staff add a toolkit and upload a PDF containing a distinctive
// word → the app's job worker extracts its text → a visitor on a phone searches the word, finds the
// toolkit page and downloads the file. axe-core runs on every page; the library is checked in Arabic (RTL).
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const STAFF = { email: 'admin@demo.trama.it', password: 'trama-demo-2026' };
const WORD = 'quadrifogliosa';
const TITLE = 'Toolkit del tutoraggio tra pari';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, 'Accedi');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('resource library', () => {
  test('a toolkit is found by a word inside its PDF and downloaded', async () => {
    const staff = await h.newPage({ width: 1280, height: 900 });
    await login(staff, STAFF.email, STAFF.password);
    await staff.goto('/resources');
    await waitForHeading(staff, 'Biblioteca delle risorse');
    await staff.getByRole('link', { name: 'Aggiungi una risorsa' }).click();
    await waitForHeading(staff, 'Nuova risorsa');
    await h.checkA11y(staff, 'resource-new');
    await staff.getByLabel(/^Titolo \(italiano\)/).fill(TITLE);
    await staff.getByLabel(/^Sintesi \(italiano\)/).fill('Come accompagnare le associazioni nel primo anno.');
    await staff.getByRole('button', { name: 'Salva' }).click();
    await staff.waitForURL(/\/resources\/[0-9a-f-]{36}$/);
    await waitForHeading(staff, TITLE);

    const pdf = await pdfWith(`Il metodo ${WORD} aiuta i mentori a seguire ogni progetto.`);
    // Mantine's FileInput is a button over a hidden file input: the file goes to the input.
    await staff
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'toolkit.pdf', mimeType: 'application/pdf', buffer: pdf });
    await staff.getByLabel(/^Nota sulla versione/).fill('Prima edizione');
    await staff.getByRole('button', { name: 'Carica', exact: true }).click();
    await expect.poll(() => staff.getByText(/Versione caricata/).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => staff.getByText('Versione 1 · toolkit.pdf').count()).toBe(1);
    await h.checkA11y(staff, 'resource-detail-staff');

    // The extraction job runs in the app process; the word becomes searchable within a few seconds.
    await expect
      .poll(
        async () =>
          staff.evaluate(async (w) => {
            const res = await (await fetch(`/api/v1/resources?q=${w}`)).json();
            return res.items.length as number;
          }, WORD),
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);

    // A visitor on a phone finds it by the word inside the PDF.
    const visitor = await h.newPage({ width: 360, height: 780 });
    await visitor.goto('/resources');
    await waitForHeading(visitor, 'Biblioteca delle risorse');
    await h.checkA11y(visitor, 'resources-front');
    await expectNoHorizontalScroll(visitor, 360);
    await visitor.getByRole('searchbox', { name: /Cerca nelle risorse/ }).fill(WORD);
    await visitor.getByRole('button', { name: 'Cerca', exact: true }).click();
    await visitor.getByRole('heading', { name: `Risultati per «${WORD}»` }).waitFor();
    await h.checkA11y(visitor, 'resources-search');
    await visitor.getByRole('link', { name: TITLE }).click();
    await waitForHeading(visitor, TITLE);
    await h.checkA11y(visitor, 'resource-detail-visitor');
    await expectNoHorizontalScroll(visitor, 360);
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      visitor.getByRole('link', { name: 'Scarica', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('toolkit.pdf');
    const id = visitor.url().split('/').pop() as string;
    const count = await visitor.evaluate(
      async (rid) => (await (await fetch(`/api/v1/resources/${rid}`)).json()).downloadCount as number,
      id,
    );
    expect(count).toBe(1);

    // Staff collections editor.
    await staff.goto('/staff/resource-collections');
    await waitForHeading(staff, 'Raccolte di risorse');
    await h.checkA11y(staff, 'staff-resource-collections');

    // Arabic, right to left.
    const ar = await h.newPage({ width: 360, height: 780, lang: 'ar' });
    await ar.goto('/resources');
    await waitForHeading(ar, 'مكتبة الموارد');
    expect(await ar.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await h.checkA11y(ar, 'resources-front-ar');
    await expectNoHorizontalScroll(ar, 360);
    expect(h.pageErrors).toEqual([]);
  });
});
