/** Exit codes fit for scripts (documented in docs/CLI.md). */
export const EXIT = {
  OK: 0,
  /** The operation was refused or failed; the typed error is printed. */
  FAILED: 1,
  /** Wrong command line. */
  USAGE: 2,
  /** Finished, but with problems to read: import rows rejected, audit chain broken. */
  PROBLEMS: 3,
} as const;
