import { describe, expect, it } from 'vitest';
import {
  configureCommand,
  formatNr3,
  functionFromMnemonics,
  matchesMnemonic,
  measureQuery,
  parseConfAnswer,
  parseIdn,
  parseNr3,
  parseScpiCommand,
} from '../../../core/hardware/meters/scpi-protocol';

describe('NR3 numbers', () => {
  it('formats like a bench meter', () => {
    expect(formatNr3(19.47)).toBe('+1.94700000E+01');
    expect(formatNr3(-0.001234)).toBe('-1.23400000E-03');
    expect(formatNr3(0)).toBe('+0.00000000E+00');
    expect(formatNr3(4700)).toBe('+4.70000000E+03');
    expect(formatNr3(1e-7)).toBe('+1.00000000E-07');
    expect(formatNr3(20, 6)).toBe('+2.000000E+01');
  });
  it('parses NR3, NR2 and NR1 answers', () => {
    expect(parseNr3('+1.94700000E+01')).toEqual({ ok: true, kind: 'value', value: 19.47 });
    expect(parseNr3('-1.23400000E-03')).toEqual({ ok: true, kind: 'value', value: -0.001234 });
    expect(parseNr3('  +4.70000000E+03 ')).toEqual({ ok: true, kind: 'value', value: 4700 });
    expect(parseNr3('0.5123')).toEqual({ ok: true, kind: 'value', value: 0.5123 });
    expect(parseNr3('42')).toEqual({ ok: true, kind: 'value', value: 42 });
    expect(parseNr3('1.5e-6')).toEqual({ ok: true, kind: 'value', value: 1.5e-6 });
  });
  it('reads ±9.9E37 as overload', () => {
    expect(parseNr3('+9.90000000E+37')).toEqual({ ok: true, kind: 'overload', negative: false });
    expect(parseNr3('9.9E37')).toEqual({ ok: true, kind: 'overload', negative: false });
    expect(parseNr3('-9.90000000E+37')).toEqual({ ok: true, kind: 'overload', negative: true });
  });
  it("refuses SCPI's not-a-number 9.91E37 and anything that is not one number", () => {
    expect(parseNr3('+9.91000000E+37')).toEqual({ ok: false, reason: 'SCPI_NAN' });
    expect(parseNr3('')).toEqual({ ok: false, reason: 'EMPTY' });
    expect(parseNr3('1.2.3')).toEqual({ ok: false, reason: 'NOT_A_NUMBER' });
    expect(parseNr3('KEYSIGHT,34461A')).toEqual({ ok: false, reason: 'MULTIPLE_VALUES' });
    expect(parseNr3('+1.0E+01,+2.0E+01')).toEqual({ ok: false, reason: 'MULTIPLE_VALUES' });
    expect(parseNr3('1e400')).toEqual({ ok: false, reason: 'NOT_A_NUMBER' });
    expect(parseNr3('NaN')).toEqual({ ok: false, reason: 'NOT_A_NUMBER' });
    expect(parseNr3('0x10')).toEqual({ ok: false, reason: 'NOT_A_NUMBER' });
  });
});

describe('commands', () => {
  it('builds CONF and MEAS for each function', () => {
    expect(configureCommand('DCV')).toBe('CONF:VOLT:DC');
    expect(configureCommand('DCV', 20)).toBe('CONF:VOLT:DC +2.000000E+01');
    expect(configureCommand('OHM', 'AUTO')).toBe('CONF:RES AUTO');
    expect(configureCommand('DIODE')).toBe('CONF:DIOD');
    expect(configureCommand('DUTY')).toBeNull();
    expect(measureQuery('ACA')).toBe('MEAS:CURR:AC?');
    expect(measureQuery('CAP')).toBe('MEAS:CAP?');
    expect(measureQuery('DUTY')).toBeNull();
  });
  it('matches short and long forms, any case', () => {
    expect(matchesMnemonic('CONF', 'CONFigure')).toBe(true);
    expect(matchesMnemonic('configure', 'CONFigure')).toBe(true);
    expect(matchesMnemonic('CONFIG', 'CONFigure')).toBe(false);
    expect(matchesMnemonic('dc', 'DC')).toBe(true);
  });
  it('maps mnemonics to meter functions', () => {
    expect(functionFromMnemonics(['VOLT'])).toBe('DCV');
    expect(functionFromMnemonics(['VOLTage', 'AC'])).toBe('ACV');
    expect(functionFromMnemonics(['CURR', 'DC'])).toBe('DCA');
    expect(functionFromMnemonics(['RES'])).toBe('OHM');
    expect(functionFromMnemonics(['FREQuency'])).toBe('FREQ');
    expect(functionFromMnemonics(['VOLT', 'XX'])).toBeNull();
    expect(functionFromMnemonics(['RES', 'AC'])).toBeNull();
    expect(functionFromMnemonics(['FRES'])).toBeNull();
  });
  it('splits program messages', () => {
    expect(parseScpiCommand('MEAS:VOLT:DC?')).toEqual({
      tokens: ['MEAS', 'VOLT', 'DC'],
      query: true,
      args: '',
    });
    expect(parseScpiCommand(':CONF:VOLT:DC 10,0.001')).toEqual({
      tokens: ['CONF', 'VOLT', 'DC'],
      query: false,
      args: '10,0.001',
    });
    expect(parseScpiCommand('*IDN?')).toEqual({ tokens: ['*IDN'], query: true, args: '' });
    expect(parseScpiCommand('')).toBeNull();
    expect(parseScpiCommand('::')).toBeNull();
  });
});

describe('answers', () => {
  it('parses *IDN?', () => {
    expect(parseIdn('KEYSIGHT TECHNOLOGIES,34461A,MY53212345,A.02.14-02.40-02.14-00.49-03-01')).toEqual({
      manufacturer: 'KEYSIGHT TECHNOLOGIES',
      model: '34461A',
      serial: 'MY53212345',
      firmware: 'A.02.14-02.40-02.14-00.49-03-01',
    });
    expect(parseIdn('+1.94700000E+01')).toBeNull();
    expect(parseIdn(',,,')).toBeNull();
  });
  it('parses CONF? like a 34401A answers it', () => {
    expect(parseConfAnswer('"VOLT +1.000000E+01,+3.000000E-06"')).toEqual({
      function: 'DCV',
      range: '+1.000000E+01',
    });
    expect(parseConfAnswer('"CURR:AC +1.000000E+00,+1.000000E-06"')).toMatchObject({ function: 'ACA' });
    expect(parseConfAnswer('"RES +1.000000E+03,+1.000000E-04"')).toMatchObject({ function: 'OHM' });
    expect(parseConfAnswer('"DIOD"')).toEqual({ function: 'DIODE' });
    expect(parseConfAnswer('"FRES +1.0E+03"')).toBeNull();
    expect(parseConfAnswer('+1.94700000E+01')).toBeNull();
  });
});
