import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { i18n } from '../../i18n/i18n.js';
import { EVENTS_NS } from './messages.js';
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
  walk(path.join(ROOT, 'web/features/events'));
  const routes = path.join(ROOT, 'web/app/routes');
  for (const f of fs.readdirSync(routes)) {
    if (/^(events|event-|my-events|staff-event)/.test(f)) files.push(path.join(routes, f));
  }
  return files;
}

describe('events messages', () => {
  test('should have every text the events pages use in Italian, English and Arabic', () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z_.:]+)'/g)) {
        const [ns, key] = m[1]!.includes(':') ? m[1]!.split(':') : [EVENTS_NS, m[1]!];
        for (const lng of ['it', 'en', 'ar']) {
          // Arabic plurals need their own forms: 3 asks for "few", which must exist where plurals are used.
          if (!i18n.exists(key!, { ns, lng }) && !i18n.exists(key!, { ns, lng, count: 3 })) {
            missing.push(`${lng} ${ns}:${key} (${path.basename(file)})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  test('should give Arabic readers every plural form', () => {
    const t = i18n.getFixedT('ar', EVENTS_NS);
    for (const count of [0, 1, 2, 3, 11, 100]) {
      expect(t('list.results', { count, n: count })).not.toMatch(/eventi|events/);
      expect(t('list.seatsLeft', { count, n: count })).not.toMatch(/posti|seats/);
    }
  });
});
