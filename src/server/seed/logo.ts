// Demo logos: coloured shapes and the organisation's initials drawn as strokes, so the result does not
// depend on which fonts the machine has (SVG text renders differently, or not at all, without them).
import sharp from 'sharp';
import type { Rng } from './prng.js';

type Stroke = ReadonlyArray<readonly [number, number]>;

// A geometric stroke alphabet on a 4 × 6 grid (x right, y down).
const O: Stroke = [
  [1, 0],
  [3, 0],
  [4, 1],
  [4, 5],
  [3, 6],
  [1, 6],
  [0, 5],
  [0, 1],
  [1, 0],
];
const P: Stroke = [
  [0, 6],
  [0, 0],
  [3, 0],
  [4, 1],
  [4, 2],
  [3, 3],
  [0, 3],
];
const GLYPHS: Record<string, ReadonlyArray<Stroke>> = {
  A: [
    [
      [0, 6],
      [2, 0],
      [4, 6],
    ],
    [
      [0.7, 4],
      [3.3, 4],
    ],
  ],
  B: [
    [
      [0, 3],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [0, 6],
      [0, 0],
      [2.6, 0],
      [3.6, 0.8],
      [3.6, 2.2],
      [2.6, 3],
    ],
  ],
  C: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
    ],
  ],
  D: [
    [
      [0, 0],
      [0, 6],
      [2.5, 6],
      [4, 4.5],
      [4, 1.5],
      [2.5, 0],
      [0, 0],
    ],
  ],
  E: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
      [4, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  F: [
    [
      [4, 0],
      [0, 0],
      [0, 6],
    ],
    [
      [0, 3],
      [3, 3],
    ],
  ],
  G: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 3.2],
      [2.2, 3.2],
    ],
  ],
  H: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [4, 6],
    ],
    [
      [0, 3],
      [4, 3],
    ],
  ],
  I: [
    [
      [2, 0],
      [2, 6],
    ],
    [
      [1, 0],
      [3, 0],
    ],
    [
      [1, 6],
      [3, 6],
    ],
  ],
  J: [
    [
      [4, 0],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  K: [
    [
      [0, 0],
      [0, 6],
    ],
    [
      [4, 0],
      [0, 3.5],
    ],
    [
      [1.5, 2.3],
      [4, 6],
    ],
  ],
  L: [
    [
      [0, 0],
      [0, 6],
      [4, 6],
    ],
  ],
  M: [
    [
      [0, 6],
      [0, 0],
      [2, 3.5],
      [4, 0],
      [4, 6],
    ],
  ],
  N: [
    [
      [0, 6],
      [0, 0],
      [4, 6],
      [4, 0],
    ],
  ],
  O: [O],
  P: [P],
  Q: [
    O,
    [
      [2.6, 4.6],
      [4.2, 6.2],
    ],
  ],
  R: [
    P,
    [
      [2, 3],
      [4, 6],
    ],
  ],
  S: [
    [
      [4, 1],
      [3, 0],
      [1, 0],
      [0, 1],
      [0, 2],
      [1, 3],
      [3, 3],
      [4, 4],
      [4, 5],
      [3, 6],
      [1, 6],
      [0, 5],
    ],
  ],
  T: [
    [
      [0, 0],
      [4, 0],
    ],
    [
      [2, 0],
      [2, 6],
    ],
  ],
  U: [
    [
      [0, 0],
      [0, 5],
      [1, 6],
      [3, 6],
      [4, 5],
      [4, 0],
    ],
  ],
  V: [
    [
      [0, 0],
      [2, 6],
      [4, 0],
    ],
  ],
  W: [
    [
      [0, 0],
      [1, 6],
      [2, 2.5],
      [3, 6],
      [4, 0],
    ],
  ],
  X: [
    [
      [0, 0],
      [4, 6],
    ],
    [
      [4, 0],
      [0, 6],
    ],
  ],
  Y: [
    [
      [0, 0],
      [2, 3],
      [4, 0],
    ],
    [
      [2, 3],
      [2, 6],
    ],
  ],
  Z: [
    [
      [0, 0],
      [4, 0],
      [0, 6],
      [4, 6],
    ],
  ],
};

// Words that say what a body is rather than which one it is.
const GENERIC = new Set([
  'associazione',
  'cooperativa',
  'sociale',
  'fondazione',
  'comune',
  'comunita',
  'centro',
  'di',
  'del',
  'della',
  'dei',
  'delle',
  'da',
  'dal',
  'in',
  'il',
  'la',
  'lo',
  'le',
  'e',
  'per',
  'a',
  'aps',
  'odv',
  'ets',
  'srl',
  'onlus',
  'impresa',
]);

export function initialsOf(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 0);
  const significant = words.filter((w) => !GENERIC.has(w.toLowerCase()));
  const chosen = (significant.length > 0 ? significant : words).slice(0, 2);
  return chosen
    .map((w) => w[0]?.toUpperCase() ?? '')
    .filter((c) => c in GLYPHS)
    .join('');
}

const PALETTES: ReadonlyArray<readonly [string, string, string]> = [
  ['#1b6b73', '#f2b134', '#e8f3f1'],
  ['#6a3d9a', '#ff8c61', '#f3ecfa'],
  ['#b23a48', '#fcb9b2', '#fdf0ee'],
  ['#2d6a4f', '#95d5b2', '#eef8f2'],
  ['#1d3557', '#e63946', '#edf2f8'],
  ['#7f5539', '#ddb892', '#f7f0e8'],
  ['#005f73', '#ee9b00', '#e9f5f7'],
  ['#3a0ca3', '#4cc9f0', '#eeebfa'],
  ['#9c2c77', '#f7b801', '#fbeef6'],
  ['#264653', '#2a9d8f', '#ecf4f3'],
];

const SIZE = 256;

function initialsPath(initials: string): string {
  const letterW = 4;
  const gap = 1.6;
  const total = initials.length * letterW + (initials.length - 1) * gap;
  // Letters are 6 units tall; scale them to about 36% of the logo height.
  const unit = (SIZE * 0.36) / 6;
  const x0 = SIZE / 2 - (total * unit) / 2;
  const y0 = SIZE / 2 - 3 * unit;
  const parts: string[] = [];
  [...initials].forEach((ch, i) => {
    const dx = x0 + i * (letterW + gap) * unit;
    for (const stroke of GLYPHS[ch] ?? []) {
      const pts = stroke.map(([x, y]) => `${(dx + x * unit).toFixed(1)},${(y0 + y * unit).toFixed(1)}`);
      parts.push(`M${pts.join('L')}`);
    }
  });
  return parts.join(' ');
}

export function logoSvg(name: string, rng: Rng): string {
  const [main, accent, light] = rng.pick(PALETTES);
  const initials = initialsOf(name);
  const round = rng.chance(0.5);
  const background = round
    ? `<circle cx="128" cy="128" r="128" fill="${main}"/>`
    : `<rect width="256" height="256" rx="48" fill="${main}"/>`;
  // A few woven bands and dots in the accent colour: "trama" is the weft of a fabric.
  const decorations: string[] = [];
  const style = rng.int(0, 2);
  if (style === 0) {
    for (let i = 0; i < 3; i++) {
      const y = 208 + i * 16;
      decorations.push(
        `<path d="M20 ${y} Q 128 ${y - 30} 236 ${y}" stroke="${accent}" stroke-width="8" fill="none" stroke-linecap="round" opacity="${0.9 - i * 0.25}"/>`,
      );
    }
  } else if (style === 1) {
    decorations.push(`<circle cx="212" cy="44" r="26" fill="${accent}" opacity="0.9"/>`);
    decorations.push(`<circle cx="44" cy="214" r="20" fill="${light}" opacity="0.35"/>`);
  } else {
    for (let i = 0; i < 5; i++) {
      decorations.push(
        `<rect x="${36 + i * 40}" y="196" width="24" height="24" rx="6" fill="${i % 2 ? light : accent}" opacity="0.85"/>`,
      );
    }
  }
  const clip = round
    ? '<clipPath id="c"><circle cx="128" cy="128" r="128"/></clipPath>'
    : '<clipPath id="c"><rect width="256" height="256" rx="48"/></clipPath>';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    `<defs>${clip}</defs>`,
    background,
    `<g clip-path="url(#c)">${decorations.join('')}</g>`,
    `<path d="${initialsPath(initials)}" stroke="${light}" stroke-width="14" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`,
    '</svg>',
  ].join('');
}

export async function renderLogo(
  name: string,
  rng: Rng,
  format: 'png' | 'webp',
): Promise<{ data: Buffer; contentType: string; ext: string; width: number; height: number }> {
  const img = sharp(Buffer.from(logoSvg(name, rng)));
  const data = format === 'png' ? await img.png().toBuffer() : await img.webp({ quality: 88 }).toBuffer();
  return { data, contentType: `image/${format}`, ext: format, width: SIZE, height: SIZE };
}
