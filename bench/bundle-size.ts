// Gzipped size of the JavaScript a phone downloads for the first page: the entry chunk and its static
// imports, plus each route's own lazy chunk. Reads dist/web/.vite/manifest.json (npm run build:web first).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type Chunk = {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  css?: string[];
  src?: string;
};

const dist = path.resolve('dist/web');
const manifestPath = path.join(dist, '.vite/manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error('No build found: run `npm run build:web` first.');
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

/** A chunk and everything it imports statically (what loads before it can run). */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(k, seen);
  return seen;
}
const sizeOf = (keys: Iterable<string>) => {
  let js = 0;
  const css = new Set<string>();
  for (const k of keys) {
    const c = manifest[k];
    if (!c) continue;
    js += gz(c.file);
    for (const f of c.css ?? []) css.add(f);
  }
  let cssBytes = 0;
  for (const f of css) cssBytes += gz(f);
  return { js, css: cssBytes };
};

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest');
const initial = closure(entryKey);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const base = sizeOf(initial);
console.log(`initial (entry + static imports): JS ${kb(base.js)} gzipped, CSS ${kb(base.css)} gzipped`);
console.log('route                                   extra JS (gzipped)   first load total');
for (const key of manifest[entryKey]?.dynamicImports ?? []) {
  const extra = [...closure(key)].filter((k) => !initial.has(k));
  const s = sizeOf(extra);
  const name = (manifest[key]?.src ?? key).replace(/^app\/routes\//, '');
  console.log(`${name.padEnd(40)}${kb(s.js).padStart(12)}${kb(base.js + s.js).padStart(20)}`);
}
