/**
 * The customer by phone: looked up (debounced) once the number is long enough; an existing
 * customer's name is filled in, stays editable, and is replaced by the next lookup only while the
 * clerk has not changed it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { useApi } from '../../app/api-context';
import type { IntakeState } from './intake-state';

export type FoundCustomer = MethodOutput<'repairs.findCustomer'> & { phone: string };

/** Digits from which a phone number is looked up (landlines have 7–8, mobiles 11). */
const LOOKUP_MIN_DIGITS = 7;
const LOOKUP_DEBOUNCE_MS = 250;

/** The lookup result for the phone as it is now (null while none matches the current number). */
export function useCustomerLookup(
  s: IntakeState,
  setS: (update: (prev: IntakeState) => IntakeState) => void,
): FoundCustomer | null {
  const api = useApi();
  const [found, setFound] = useState<FoundCustomer | null>(null);
  const latest = useRef(s);
  useLayoutEffect(() => {
    latest.current = s;
  });
  /** The name the lookup filled in last: replaced by the next lookup unless the clerk changed it. */
  const autoName = useRef<string | null>(null);

  const phone = s.phone;
  useEffect(() => {
    if (phone.length < LOOKUP_MIN_DIGITS) {
      setFound(null);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.call('repairs.findCustomer', { phone }).then((r) => {
        if (!live || !r.ok || latest.current.phone !== phone) return;
        setFound({ ...r.value, phone });
        const c = r.value.customer;
        const name = latest.current.name.trim();
        const untouched = name === '' || name === autoName.current;
        if (c && c.name && untouched) {
          autoName.current = c.name;
          setS((prev) => (prev.phone === phone ? { ...prev, name: c.name } : prev));
        } else if (!c && autoName.current !== null && name === autoName.current) {
          // Another number: the name filled in for the previous one is not this customer's.
          autoName.current = null;
          setS((prev) => (prev.phone === phone ? { ...prev, name: '' } : prev));
        }
      });
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, phone, setS]);
  return found && found.phone === s.phone ? found : null;
}
