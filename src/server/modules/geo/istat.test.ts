import { describe, expect, it } from 'vitest';
import { PROVINCES, REGIONS } from './istat.js';

describe('ISTAT geography', () => {
  it('should ship all 20 regions with unique two-digit codes', () => {
    expect(REGIONS).toHaveLength(20);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(20);
    for (const r of REGIONS) expect(r.code).toMatch(/^(0[1-9]|1\d|20)$/);
  });

  it('should ship all 107 provinces with unique plate codes and names', () => {
    expect(PROVINCES).toHaveLength(107);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(107);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(107);
    for (const p of PROVINCES) expect(p.code).toMatch(/^[A-Z]{2}$/);
  });

  it('should place every province in a known region and give every region at least one province', () => {
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    for (const p of PROVINCES) expect(regionCodes.has(p.region)).toBe(true);
    for (const r of REGIONS) {
      expect(PROVINCES.filter((p) => p.region === r.code).length, r.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('should put well-known provinces in the right region', () => {
    const regionOf = (code: string) => PROVINCES.find((p) => p.code === code)?.region;
    expect(regionOf('MI')).toBe('03');
    expect(regionOf('NA')).toBe('15');
    expect(regionOf('BZ')).toBe('04');
    expect(regionOf('TN')).toBe('04');
    expect(regionOf('AO')).toBe('02');
    expect(regionOf('SU')).toBe('20');
    expect(regionOf('RM')).toBe('12');
    expect(regionOf('BT')).toBe('16');
    expect(regionOf('MB')).toBe('03');
  });

  it('should count provinces per region as ISTAT does', () => {
    const count = (region: string) => PROVINCES.filter((p) => p.region === region).length;
    expect(count('03')).toBe(12);
    expect(count('09')).toBe(10);
    expect(count('19')).toBe(9);
    expect(count('20')).toBe(5);
    expect(count('06')).toBe(4);
  });
});
