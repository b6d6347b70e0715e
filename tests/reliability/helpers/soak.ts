/**
 * Counts of the reliability tests: the CI default, or a longer soak run. `COUNTERDESK_SOAK=N`
 * multiplies every count by N; a test's own variable (e.g. COUNTERDESK_SOAK_KILLS=500) sets its
 * count outright. See docs/RELIABILITY.md.
 */

/** The count for `envName`: its value, else `ciDefault` × COUNTERDESK_SOAK (default 1). */
export function soakCount(envName: string, ciDefault: number): number {
  const own = Number(process.env[envName]);
  if (Number.isInteger(own) && own > 0) return own;
  const factor = Number(process.env.COUNTERDESK_SOAK);
  return Number.isFinite(factor) && factor > 0 ? Math.max(1, Math.round(ciDefault * factor)) : ciDefault;
}
