import { describe, expect, it } from 'vitest';
import {
  formatQuantity,
  fromBase,
  normalizePrefix,
  parseQuantity,
  pickPrefix,
  scaleByPow10,
  toBase,
} from '../../../shared/domain/meter/units';

describe('scaleByPow10', () => {
  it('gives the double nearest the decimal a meter shows', () => {
    // 19470 counts on the 22.000 V range is 19.470 V; 19470 × 0.001 would not be exact.
    expect(scaleByPow10(19470, -3)).toBe(19.47);
    expect(scaleByPow10(12345, -8)).toBe(0.00012345);
    expect(scaleByPow10(4700, 0)).toBe(4700);
    expect(scaleByPow10(22, 3)).toBe(22000);
  });
  it('rejects a fractional exponent', () => {
    expect(() => scaleByPow10(1, 0.5)).toThrow(RangeError);
  });
});

describe('prefix conversion', () => {
  it('converts prefixed numbers to base units and back', () => {
    expect(toBase(19.5, 'm')).toBe(0.0195);
    expect(fromBase(0.0195, 'm')).toBe(19.5);
    expect(toBase(470, 'k')).toBe(470000);
    expect(toBase(100, 'n')).toBe(1e-7);
    expect(toBase(2.2, 'M')).toBe(2200000);
    expect(toBase(22, 'µ')).toBe(0.000022);
    expect(toBase(47, 'p')).toBe(4.7e-11);
  });
  it('accepts the spellings of micro people type', () => {
    expect(normalizePrefix('u')).toBe('µ');
    expect(normalizePrefix('\u03bc')).toBe('µ'); // Greek small mu
    expect(normalizePrefix('\u00b5')).toBe('µ'); // micro sign
    expect(normalizePrefix('K')).toBe('k');
    expect(normalizePrefix('x')).toBeUndefined();
  });
});

describe('parseQuantity', () => {
  it('reads what a technician types', () => {
    expect(parseQuantity('19.5 V')).toEqual({ ok: true, value: 19.5, unit: 'V', prefix: '' });
    expect(parseQuantity('470kΩ')).toEqual({ ok: true, value: 470000, unit: 'Ω', prefix: 'k' });
    expect(parseQuantity('100 nF')).toEqual({ ok: true, value: 1e-7, unit: 'F', prefix: 'n' });
    expect(parseQuantity('-12.3 mA')).toEqual({ ok: true, value: -0.0123, unit: 'A', prefix: 'm' });
    expect(parseQuantity('5 %')).toEqual({ ok: true, value: 5, unit: '%', prefix: '' });
    expect(parseQuantity('1e3 Hz')).toEqual({ ok: true, value: 1000, unit: 'Hz', prefix: '' });
    expect(parseQuantity('12 ohm')).toEqual({ ok: true, value: 12, unit: 'Ω', prefix: '' });
    expect(parseQuantity('10 \u2126')).toEqual({ ok: true, value: 10, unit: 'Ω', prefix: '' }); // ohm sign
    expect(parseQuantity('2.2 uF')).toEqual({ ok: true, value: 0.0000022, unit: 'F', prefix: 'µ' });
  });
  it('uses the expected unit for a bare prefix or number', () => {
    expect(parseQuantity('4.7k', 'Ω')).toEqual({ ok: true, value: 4700, unit: 'Ω', prefix: 'k' });
    expect(parseQuantity('19.5', 'V')).toEqual({ ok: true, value: 19.5, unit: 'V', prefix: '' });
  });
  it('says why it cannot read the text', () => {
    expect(parseQuantity('')).toEqual({ ok: false, reason: 'EMPTY' });
    expect(parseQuantity('abc')).toEqual({ ok: false, reason: 'MALFORMED' });
    expect(parseQuantity('4.7k')).toEqual({ ok: false, reason: 'UNKNOWN_UNIT' });
    expect(parseQuantity('5 V', 'A')).toEqual({ ok: false, reason: 'UNKNOWN_UNIT' });
    expect(parseQuantity('3 parsecs')).toEqual({ ok: false, reason: 'UNKNOWN_UNIT' });
  });
});

describe('formatting', () => {
  it('picks the prefix that puts the number between 1 and 1000', () => {
    expect(pickPrefix(0.001, 'V')).toBe('m');
    expect(pickPrefix(1, 'V')).toBe('');
    expect(pickPrefix(1000, 'Ω')).toBe('k');
    expect(pickPrefix(1e-7, 'F')).toBe('n');
    expect(pickPrefix(5e-7, 'V')).toBe('µ'); // smaller than the smallest prefix: stays at µ
    expect(pickPrefix(0, 'Ω')).toBe('');
    expect(pickPrefix(25, '°C')).toBe('');
  });
  it('formats base-unit values for the screen', () => {
    expect(formatQuantity(0.01947, 'V')).toBe('19.47 mV');
    expect(formatQuantity(19.47, 'V')).toBe('19.47 V');
    expect(formatQuantity(19.47, 'V', { keepZeros: true })).toBe('19.470 V');
    expect(formatQuantity(4700, 'Ω')).toBe('4.7 kΩ');
    expect(formatQuantity(1e-7, 'F')).toBe('100 nF');
    expect(formatQuantity(-0.0123, 'A')).toBe('-12.3 mA');
    expect(formatQuantity(2.5e9, 'Ω')).toBe('2.5 GΩ');
    expect(formatQuantity(0, 'V')).toBe('0 V');
    expect(formatQuantity(50, '%')).toBe('50 %');
    expect(formatQuantity(0.0195, 'V', { prefix: '' })).toBe('0.0195 V');
    expect(formatQuantity(Number.NaN, 'V')).toBe('— V');
  });
});
