/** Idempotency keys for return attempts: random, generated once per attempt in the browser. */

/** A fresh key such as `ret-5f0c…` (128 random bits; works without a secure context). */
export function newAttemptKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `ret-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
