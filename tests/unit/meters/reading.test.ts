import { describe, expect, it } from 'vitest';
import { NO_FLAGS, readingSchema, unitOfFunction, type Reading } from '../../../shared/domain/meter/reading';

const good: Reading = {
  value: 19.47,
  unit: 'V',
  function: 'DCV',
  range: '22 V',
  overload: false,
  flags: { ...NO_FLAGS, auto: true },
  display: '19.470 V',
  at: 1_700_000_000_000,
  instrument: { driver: 'ut61e', port: 'serial:/dev/ttyUSB0', model: 'UT61E' },
};

describe('reading schema', () => {
  it('accepts a UT61E reading', () => {
    expect(readingSchema.parse(good)).toEqual(good);
  });
  it('accepts an overload without a value', () => {
    expect(readingSchema.safeParse({ ...good, value: null, overload: true, display: 'OL' }).success).toBe(
      true,
    );
  });
  it('rejects an overload that carries a value', () => {
    expect(readingSchema.safeParse({ ...good, overload: true }).success).toBe(false);
  });
  it('rejects a unit that does not belong to the function', () => {
    expect(readingSchema.safeParse({ ...good, unit: 'A' }).success).toBe(false);
  });
  it('rejects non-finite values, fractional times and unknown functions', () => {
    expect(readingSchema.safeParse({ ...good, value: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(readingSchema.safeParse({ ...good, at: 1.5 }).success).toBe(false);
    expect(readingSchema.safeParse({ ...good, function: 'VOLTS' }).success).toBe(false);
  });
  it('maps each function to its base unit', () => {
    expect(unitOfFunction('DCV')).toBe('V');
    expect(unitOfFunction('ACA')).toBe('A');
    expect(unitOfFunction('CONT')).toBe('Ω');
    expect(unitOfFunction('DIODE')).toBe('V');
    expect(unitOfFunction('CAP')).toBe('F');
    expect(unitOfFunction('FREQ')).toBe('Hz');
    expect(unitOfFunction('TEMP')).toBe('°C');
    expect(unitOfFunction('DUTY')).toBe('%');
  });
});
