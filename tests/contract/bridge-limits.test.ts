/**
 * The bridge's frame cap (MAX_MESSAGE_BYTES) against the biggest legitimate call: a repair intake
 * with every photo and the signature at their maximum size and every text field full of 3-byte
 * characters. If the contract grows (more photos, bigger images), this fails before a counter does.
 */
import { describe, expect, it } from 'vitest';
import { methods } from '../../shared/contract';
import { intakeInput, MAX_PHOTO_BYTES, MAX_SIGNATURE_BYTES } from '../../shared/contract/methods/repairs';
import { MAX_MESSAGE_BYTES, type BridgeRequest } from '../../shared/contract/wire';
import { ACCESSORY_CODES, CONDITION_ITEMS } from '../../shared/domain/repairs/categories';

const wide = (n: number) => '修'.repeat(n);
const dataUrl = (prefix: string, bytes: number) => prefix + 'A'.repeat(Math.ceil((bytes * 4) / 3));

function largestIntake(photos: number) {
  return {
    idempotencyKey: 'k'.repeat(100),
    customer: { name: wide(40), phone: '+' + '9'.repeat(15) },
    device: { categoryCode: wide(40), brand: wide(40), model: wide(60), serial: wide(40) },
    receiptNo: wide(64),
    fault: { code: wide(40), text: wide(500) },
    condition: Array.from({ length: 20 }, (_, i) => ({
      item: CONDITION_ITEMS[i % CONDITION_ITEMS.length],
      state: 'issue',
      note: wide(200),
    })),
    accessoriesLeft: Array.from({ length: 20 }, (_, i) => ACCESSORY_CODES[i % ACCESSORY_CODES.length]),
    accessoriesNote: wide(200),
    photos: Array.from({ length: photos }, () => ({
      dataUrl: dataUrl('data:image/jpeg;base64,', MAX_PHOTO_BYTES),
      caption: wide(100),
    })),
    passcode: { policy: 'stored_encrypted', passcode: wide(64) },
    estimateMinor: 9_000_000_000_000,
    deposit: { amountMinor: 9_000_000_000_000, tender: 'cash' },
    promisedDay: '2026-12-31',
    signature: dataUrl('data:image/png;base64,', MAX_SIGNATURE_BYTES),
    termsAccepted: true,
    voidWarranty: { reason: wide(200) },
    note: wide(500),
    assign: Number.MAX_SAFE_INTEGER,
  };
}

describe('bridge frame cap', () => {
  it('the largest valid repair intake fits in one bridge frame', () => {
    const input = largestIntake(6);
    const parsed = intakeInput.safeParse(input);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(methods['repairs.intake'].input).toBe(intakeInput);
    const frame = JSON.stringify({
      id: 2 ** 53 - 1,
      method: 'repairs.intake',
      input,
    } satisfies BridgeRequest);
    const bytes = Buffer.byteLength(frame);
    expect(bytes).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    // …and the cap is not far above it: a frame much bigger than any valid call is refused.
    expect(MAX_MESSAGE_BYTES - bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('an intake cannot carry more photos than the cap was sized for', () => {
    expect(intakeInput.safeParse(largestIntake(7)).success).toBe(false);
  });
});
