/**
 * Where a scan goes (renderer/src/app/scan/scan-decision): badges switch clerk, a field that asked
 * for the kind gets it, receipts and slips open Returns, repair jobs open Bench (else Repairs),
 * product codes without a field and unknown codes are explained. Codes are real-format examples:
 * EAN-13 6901234567892 (check digit 2 by the mod-10 rule), IMEI 490154203237518 (Luhn digit 8).
 */
import { describe, expect, it } from 'vitest';
import { decideScan, isFieldKind, type TargetInfo } from '../../../../renderer/src/app/scan/scan-decision';
import { classifyScan } from '../../../../shared/domain/codes/classify';

const decide = (code: string, target: TargetInfo | null = null) => decideScan(classifyScan(code), target);

describe('scan decision', () => {
  it('a staff badge always switches clerk, even when a field is waiting for scans', () => {
    expect(decide('CDB-D1001WANG')).toEqual({ type: 'badge', badge: 'CDB-D1001WANG' });
    expect(decide('CDB-D1001WANG', { id: 1, kinds: ['serial', 'sale-receipt'] })).toEqual({
      type: 'badge',
      badge: 'CDB-D1001WANG',
    });
  });

  it('a sale receipt opens Returns with the canonical receipt number', () => {
    expect(decide('S-20261118-0007')).toEqual({
      type: 'open',
      areas: ['returns'],
      params: { receipt: 'S-20261118-0007' },
    });
    expect(decide('s-20261118-0007')).toEqual({
      type: 'open',
      areas: ['returns'],
      params: { receipt: 'S-20261118-0007' },
    });
  });

  it('return and exchange slips open Returns as documents; a repair job opens Bench, else Repairs', () => {
    expect(decide('R-20261118-0002')).toEqual({
      type: 'open',
      areas: ['returns'],
      params: { document: 'R-20261118-0002' },
    });
    expect(decide('X-20261118-0001')).toEqual({
      type: 'open',
      areas: ['returns'],
      params: { document: 'X-20261118-0001' },
    });
    expect(decide('J-20261118-0003')).toEqual({
      type: 'open',
      areas: ['bench', 'repairs'],
      params: { job: 'J-20261118-0003' },
    });
  });

  it('a complaint has no screen yet', () => {
    expect(decide('C-20261118-0001')).toEqual({ type: 'no-screen', kind: 'document' });
  });

  it('product codes, IMEIs and serials go to a field that asked for their kind, and only to such a field', () => {
    const gtinField: TargetInfo = { id: 7, kinds: ['gtin', 'gs1'] };
    const serialField: TargetInfo = { id: 8, kinds: ['imei', 'serial'] };
    expect(decide('6901234567892', gtinField)).toEqual({ type: 'fill', targetId: 7 });
    expect(decide('6901234567892', serialField)).toEqual({ type: 'no-target', kind: 'gtin' });
    expect(decide('6901234567892')).toEqual({ type: 'no-target', kind: 'gtin' });
    expect(decide('490154203237518', serialField)).toEqual({ type: 'fill', targetId: 8 });
    expect(decide('SN-A1B2C3D4', serialField)).toEqual({ type: 'fill', targetId: 8 });
    expect(decide('SN-A1B2C3D4', gtinField)).toEqual({ type: 'no-target', kind: 'serial' });
  });

  it('a field that asks for receipts takes them instead of the jump to Returns', () => {
    expect(decide('S-20261118-0007', { id: 3, kinds: ['sale-receipt'] })).toEqual({
      type: 'fill',
      targetId: 3,
    });
    expect(decide('J-20261118-0003', { id: 3, kinds: ['sale-receipt'] })).toEqual({
      type: 'open',
      areas: ['bench', 'repairs'],
      params: { job: 'J-20261118-0003' },
    });
  });

  it('unknown codes carry the classifier’s reason', () => {
    expect(decide('***!!***')).toEqual({ type: 'unknown', reason: 'unrecognised' });
    expect(decide('CDB-!!')).toEqual({ type: 'unknown', reason: 'bad_badge' });
    expect(decide('S-20261399-0007')).toEqual({ type: 'unknown', reason: 'bad_document' });
  });

  it('badges and unknown codes are not kinds a field may ask for', () => {
    expect(isFieldKind('badge')).toBe(false);
    expect(isFieldKind('unknown')).toBe(false);
    expect(isFieldKind('serial')).toBe(true);
    expect(isFieldKind('sale-receipt')).toBe(true);
  });
});
