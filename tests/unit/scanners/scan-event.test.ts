import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeScanEvent } from '../../../core/hardware/scanners/scanner-events';
import { SCAN_KINDS, classifyScan } from '../../../shared/domain/codes/classify';
import { scanClassificationSchema, scanEventSchema } from '../../../shared/domain/scanner/scan-event';

describe('ScanEvent contract', () => {
  const samples = [
    '4006381333931',
    ']E3400638133393112',
    ']d2010950600013435217201225' + '10ABC123',
    '490154203237518',
    '4901542032375186',
    'CDB-ZHANG01',
    'S-20261118-0042',
    'J-20261123-0003',
    'SN-12345/A',
    '??',
  ];

  it('every kind the classifier produces passes the schema unchanged', () => {
    const kinds = new Set<string>();
    for (const raw of samples) {
      const c = classifyScan(raw, undefined, { referenceYear: 2026 });
      kinds.add(c.kind);
      expect(scanClassificationSchema.parse(c)).toEqual(c);
    }
    expect([...kinds].sort()).toEqual([...SCAN_KINDS].sort());
  });

  it('random scans make schema-valid events', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.constantFrom(undefined, ']E0', ']d2', ']Q1'),
        (s, aim) => {
          const e = makeScanEvent({ source: 'wedge', text: s, at: 1, ...(aim ? { aim } : {}) });
          expect(scanEventSchema.safeParse(e).success).toBe(true);
        },
      ),
      { seed: 99, numRuns: 1000 },
    );
  });

  it('the schema refuses an event a driver must not send', () => {
    const good = makeScanEvent({ source: 'hid', text: '4006381333931', aim: ']E0', at: 5 });
    expect(scanEventSchema.safeParse({ ...good, source: 'bluetooth' }).success).toBe(false);
    expect(scanEventSchema.safeParse({ ...good, at: -1 }).success).toBe(false);
    expect(scanEventSchema.safeParse({ ...good, symbology: 'ean-13' }).success).toBe(false);
    expect(
      scanEventSchema.safeParse({
        ...good,
        classification: { kind: 'gtin', code: 'x', gtin: { format: 'EAN-13' } },
      }).success,
    ).toBe(false);
  });
});
