// The foundation story in a real browser: apply to join → staff approve → the invited contact person
// sets a password → edits the profile and logo → the organisation is found in the directory with the
// right facets → Arabic is right-to-left. axe-core runs on every page visited.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const STAFF = { email: 'admin@demo.trama.it', password: 'trama-demo-2026' };
// A word no demo organisation uses, so a search for it finds exactly the one created here.
const WORD = 'Zafferano';
const ORG_NAME = `Associazione ${WORD} Ponti Aperti`;
const CONTACT = { name: 'Amina Haddad', email: 'amina.haddad@zafferano.example.org' };
const REVIEW_NOTE = 'Vi contatteremo per fissare il colloquio introduttivo.';
const PASSWORD = 'una frase lunga e sicura 2026';
const DESCRIPTION =
  'Accogliamo persone rifugiate a Bologna con corsi di italiano e sportelli di orientamento.';
const NEW_DESCRIPTION = 'Dal 2019 accompagniamo famiglie rifugiate nella ricerca di casa e lavoro a Bologna.';

let h: Harness;
let tmp: string;
let logo1: string;
let logo2: string;

/** What earlier steps learnt; each step checks what it needs so a failure points at the right step. */
const state: {
  applied?: boolean;
  approved?: boolean;
  invitationLink?: string;
  slug?: string;
  edited?: boolean;
} = {};

async function makePng(file: string, colour: { r: number; g: number; b: number }): Promise<string> {
  await sharp({ create: { width: 320, height: 200, channels: 3, background: colour } })
    .png()
    .toFile(file);
  return file;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-e2e-files-'));
  logo1 = await makePng(path.join(tmp, 'logo-zafferano.png'), { r: 230, g: 140, b: 20 });
  logo2 = await makePng(path.join(tmp, 'logo-zafferano-2025.png'), { r: 20, g: 110, b: 90 });
  h = await startHarness({ demo: true });
});

afterAll(async () => {
  await h?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function need<K extends keyof typeof state>(key: K): NonNullable<(typeof state)[K]> {
  const v = state[key];
  if (v === undefined) throw new Error(`an earlier step did not complete (missing ${key})`);
  return v as NonNullable<(typeof state)[K]>;
}

/** Picks an option in a native <select> or in a Mantine Select/MultiSelect combobox. */
async function choose(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') {
    const label = await field
      .locator('option')
      .filter({ hasText: option })
      .first()
      .evaluate((o) => (o as HTMLOptionElement).label);
    await field.selectOption({ label });
    return;
  }
  await field.click();
  if (typeof option === 'string' && (await field.isEditable())) await field.fill(option);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, 'Accedi');
  await h.checkA11y(page, 'login');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

describe('joining the network, end to end', () => {
  test('should let a visitor apply to join with a logo and confirm by mail', async () => {
    const page = await h.newPage({ width: 1280 });
    await page.goto('/join');
    await waitForHeading(page, /Aderisci/);
    await h.checkA11y(page, 'join-empty');

    await page.getByLabel(/^Nome dell’organizzazione/).fill(ORG_NAME);
    await choose(page, page.getByLabel(/^Tipo di ente/).first(), 'Associazione guidata da rifugiati');
    await choose(page, page.getByLabel(/^Forma giuridica/).first(), 'APS');
    await page.getByLabel(/^Comune/).fill('Bologna');
    await choose(page, page.getByLabel(/^Provincia/).first(), 'Bologna');
    await page.getByLabel(/^Email dell’organizzazione/).fill('info@zafferano.example.org');
    await choose(page, page.getByLabel(/^Ambiti di attività/).first(), 'Accoglienza');
    await choose(page, page.getByLabel(/^Lingue parlate/).first(), 'arabo');
    await page.getByLabel(/^Descrizione in italiano/).fill(DESCRIPTION);
    await page.locator('input[type="file"]').first().setInputFiles(logo1);
    await page.getByRole('img', { name: 'Anteprima del logo' }).waitFor();
    await page.getByText('Logo caricato').waitFor();

    await page.getByLabel(/^Nome e cognome/).fill(CONTACT.name);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(CONTACT.email);
    await page.getByRole('checkbox', { name: 'Pacchetto formativo' }).check();
    await page.getByRole('checkbox', { name: 'Visibilità nell’elenco' }).check();
    await page.getByRole('checkbox', { name: /^Accettiamo gli impegni/ }).check();
    await page.getByRole('checkbox', { name: /informativa sulla privacy/ }).check();
    await h.checkA11y(page, 'join-filled');

    await page.getByRole('button', { name: /Invia la domanda/ }).click();
    await waitForHeading(page, 'Domanda inviata');
    await page.getByText(CONTACT.email).first().waitFor();
    await h.checkA11y(page, 'join-sent');
    await page.context().close();

    const confirmation = await h.waitForMail(CONTACT.email, /abbiamo ricevuto la vostra domanda/);
    expect(confirmation.text).toContain(ORG_NAME);
    state.applied = true;
  });

  test('should let staff approve the application from the queue', async () => {
    need('applied');
    const page = await h.newPage({ width: 1280 });
    await login(page, STAFF.email, STAFF.password);

    await page.goto('/staff/applications');
    await waitForHeading(page, 'Domande di adesione');
    await page.getByRole('link', { name: ORG_NAME }).first().waitFor();
    await h.checkA11y(page, 'staff-applications');

    await page.getByRole('link', { name: ORG_NAME }).first().click();
    await page.waitForURL(/\/staff\/applications\/[0-9a-f-]{36}$/);
    await waitForHeading(page, new RegExp(escapeRegExp(ORG_NAME)));
    await h.checkA11y(page, 'staff-application-submitted');

    await page.getByRole('button', { name: 'Approva', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Approva la domanda' });
    await dialog.waitFor();
    await h.checkA11y(page, 'staff-application-approve-dialog');
    await dialog.getByLabel('Nota (facoltativa)').fill(REVIEW_NOTE);
    await dialog.getByRole('button', { name: 'Approva', exact: true }).click();
    await page.getByText('Domanda approvata').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByText('Approvata', { exact: true }).count()).toBeGreaterThan(0);
    await h.checkA11y(page, 'staff-application-approved');
    await page.context().close();
    state.approved = true;
  });

  test('should send the contact person an invitation that sets a password and opens the organisation', async () => {
    need('approved');
    const mail = await h.waitForMail(CONTACT.email, /ora fa parte della rete/);
    expect(mail.subject).toContain(ORG_NAME);
    expect(mail.text).toContain(REVIEW_NOTE);
    const link = mail.links.find((l) => l.startsWith(`${h.baseUrl}/invitation?token=`));
    if (!link) throw new Error(`no invitation link in the approval mail:\n${mail.text}`);
    state.invitationLink = link;

    const page = await h.newPage({ width: 1280 });
    await page.goto(link);
    await waitForHeading(page, 'Accetta l’invito');
    await page.getByText(CONTACT.email, { exact: false }).first().waitFor();
    await h.checkA11y(page, 'invitation');
    await expect.poll(() => page.getByLabel(/^Nome e cognome/).inputValue()).toBe(CONTACT.name);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel(/^Ripeti la password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Attiva l’account' }).click();

    await page.waitForURL(/\/my\/organisations\/[^/]+$/);
    const slug = new URL(page.url()).pathname.split('/').pop()!;
    await waitForHeading(page, new RegExp(escapeRegExp(ORG_NAME)));
    await h.checkA11y(page, 'my-organisation');
    state.slug = slug;
    await page.context().close();
  });

  test('should let the new organisation admin edit the profile and upload a new logo', async () => {
    const slug = need('slug');
    const page = await h.newPage({ width: 1280 });
    await login(page, CONTACT.email, PASSWORD);
    await page.goto(`/my/organisations/${slug}`);
    await waitForHeading(page, new RegExp(escapeRegExp(ORG_NAME)));
    const before = await (await page.request.get(`/api/v1/organizations/${slug}`)).json();
    expect(before.myRole).toBe('org_admin');
    expect(before.status).toBe('member');

    await page.getByRole('tab', { name: 'Profilo' }).click();
    await page.getByLabel(/^Descrizione in italiano/i).fill(NEW_DESCRIPTION);
    await choose(page, page.getByLabel(/^Ambiti di attività/).first(), 'Lavoro');
    await page.getByLabel(/^Telefono/).fill('+39 051 123 4567');
    await h.checkA11y(page, 'my-organisation-profile');
    await page.getByRole('button', { name: 'Salva il profilo' }).click();
    await page.getByText('Profilo salvato').first().waitFor();

    await page.getByRole('tab', { name: 'Logo' }).click();
    await page.locator('input[type="file"]').first().setInputFiles(logo2);
    await page.getByRole('img', { name: 'Anteprima del nuovo logo' }).waitFor();
    await h.checkA11y(page, 'my-organisation-logo');
    await page.getByRole('button', { name: 'Carica e salva il logo' }).click();
    await page.getByText('Logo aggiornato').first().waitFor();

    const after = await (await page.request.get(`/api/v1/organizations/${slug}`)).json();
    expect(after.description.it).toBe(NEW_DESCRIPTION);
    expect(after.fields).toContain('work');
    expect(after.phone).toBe('+39 051 123 4567');
    expect(after.logoUrl).toBeTruthy();
    expect(after.logoUrl).not.toBe(before.logoUrl);
    const logo = await page.request.get(after.logoUrl);
    expect(logo.status()).toBe(200);
    expect(logo.headers()['content-type']).toMatch(/^image\/(png|jpeg|webp)/);
    await page.context().close();
    state.edited = true;
  });

  test('should find the organisation in a directory search with the right region facet', async () => {
    const slug = need('slug');
    need('edited');
    const page = await h.newPage({ width: 1280 });
    await page.goto('/directory');
    await waitForHeading(page, 'Partecipanti alla rete');
    await h.checkA11y(page, 'directory');

    const search = page
      .getByRole('searchbox')
      .or(page.getByRole('textbox', { name: /Cerca/ }))
      .first();
    await search.fill(WORD.toLowerCase());
    await search.press('Enter');
    const card = page.getByRole('link', { name: ORG_NAME }).first();
    await card.waitFor();

    const api = await (await page.request.get(`/api/v1/organizations?q=${WORD}`)).json();
    expect(api.items.map((o: { slug: string }) => o.slug)).toContain(slug);
    const region = api.facets.region.find((f: { value: string }) => f.value === '08');
    expect(region?.label).toBe('Emilia-Romagna');
    expect(region.count).toBeGreaterThanOrEqual(1);

    // The facet shown to the person carries the same count as the API.
    const regionFilter = page.getByRole('checkbox', { name: /Emilia-Romagna/ }).first();
    await regionFilter.waitFor();
    const regionId = await regionFilter.getAttribute('id');
    const regionLabel = page
      .locator('label', { has: page.locator(`[id="${regionId}"]`) })
      .or(page.locator(`label[for="${regionId}"]`))
      .first();
    // The card is already on the unfiltered first page, so it appearing does not mean the search answered:
    // the counts follow when it does (the previous result stays on screen meanwhile).
    await expect
      .poll(() => regionLabel.textContent())
      .toMatch(new RegExp(`Emilia-Romagna\\D*${region.count}\\b`));
    await h.checkA11y(page, 'directory-search');

    await regionFilter.check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('region')).toContain('08');
    await card.waitFor();
    const filtered = await (await page.request.get(`/api/v1/organizations?q=${WORD}&region=08`)).json();
    expect(filtered.items.map((o: { slug: string }) => o.slug)).toContain(slug);
    await h.checkA11y(page, 'directory-search-region');

    await card.click();
    await page.waitForURL(`${h.baseUrl}/organisations/${slug}`);
    await waitForHeading(page, ORG_NAME);
    await page.getByText(NEW_DESCRIPTION).waitFor();
    await h.checkA11y(page, 'organisation-public');

    // The same page in Arabic: the language switcher turns the whole document right-to-left.
    await page.getByLabel('Lingua').selectOption('ar');
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await h.checkA11y(page, 'organisation-public-ar');
    await page.goto('/directory');
    await waitForHeading(page, 'أعضاء الشبكة');
    expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    await h.checkA11y(page, 'directory-ar');
    await page.context().close();
  });

  test('should fit the directory and the join form on a 360 px phone', async () => {
    for (const lang of ['it', 'ar'] as const) {
      const page = await h.newPage({ width: 360, height: 760, lang });
      for (const p of ['/directory', '/join']) {
        await page.goto(p);
        await waitForHeading(page);
        await page.waitForLoadState('networkidle');
        await expectNoHorizontalScroll(page, 360);
        await h.checkA11y(page, `phone-${p.slice(1)}-${lang}`);
      }
      await page.context().close();
    }
  });

  test('should let a keyboard user skip to the content and reach the directory search', async () => {
    const page = await h.newPage({ width: 1280 });
    await page.goto('/directory');
    await waitForHeading(page);
    await page.waitForLoadState('networkidle');

    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(first).toBe('Vai al contenuto');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return (
          !!el &&
          el.tagName === 'INPUT' &&
          (el.type === 'search' ||
            /cerca/i.test(el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? ''))
        );
      });
    }
    expect(reached, 'Tab from the main content should reach the search box').toBe(true);
    await page.context().close();
  });

  test('should throw no uncaught error in any page', () => {
    expect(h.pageErrors).toEqual([]);
  });
});
