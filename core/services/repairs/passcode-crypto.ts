/**
 * Device passcodes, when a customer must leave one: AES-256-GCM with a per-store key kept in the
 * data directory (keys/repair-passcodes-<store>.key, 32 random bytes, mode 0600), never in the
 * database, so a copied database file reveals nothing. The job id is the additional authenticated
 * data: a ciphertext moved to another job does not decrypt. Stored text: `v1.<iv>.<tag>.<data>`
 * (base64url). The plaintext never touches the database; the ciphertext is wiped at pickup.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';

const KEY_BYTES = 32;
const IV_BYTES = 12;

/** Where the store's passcode key lives. */
export function passcodeKeyPath(dataDir: string, storeId: number): string {
  return join(dataDir, 'keys', `repair-passcodes-${storeId}.key`);
}

const keyCache = new Map<string, Buffer>();

/** The store's key, created on first use (0600). Throws REPAIR_PASSCODE_KEY_UNAVAILABLE when unreadable. */
export function passcodeKey(dataDir: string, storeId: number): Buffer {
  const path = passcodeKeyPath(dataDir, storeId);
  const cached = keyCache.get(path);
  if (cached) return cached;
  try {
    if (!existsSync(path)) {
      mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
      try {
        chmodSync(path, 0o600);
      } catch {
        // Windows: ACLs of the user profile protect the data directory instead.
      }
    }
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) throw new Error(`key file has ${key.length} bytes`);
    keyCache.set(path, key);
    return key;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('REPAIR_PASSCODE_KEY_UNAVAILABLE', { path, cause: String(e) });
  }
}

/** Encrypts a passcode for one job. */
export function encryptPasscode(key: Buffer, jobId: string, passcode: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(jobId, 'utf8'));
  const data = Buffer.concat([cipher.update(passcode, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ['v1', iv, tag, data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts a stored passcode; null when the text is damaged, from another job, or another key. */
export function decryptPasscode(key: Buffer, jobId: string, stored: string): string | null {
  const parts = stored.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  try {
    const [iv, tag, data] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [
      Buffer,
      Buffer,
      Buffer,
    ];
    if (iv.length !== IV_BYTES || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(jobId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
