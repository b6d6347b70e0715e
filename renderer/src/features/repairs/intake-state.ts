/** The intake form's state and its translation into the `repairs.intake` input (the core validates it again). */
import type { Tender } from '../../../../shared/domain/money/tenders';
import { parseMoney } from '../../../../shared/domain/money/parse';
import {
  repairCategory,
  type ConditionItem,
  type ConditionState,
} from '../../../../shared/domain/repairs/categories';

export interface IntakeState {
  phone: string;
  name: string;
  categoryCode: string;
  brand: string;
  model: string;
  serial: string;
  receiptNo: string;
  faultCode: string;
  faultText: string;
  condition: Partial<Record<ConditionItem, ConditionState>>;
  accessories: string[];
  photos: string[];
  passcodePolicy: 'customer_removed' | 'stored_encrypted' | 'none';
  passcode: string;
  estimate: string;
  deposit: string;
  depositTender: Tender;
  promisedDay: string;
  assign: 'none' | 'auto';
  note: string;
  signature: string | null;
  terms: boolean;
}

/** A fresh form for a category (every checklist item starts "ok"). */
export function emptyIntake(categoryCode = 'laptop'): IntakeState {
  const cat = repairCategory(categoryCode);
  return {
    phone: '',
    name: '',
    categoryCode,
    brand: '',
    model: '',
    serial: '',
    receiptNo: '',
    faultCode: cat.faults[0] ?? 'other',
    faultText: '',
    condition: Object.fromEntries(cat.checklist.map((i) => [i, 'ok'])),
    accessories: [],
    photos: [],
    passcodePolicy: cat.hasPasscode ? 'customer_removed' : 'none',
    passcode: '',
    estimate: '0',
    deposit: '',
    depositTender: 'cash',
    promisedDay: '',
    assign: 'auto',
    note: '',
    signature: null,
    terms: false,
  };
}

/** Money typed in yuan → fen (0 for empty; NaN-free: invalid text becomes -1 so the core refuses it). */
function fen(text: string): number {
  if (text.trim() === '') return 0;
  const r = parseMoney(text);
  return r.ok ? r.minor : -1;
}

/** The contract input for `repairs.intake`. */
export function intakeInput(s: IntakeState, idempotencyKey: string): Record<string, unknown> {
  const deposit = fen(s.deposit);
  return {
    idempotencyKey,
    customer: s.phone.trim() ? { name: s.name.trim() || s.phone.trim(), phone: s.phone.trim() } : null,
    device: {
      categoryCode: s.categoryCode,
      brand: s.brand.trim(),
      model: s.model.trim(),
      serial: s.serial.trim() || null,
    },
    ...(s.receiptNo.trim() ? { receiptNo: s.receiptNo.trim() } : {}),
    fault: { code: s.faultCode, text: s.faultText.trim() },
    condition: Object.entries(s.condition).map(([item, state]) => ({ item, state, note: '' })),
    accessoriesLeft: s.accessories,
    accessoriesNote: '',
    photos: s.photos.map((dataUrl) => ({ dataUrl, caption: '' })),
    passcode:
      s.passcodePolicy === 'stored_encrypted'
        ? { policy: 'stored_encrypted', passcode: s.passcode }
        : { policy: s.passcodePolicy },
    estimateMinor: fen(s.estimate),
    deposit: deposit > 0 ? { amountMinor: deposit, tender: s.depositTender } : null,
    ...(s.promisedDay ? { promisedDay: s.promisedDay } : {}),
    signature: s.signature ?? '',
    termsAccepted: s.terms,
    voidWarranty: null,
    note: s.note.trim(),
    assign: s.assign === 'auto' ? 'auto' : null,
  };
}
