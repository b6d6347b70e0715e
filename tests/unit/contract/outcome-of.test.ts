/**
 * `outcomeOf` over every error code there is (every `errors.<CODE>` message, which a locale test
 * keeps complete for every code thrown anywhere, plus the ones transports make up): only a failure
 * around or after the handler's commit is `unknown`; every typed refusal recorded nothing.
 */
import { describe, expect, it } from 'vitest';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { outcomeOf, TRANSPORT_ERROR_CODES } from '../../../shared/contract/wire';
import { resources } from '../../../shared/i18n';

const err = (code: string): AppErrorValue => ({ code, messageKey: `errors.${code}`, details: {} });

const UNKNOWN = ['BRIDGE_DISCONNECTED', 'BAD_MESSAGE', 'INTERNAL', 'DB_IO_ERROR'];

/** Every error code with a message (UPPER_SNAKE keys of `errors`, context variants left out). */
function everyCode(): string[] {
  const errors = resources['en-US'].errors;
  if (typeof errors !== 'object') throw new Error('no errors messages');
  return Object.keys(errors).filter((k) => /^[A-Z][A-Z0-9_]*$/.test(k));
}

describe('outcomeOf', () => {
  it('says "unknown — check before retrying" when the link or core failed around the call', () => {
    for (const code of UNKNOWN) expect(outcomeOf(err(code)), code).toBe('unknown');
  });

  it("treats Electron's INTERNAL and the dispatcher's INTERNAL (output check after the commit) alike", () => {
    expect(outcomeOf(err('INTERNAL'))).toBe('unknown');
    expect(outcomeOf({ ...err('INTERNAL'), details: { method: 'returns.commit' } })).toBe('unknown');
    expect(outcomeOf({ ...err('INTERNAL'), details: { method: 'x', transport: 'electron' } })).toBe(
      'unknown',
    );
  });

  it('says "refused — nothing recorded" for refusals before the handler runs or before sending', () => {
    for (const code of ['UNKNOWN_METHOD', 'INVALID_INPUT', 'SIGNED_OUT', 'FORBIDDEN'])
      expect(outcomeOf(err(code)), code).toBe('refused');
    for (const code of ['FORBIDDEN_SENDER', 'BRIDGE_NO_TOKEN'])
      expect(outcomeOf(err(code)), code).toBe('refused');
  });

  it('classifies every transport code, and every code with a message, as exactly one of the two', () => {
    const codes = new Set([...everyCode(), ...TRANSPORT_ERROR_CODES]);
    expect(codes.size).toBeGreaterThan(100);
    for (const code of UNKNOWN) expect(codes.has(code), `${code} has a message`).toBe(true);
    for (const code of codes)
      expect(outcomeOf(err(code)), code).toBe(UNKNOWN.includes(code) ? 'unknown' : 'refused');
  });

  it('calls a service refusal refused: its transaction rolled back', () => {
    for (const code of [
      'RETURN_SERIAL_MISMATCH',
      'IDEMPOTENCY_KEY_REUSED',
      'OVERRIDE_EXPIRED',
      'DB_DISK_FULL',
    ])
      expect(outcomeOf(err(code)), code).toBe('refused');
  });
});
