/** Client-side checks of what the clerk typed, with the contract's own schemas (shared/contract). */
import { pin, staffCode } from '../../../../shared/contract/schemas';

/** Keeps only what a staff code may contain, upper-cased, at most 12 characters. */
export function cleanCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 12);
}

/** Keeps only digits, at most 8. */
export function cleanPin(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 8);
}

/** The i18n key of the first problem, or null when code and PIN may be sent. */
export function credentialProblem(code: string, pinValue: string): 'codeInvalid' | 'pinInvalid' | null {
  if (!staffCode.safeParse(code).success) return 'codeInvalid';
  if (!pin.safeParse(pinValue).success) return 'pinInvalid';
  return null;
}
