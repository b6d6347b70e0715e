/**
 * Retries opening a port at a fixed interval until an attempt succeeds or the loop is
 * cancelled. One attempt at a time; a failing attempt is simply tried again later.
 */
export interface ReconnectLoop {
  /** Starts trying (no-op if already trying). */
  schedule(): void;
  /** Stops trying. */
  cancel(): void;
  /** True while waiting for or running an attempt. */
  readonly active: boolean;
  /** Attempts made since creation. */
  readonly attempts: number;
}

/** Creates a loop calling `attempt` every `intervalMs` until it resolves true. */
export function createReconnectLoop(attempt: () => Promise<boolean>, intervalMs: number): ReconnectLoop {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let cancelled = true;
  let attempts = 0;

  const arm = (): void => {
    timer = setTimeout(() => {
      timer = null;
      running = true;
      attempts += 1;
      attempt()
        .catch(() => false)
        .then((ok) => {
          running = false;
          if (!ok && !cancelled) arm();
          if (ok) cancelled = true;
        });
    }, intervalMs);
  };

  return {
    schedule() {
      if (!cancelled) return;
      cancelled = false;
      if (!running && !timer) arm();
    },
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get active() {
      return !cancelled;
    },
    get attempts() {
      return attempts;
    },
  };
}
