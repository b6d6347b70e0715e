/**
 * PINs and badge secrets are stored as hashes; comparison is constant-time.
 *
 * A PIN has at most 10⁸ values, so scrypt alone does not protect a stolen database for long. The
 * PIN is therefore peppered: HMAC-SHA256(pepper, pin) goes into scrypt, and the pepper is 32 random
 * bytes kept outside the database in `<data dir>/keys/pin-pepper.key` (0600, created at first use,
 * like the repair passcode key). A copied database file alone cannot check a single guess.
 *
 * Stored formats (the first field is the version):
 * - `scrypt-p1$N$r$p$salt$hash` — peppered (current);
 * - `scrypt$N$r$p$salt$hash` — unpeppered (before issue #13); still verified, and replaced by a
 *   peppered hash on the next successful sign-in (`needsUpgrade`).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;
const PEPPER_BYTES = 32;
export const PEPPERED = 'scrypt-p1';
const LEGACY = 'scrypt';

/** Where the PIN pepper lives. */
export function pinPepperPath(dataDir: string): string {
  return join(dataDir, 'keys', 'pin-pepper.key');
}

const pepperCache = new Map<string, Buffer>();

/** The data directory's PIN pepper, created on first use (0600). Throws AUTH_PEPPER_UNAVAILABLE. */
export function pinPepper(dataDir: string): Buffer {
  const path = pinPepperPath(dataDir);
  const cached = pepperCache.get(path);
  if (cached && existsSync(path)) return cached;
  try {
    if (!existsSync(path)) {
      mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(PEPPER_BYTES), { mode: 0o600, flag: 'wx' });
      try {
        chmodSync(path, 0o600);
      } catch {
        // Windows: ACLs of the user profile protect the data directory instead.
      }
    }
    const key = readFileSync(path);
    if (key.length !== PEPPER_BYTES) throw new Error(`key file has ${key.length} bytes`);
    pepperCache.set(path, key);
    return key;
  } catch (e) {
    throw new AppError('AUTH_PEPPER_UNAVAILABLE', { path, cause: String(e) });
  }
}

const peppered = (pepper: Buffer, pin: string) => createHmac('sha256', pepper).update(pin, 'utf8').digest();

export function hashPin(pin: string, pepper: Buffer): string {
  const salt = randomBytes(16);
  const hash = scryptSync(peppered(pepper, pin), salt, KEYLEN, { N, r: R, p: P });
  return `${PEPPERED}$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** True when the stored hash is of an older format and should be replaced after a good sign-in. */
export function needsUpgrade(stored: string): boolean {
  return !stored.startsWith(`${PEPPERED}$`);
}

export function verifyPin(pin: string, stored: string, pepper: Buffer): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || (parts[0] !== PEPPERED && parts[0] !== LEGACY)) return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (!n || !r || !p || expected.length !== KEYLEN) return false;
  const input = parts[0] === PEPPERED ? peppered(pepper, pin) : pin;
  const actual = scryptSync(input, salt, KEYLEN, { N: n, r, p, maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** Badges are long random secrets, so a fast unsalted digest is enough and allows lookup by hash. */
export function hashBadge(badge: string): string {
  return createHash('sha256').update(`counterdesk-badge:${badge.trim().toUpperCase()}`).digest('hex');
}
