import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FLAG_REASONS, REACTIONS, SPACE_ACCESS, THREAD_KINDS, WATCH_MODES } from '../../../shared/forum.js';
import { i18n } from '../../i18n/i18n.js';
import { FORUM_NS } from './messages.js';
import './nav-messages.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(f) && !f.endsWith('.test.ts')) files.push(p);
    }
  };
  walk(path.join(ROOT, 'web/features/forum'));
  const routes = path.join(ROOT, 'web/app/routes');
  for (const f of fs.readdirSync(routes)) if (f.startsWith('forum')) files.push(path.join(routes, f));
  return files;
}

const LANGS = ['it', 'en', 'ar'] as const;

describe('forum messages', () => {
  test('should have every text the forum pages use in Italian, English and Arabic', () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_.:]+)'/g)) {
        const [ns, key] = m[1]!.includes(':') ? m[1]!.split(':') : [FORUM_NS, m[1]!];
        for (const lng of LANGS) {
          // Arabic plurals need their own forms: 3 asks for "few", which must exist where plurals are used.
          if (!i18n.exists(key!, { ns, lng }) && !i18n.exists(key!, { ns, lng, count: 3 })) {
            missing.push(`${lng} ${ns}:${key} (${path.basename(file)})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('should name every kind, access, reaction, flag reason and watch mode in each language', () => {
    const keys = [
      ...THREAD_KINDS.flatMap((k) => [`kinds.${k}`, `kindHelp.${k}`]),
      ...SPACE_ACCESS.flatMap((a) => [`access.${a}`, `spaceForm.accessHelp.${a}`]),
      ...REACTIONS.map((r) => `reactions.${r}`),
      ...FLAG_REASONS.map((r) => `flag.reasons.${r}`),
      ...WATCH_MODES.map((m) => `watch.${m}`),
    ];
    const missing = LANGS.flatMap((lng) =>
      keys.filter((k) => !i18n.exists(k, { ns: FORUM_NS, lng })).map((k) => `${lng} ${k}`),
    );
    expect(missing).toEqual([]);
  });

  test('should give Arabic readers every plural form of the counts', () => {
    const t = i18n.getFixedT('ar', FORUM_NS);
    for (const count of [0, 1, 2, 3, 11, 100]) {
      for (const key of ['home.threads', 'home.posts', 'thread.replies', 'thread.unread', 'post.flags']) {
        expect(t(key, { count })).not.toMatch(/[a-z]{3,}/);
      }
    }
  });
});
