// A course completed with a certificate, in a real browser: staff create a course with a session and
// publish it → a participant enrols on a phone → staff mark the attendance → the participant downloads the
// certificate (a PDF) → the public verification page shows it valid. axe-core runs on every page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoHorizontalScroll, type Harness, startHarness, waitForHeading } from './harness.js';

const STAFF = { email: 'admin@demo.trama.it', password: 'trama-demo-2026' };
const TITLE = 'Accoglienza e orientamento: corso base';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ demo: true });
});
afterAll(async () => {
  await h?.stop();
});

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await waitForHeading(page, 'Accedi');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** "YYYY-MM-DDTHH:mm" for a datetime-local input, `days` from now at `hour` (read as Rome time). */
const wall = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

describe('trainings', () => {
  test('a course is completed and its certificate verified', async () => {
    const staff = await h.newPage({ width: 1280, height: 900 });
    await login(staff, STAFF.email, STAFF.password);

    // Staff create the course, add a session, publish.
    await staff.goto('/staff/courses');
    await waitForHeading(staff, 'Corsi (gestione)');
    await h.checkA11y(staff, 'staff-courses');
    await staff.getByLabel(/^Titolo \(italiano\)/).fill(TITLE);
    await staff.getByRole('button', { name: 'Crea il corso (bozza)' }).click();
    await staff.waitForURL(/\/staff\/courses\/[0-9a-f-]{36}$/);
    await waitForHeading(staff, TITLE);
    await h.checkA11y(staff, 'staff-course-details');
    const courseId = staff.url().split('/').pop() as string;

    await staff.getByRole('tab', { name: 'Sessioni' }).click();
    await staff.getByLabel(/^Inizio/).fill(wall(3, 9));
    await staff.getByLabel(/^Fine/).fill(wall(3, 12));
    await staff.getByRole('textbox', { name: /Ore che valgono/ }).fill('3');
    // The course is hybrid (the default): the session has a venue and an online link.
    await staff.getByRole('textbox', { name: /^Luogo/ }).fill('Casa della Città');
    await staff
      .getByRole('textbox', { name: /^Collegamento online/ })
      .fill('https://meet.example.org/corso-base');
    await staff.getByRole('button', { name: 'Aggiungi una sessione' }).last().click();
    await expect.poll(() => staff.getByText('Sessione 1 ·').count()).toBe(1);
    await h.checkA11y(staff, 'staff-course-sessions');

    await staff.getByRole('tab', { name: 'Dettagli' }).click();
    await staff.getByRole('button', { name: 'Pubblica' }).click();
    await expect.poll(() => staff.getByText('Pubblicato', { exact: true }).count()).toBeGreaterThan(0);

    // A demo member (all demo accounts share the demo password) enrols on a phone.
    const email = await staff.evaluate(async () => {
      const list = await (await fetch('/api/v1/courses?status=published&limit=100')).json();
      const demo = list.items.find(
        (c: { title: { it: string } }) => c.title.it === 'Metodologia Community Matching',
      );
      const en = await (await fetch(`/api/v1/courses/${demo.id}/enrolments`)).json();
      return en.items[0].email as string;
    });
    const person = await h.newPage({ width: 360, height: 780 });
    await login(person, email, STAFF.password);
    await person.goto('/courses');
    await waitForHeading(person, 'Corsi di formazione');
    await h.checkA11y(person, 'courses');
    await expectNoHorizontalScroll(person, 360);
    await person.getByRole('link', { name: TITLE }).click();
    await waitForHeading(person, TITLE);
    await person.getByRole('button', { name: 'Iscriviti al corso' }).click();
    await expect.poll(() => person.getByText('È iscritto/a al corso').count()).toBe(1);
    await h.checkA11y(person, 'course-enrolled');
    await expectNoHorizontalScroll(person, 360);

    // Staff mark the attendance.
    await staff.goto(`/staff/courses/${courseId}?tab=attendance`);
    await waitForHeading(staff, TITLE);
    await expect.poll(() => staff.getByRole('radio', { name: 'Presente' }).count()).toBe(1);
    await h.checkA11y(staff, 'staff-course-attendance');
    await staff.getByText('Presente', { exact: true }).click();
    await expect.poll(() => staff.getByText('Completato', { exact: true }).count()).toBeGreaterThan(0);
    await staff.getByRole('tab', { name: 'Completamento' }).click();
    await expect.poll(() => staff.getByText('Per organizzazione').count()).toBe(1);
    await h.checkA11y(staff, 'staff-course-completion');

    // The participant gets the certificate and downloads it.
    await person.reload();
    await waitForHeading(person, TITLE);
    await expect.poll(() => person.getByText('Corso completato').count()).toBe(1);
    await person.getByRole('button', { name: 'Ottieni l’attestato' }).click();
    const download = person.getByRole('link', { name: 'Scarica l’attestato (PDF)' });
    await expect.poll(() => download.count()).toBe(1);
    await h.checkA11y(person, 'course-completed');
    const href = (await download.getAttribute('href')) as string;
    const pdf = await person.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await person.goto('/my/courses');
    await waitForHeading(person, 'I miei corsi');
    await h.checkA11y(person, 'my-courses');
    await expectNoHorizontalScroll(person, 360);

    // Anyone verifies it.
    const code = decodeURIComponent(href.split('/')[4] as string);
    const visitor = await h.newPage({ width: 360, height: 780 });
    await visitor.goto(`/certificates/${code}`);
    await waitForHeading(visitor, 'Verifica dell’attestato');
    await expect.poll(() => visitor.getByText('Attestato valido').count()).toBe(1);
    await expect.poll(() => visitor.getByText(TITLE).count()).toBe(1);
    await h.checkA11y(visitor, 'certificate-valid');
    await expectNoHorizontalScroll(visitor, 360);
    await visitor.goto('/certificates/TRM-AAAA-BBBB-CCCC');
    await expect.poll(() => visitor.getByText('Nessun attestato ha questo codice.').count()).toBe(1);
    await h.checkA11y(visitor, 'certificate-unknown');
    expect(h.pageErrors).toEqual([]);
  });
});
