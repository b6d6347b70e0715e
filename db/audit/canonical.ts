/** Canonical JSON (sorted keys, no whitespace) so a row hashes the same on every run. */

/**
 * A part of a value whose canonical JSON was computed earlier (`canonicalFragment(value)`):
 * `canonicalJson` emits it as is, so a caller can serialise what it knows before a transaction
 * and only the rest inside it. The text is exactly `canonicalJson(value)` of the original value.
 */
export class CanonicalFragment {
  private constructor(readonly json: string) {}

  /** The fragment of `value` (its canonical JSON, computed now). */
  static of(value: unknown): CanonicalFragment {
    return new CanonicalFragment(canonicalJson(value));
  }
}

export function canonicalJson(value: unknown): string {
  if (value instanceof CanonicalFragment) return value.json;
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}
