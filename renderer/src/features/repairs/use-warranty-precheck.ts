/**
 * The warranty precheck of the device being taken in (`repairs.precheck`: sale, 三包 / manufacturer /
 * store, repeat repairs, promised day); a covered device gets a zero estimate and the promised day.
 */
import { useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import type { IntakeState } from './intake-state';

export type Precheck = MethodOutput<'repairs.precheck'>;

export interface WarrantyPrecheck {
  pre: Precheck | null;
  /** Forgets the last answer (the category or fault changed). */
  clear: () => void;
  /** Checks the device as entered, or with `serialText` (a scan that just landed). */
  run: (serialText?: string) => Promise<void>;
}

export function useWarrantyPrecheck(
  s: IntakeState,
  set: (patch: Partial<IntakeState>) => void,
  setError: (e: AppErrorValue | null) => void,
): WarrantyPrecheck {
  const api = useApi();
  const [pre, setPre] = useState<Precheck | null>(null);
  const run = async (serialText: string = s.serial) => {
    setError(null);
    const serial = serialText.trim();
    const r = await api.call('repairs.precheck', {
      categoryCode: s.categoryCode,
      faultCode: s.faultCode,
      ...(serial.length >= 4 ? { serial } : {}),
      ...(s.receiptNo.trim() ? { receiptNo: s.receiptNo.trim() } : {}),
    });
    if (!r.ok) return setError(r.error);
    setPre(r.value);
    set({ promisedDay: r.value.promisedDay, ...(r.value.warranty.kind !== 'none' ? { estimate: '0' } : {}) });
  };
  return { pre, clear: () => setPre(null), run };
}
