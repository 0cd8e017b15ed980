// Fixtures for the organisations tests: valid application bodies with unique names and tax codes.
import { randomInt } from 'node:crypto';
import { unique } from '../../../../test/app.js';
import type { ApplicationInputValues } from '../../../shared/organisations.js';

/** A random 11-digit tax code with a correct check digit, so parallel tests never collide. */
export function randomBodyTaxCode(): string {
  const digits = Array.from({ length: 10 }, () => randomInt(10));
  digits[0] = 9; // never all zeros
  let sum = 0;
  digits.forEach((d, i) => {
    let v = d;
    if (i % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  });
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

export function applicationBody(overrides: Partial<ApplicationInputValues> = {}): ApplicationInputValues {
  const tag = unique('app');
  return {
    organisation: {
      name: `Associazione Ponte ${tag}`,
      acronym: 'APT',
      kind: 'refugee_led_association',
      legalForm: 'aps',
      taxCode: randomBodyTaxCode(),
      address: 'Via Roma 1',
      postalCode: '00100',
      municipality: 'Roma',
      provinceCode: 'RM',
      website: 'ponte.example.org',
      email: `info-${tag}@example.org`,
      fieldSlugs: ['reception', 'legal_aid'],
      languages: ['it', 'ar'],
      description: { it: 'Accoglienza e orientamento legale per persone rifugiate.' },
      visible: true,
    },
    contact: { name: 'Amina Haddad', email: `amina-${tag}@example.org`, locale: 'en' },
    modules: ['training_package', 'directory_visibility'],
    message: 'Vorremmo partecipare alla rete.',
    acceptCommitments: true,
    acceptPrivacy: true,
    ...overrides,
  };
}
