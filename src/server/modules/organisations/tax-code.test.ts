import { describe, expect, it } from 'vitest';
import {
  isValidNumericTaxCode,
  isValidPersonalTaxCode,
  isValidTaxCode,
  OrganisationInput,
} from '../../../shared/organisations.js';

describe('Italian tax code validation', () => {
  it.each([
    ['13669721006', 'Italian Red Cross'],
    ['80199230584', 'a public body'],
    ['97103880585', 'an association'],
    ['80012345676', 'computed check digit'],
  ])('should accept the 11-digit code %s (%s)', (code) => {
    expect(isValidNumericTaxCode(code)).toBe(true);
    expect(isValidTaxCode(code)).toBe(true);
  });

  it.each([
    ['80012345678', 'wrong check digit'],
    ['13669721007', 'wrong check digit'],
    ['00000000000', 'never issued'],
    ['1366972100', 'too short'],
    ['136697210061', 'too long'],
    ['1366972100A', 'a letter'],
  ])('should refuse the 11-digit code %s (%s)', (code) => {
    expect(isValidTaxCode(code)).toBe(false);
  });

  it('should accept a valid personal codice fiscale in any case', () => {
    expect(isValidPersonalTaxCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidTaxCode('rssmra85t10a562s')).toBe(true);
  });

  it('should refuse a personal codice fiscale with a wrong check character or shape', () => {
    expect(isValidTaxCode('RSSMRA85T10A562T')).toBe(false);
    expect(isValidTaxCode('RSSMRA85Z10A562S')).toBe(false); // Z is not a month letter
    expect(isValidTaxCode('RSSMRA85T10A562')).toBe(false);
    expect(isValidTaxCode('')).toBe(false);
  });

  it('should accept an omocodia variant with its recomputed check character', () => {
    // 'RSSMRA85T10A562S' with the last digit of the place code replaced by its letter (2 → N).
    const body = 'RSSMRA85T10A56N';
    const check = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').find((c) => isValidPersonalTaxCode(body + c));
    expect(check).toBeDefined();
    expect(isValidTaxCode(`${body}${check}`)).toBe(true);
    expect(isValidTaxCode(`${body}${check === 'A' ? 'B' : 'A'}`)).toBe(false);
  });

  it('should treat the tax code as optional in the organisation schema but check it when given', () => {
    const base = {
      name: 'Associazione Prova',
      kind: 'local_association',
      legalForm: 'aps',
      municipality: 'Roma',
      provinceCode: 'RM',
      email: 'info@example.org',
    };
    expect(OrganisationInput.safeParse(base).success).toBe(true);
    expect(OrganisationInput.safeParse({ ...base, taxCode: '' }).data?.taxCode).toBeNull();
    expect(OrganisationInput.safeParse({ ...base, taxCode: ' 136 69721006 ' }).data?.taxCode).toBe(
      '13669721006',
    );
    const bad = OrganisationInput.safeParse({ ...base, taxCode: '13669721007' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['taxCode']);
  });
});
