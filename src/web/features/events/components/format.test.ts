import { describe, expect, test } from 'vitest';
import { dayKey, fromZonedInput, toZonedInput } from './format.js';

describe('event time zone helpers', () => {
  test('should read a wall-clock time in Rome as the right instant in summer and winter', () => {
    expect(fromZonedInput('2026-05-12T10:00', 'Europe/Rome')).toBe('2026-05-12T08:00:00.000Z');
    expect(fromZonedInput('2026-01-12T10:00', 'Europe/Rome')).toBe('2026-01-12T09:00:00.000Z');
  });

  test('should survive the daylight-saving changes', () => {
    expect(fromZonedInput('2026-03-29T03:30', 'Europe/Rome')).toBe('2026-03-29T01:30:00.000Z');
    expect(fromZonedInput('2026-10-25T04:30', 'Europe/Rome')).toBe('2026-10-25T03:30:00.000Z');
  });

  test('should show an instant on the clocks of the event zone', () => {
    expect(toZonedInput('2026-05-12T08:00:00.000Z', 'Europe/Rome')).toBe('2026-05-12T10:00');
    expect(toZonedInput('2026-05-12T08:00:00.000Z', 'America/New_York')).toBe('2026-05-12T04:00');
    expect(fromZonedInput('nonsense', 'Europe/Rome')).toBeNull();
  });

  test('should put a late-evening event on the day it has in its own zone', () => {
    expect(dayKey('2026-05-12T23:30:00.000Z', 'Europe/Rome')).toBe('2026-05-13');
    expect(dayKey('2026-05-12T23:30:00.000Z', 'UTC')).toBe('2026-05-12');
  });
});
