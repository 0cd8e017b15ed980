// Browser-test harness: a real Trama process (tsx src/server/main.ts) on a free loopback port with its own
// data folder, a real SMTP server on loopback collecting what Trama sends, and headless Chromium.
// It builds nothing: run `npm run build:web` first so the server has a web app to serve.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Mail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link found in the text and html bodies, in order. */
  links: string[];
  raw: string;
};

export type NewPageOptions = { width?: number; height?: number; lang?: 'it' | 'en' | 'ar' };

export type Harness = {
  baseUrl: string;
  dataDir: string;
  mails: Mail[];
  /** Uncaught errors thrown in any page, with the page URL: a broken page is a failure too. */
  pageErrors: string[];
  newPage: (opts?: NewPageOptions) => Promise<Page>;
  checkA11y: (page: Page, name: string) => Promise<void>;
  screenshot: (page: Page, name: string) => Promise<void>;
  /** Waits for a mail to `to` whose subject matches (RegExp) or that the predicate accepts. */
  waitForMail: (
    to: string,
    match: RegExp | ((m: Mail) => boolean),
    opts?: { timeoutMs?: number },
  ) => Promise<Mail>;
  /** The last lines the server printed, for failure messages. */
  serverLog: () => string;
  stop: () => Promise<void>;
};

export type HarnessOptions = {
  /** Load the demo network (default true). */
  demo?: boolean;
  env?: Record<string, string>;
};

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// --- minimal MIME decoding: enough for what nodemailer produces (RFC 2047 words, QP, base64, multipart).

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => `%${h}`);
      try {
        return decodeURIComponent(bytes);
      } catch {
        return bytes;
      }
    });
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const idx = raw.search(/\r?\n\r?\n/);
  const head = idx === -1 ? raw : raw.slice(0, idx);
  const body = idx === -1 ? '' : raw.slice(idx).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodePart(raw: string): { text: string; html: string } {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const out = { text: '', html: '' };
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const decoded = decodePart(part.replace(/^\r?\n/, ''));
      out.text ||= decoded.text;
      out.html ||= decoded.html;
    }
    return out;
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const content =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return type.toLowerCase().startsWith('text/html')
    ? { text: '', html: content }
    : { text: content, html: '' };
}

function parseMail(raw: string, envelopeFrom: string, envelopeTo: string[]): Mail {
  const { headers } = splitHeaders(raw);
  const { text, html } = decodePart(raw);
  const links = [...`${text}\n${html}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) =>
    m[0].replace(/&amp;/g, '&').replace(/[.,;]+$/, ''),
  );
  return {
    from: envelopeFrom,
    to: envelopeTo,
    subject: decodeWords(headers.get('subject') ?? ''),
    text,
    html,
    links: [...new Set(links)],
    raw,
  };
}

async function startSmtp(mails: Mail[]): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    // Without STARTTLS nodemailer talks plain SMTP on loopback instead of tripping on a self-signed cert.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), from, to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function waitForHealth(baseUrl: string, proc: ChildProcess, log: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) {
      throw new Error(`Trama exited with code ${proc.exitCode} before it was healthy:\n${log()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = String((err as Error).message);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Trama did not become healthy in ${timeoutMs} ms (${lastError}):\n${log()}`);
}

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined || proc.exitCode !== null) return;
  try {
    // The server runs in its own process group (tsx starts a child node), so signal the whole group.
    process.kill(-proc.pid, signal);
  } catch {
    // Already gone.
  }
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web/index.html is missing: run `npm run build:web` before the browser tests');
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  const mails: Mail[] = [];
  const pageErrors: string[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];
  const runCleanups = async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch {
        // Keep cleaning the rest.
      }
    }
  };

  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-e2e-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    const smtp = await startSmtp(mails);
    cleanups.push(smtp.close);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let logBuf = '';
    const proc = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server/main.ts'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        DEMO: opts.demo === false ? '0' : '1',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        LOG_LEVEL: 'warn',
        ...opts.env,
      },
    });
    const append = (chunk: Buffer) => {
      logBuf = (logBuf + chunk.toString('utf8')).slice(-20_000);
    };
    proc.stdout?.on('data', append);
    proc.stderr?.on('data', append);
    const serverLog = () => logBuf.split('\n').slice(-60).join('\n');
    // If the test process dies without running afterAll, do not leave a server behind.
    const onExit = () => killGroup(proc, 'SIGKILL');
    process.on('exit', onExit);
    cleanups.push(async () => {
      process.off('exit', onExit);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      killGroup(proc, 'SIGTERM');
      const timer = setTimeout(() => killGroup(proc, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    });

    await waitForHealth(baseUrl, proc, serverLog, 150_000);

    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    cleanups.push(() => browser.close());
    const contexts: BrowserContext[] = [];

    const newPage = async (o: NewPageOptions = {}): Promise<Page> => {
      const lang = o.lang ?? 'it';
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: o.width ?? 1280, height: o.height ?? 900 },
        locale: lang === 'it' ? 'it-IT' : lang === 'en' ? 'en-GB' : 'ar',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      // The app keeps the chosen language in localStorage; seed it once so a later switch in the UI sticks.
      await context.addInitScript((l: string) => {
        if (!localStorage.getItem('trama.lang')) localStorage.setItem('trama.lang', l);
      }, lang);
      // axe must see what a person sees once things stop moving: with transitions running it reads the
      // half-faded colours of a dialog's buttons as a contrast failure. The app itself already honours
      // reduced motion for Mantine's transitions; this also stops CSS ones.
      await context.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = '*,*::before,*::after{transition:none!important;animation:none!important}';
          document.head.appendChild(style);
        });
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      return page;
    };

    const screenshot = async (page: Page, name: string) => {
      const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    };

    const axePath = require.resolve('axe-core');
    const checkA11y = async (page: Page, name: string) => {
      // Let lazy chunks, queries and Mantine transitions settle so axe sees the page a person sees.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await screenshot(page, name);
      const hasAxe = await page.evaluate(() => 'axe' in window);
      if (!hasAxe) await page.addScriptTag({ path: axePath });
      const result = await page.evaluate(async (tags: string[]) => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time.
        const axe = (window as any).axe;
        const r = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        });
        return (
          r.violations as Array<{
            id: string;
            impact: string;
            help: string;
            nodes: Array<{ target: unknown[]; failureSummary?: string }>;
          }>
        ).map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({
            target: n.target.map(String).join(' '),
            summary: n.failureSummary ?? '',
          })),
        }));
      }, AXE_TAGS);
      if (result.length > 0) {
        const lines = result.flatMap((v) => [
          `- [${v.impact}] ${v.id}: ${v.help}`,
          ...v.nodes
            .slice(0, 10)
            .map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
        ]);
        throw new Error(
          `axe-core found ${result.length} violation(s) on "${name}" (${page.url()}):\n${lines.join('\n')}`,
        );
      }
    };

    const waitForMail = async (
      to: string,
      match: RegExp | ((m: Mail) => boolean),
      o: { timeoutMs?: number } = {},
    ): Promise<Mail> => {
      const deadline = Date.now() + (o.timeoutMs ?? 30_000);
      const want = to.toLowerCase();
      const accepts = match instanceof RegExp ? (m: Mail) => match.test(m.subject) : match;
      while (Date.now() < deadline) {
        const found = mails.find((m) => m.to.includes(want) && accepts(m));
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      const seen = mails.map((m) => `  ${m.to.join(',')}: ${m.subject}`).join('\n') || '  (none)';
      throw new Error(`No mail to ${to} matching ${String(match)} arrived. Mails received:\n${seen}`);
    };

    cleanups.push(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
    });

    return {
      baseUrl,
      dataDir,
      mails,
      pageErrors,
      newPage,
      checkA11y,
      screenshot,
      waitForMail,
      serverLog,
      stop: runCleanups,
    };
  } catch (err) {
    await runCleanups();
    throw err;
  }
}

/** Fails when the page is wider than the viewport, i.e. a person on a phone would scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const { scrollWidth, culprits } = await page.evaluate((w: number) => {
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > w + 1 || el.getBoundingClientRect().left < -1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits: wide };
  }, width);
  if (scrollWidth > width) {
    throw new Error(
      `${page.url()} scrolls sideways at ${width} px (scrollWidth ${scrollWidth}); widest elements: ${culprits.join(', ')}`,
    );
  }
}

/**
 * Waits until the page shows exactly one visible <h1> (lazy route loaded, data fetched), matching `expected`
 * when given, so a heading left over from the previous page is never mistaken for the new one.
 */
export async function waitForHeading(
  page: Page,
  expected?: string | RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = { count: 0, texts: [] as string[] };
  while (Date.now() < deadline) {
    last = await page.evaluate(() => {
      const all = [...document.querySelectorAll('h1')];
      return { count: all.length, texts: all.map((h) => (h.textContent ?? '').trim()) };
    });
    const text = last.texts[0];
    if (last.count === 1 && text) {
      const ok =
        expected === undefined || (typeof expected === 'string' ? text === expected : expected.test(text));
      if (ok && (await page.locator('h1').isVisible())) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (last.count !== 1) {
    throw new Error(
      `${page.url()} has ${last.count} <h1> elements (${last.texts.join(' | ')}); every page must have exactly one`,
    );
  }
  throw new Error(`${page.url()}: the <h1> is "${last.texts[0]}", expected ${String(expected)}`);
}
