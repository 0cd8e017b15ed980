// Seeded pseudo-random numbers (mulberry32) so generated demo and benchmark data are the same every run.
export type Rng = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: ReadonlyArray<T>): T;
  sample<T>(items: ReadonlyArray<T>, count: number): T[];
  chance(p: number): boolean;
  digits(count: number): string;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
    chance: (p) => next() < p,
    digits: (count) => Array.from({ length: count }, () => String(int(0, 9))).join(''),
  };
}

/** Check digit of an Italian 11-digit tax code (codice fiscale numerico / partita IVA). */
export function taxCodeCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    if (i % 2 === 0) sum += d;
    else sum += d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A valid-looking 11-digit tax code: associations and foundations start with 9, public bodies with 8,
 * companies and cooperatives carry a progressive number and a provincial office code (001–100).
 */
export function fakeTaxCode(rng: Rng, kind: 'association' | 'public' | 'company'): string {
  let first10: string;
  if (kind === 'association') first10 = `9${rng.digits(9)}`;
  else if (kind === 'public') first10 = `8${rng.digits(9)}`;
  else first10 = `0${rng.digits(6)}${String(rng.int(1, 100)).padStart(3, '0')}`;
  return `${first10}${taxCodeCheckDigit(first10)}`;
}
