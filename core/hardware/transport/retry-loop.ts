/**
 * The one retry loop of the hardware layer: calls `attempt` after a wait, again after each
 * failure, until an attempt succeeds or the loop is cancelled. One attempt at a time; an attempt
 * that throws counts as a failure. The wait is fixed (`number`, ms) or grows by `factor` after
 * each failure up to `maxMs`, starting again from `initialMs` at each schedule().
 */
export interface RetrySchedule {
  initialMs: number;
  /** Multiplies the wait after each failed attempt (default 1: a fixed interval). */
  factor?: number;
  /** The longest wait (default: no limit). */
  maxMs?: number;
}

export interface RetryLoop {
  /** Starts trying (no-op while already trying). */
  schedule(): void;
  /** Stops trying; an attempt in flight finishes but is not followed by another. */
  cancel(): void;
  /** True from schedule() until an attempt succeeds or cancel(). */
  readonly active: boolean;
  /** Attempts made since creation. */
  readonly attempts: number;
}

/** The wait before the attempt that follows `failures` failed ones. */
export function retryDelayMs(schedule: number | RetrySchedule, failures: number): number {
  if (typeof schedule === 'number') return schedule;
  const ms = schedule.initialMs * (schedule.factor ?? 1) ** failures;
  return Math.min(ms, schedule.maxMs ?? Number.POSITIVE_INFINITY);
}

/** Creates a loop calling `attempt` until it resolves true (see RetrySchedule for the waits). */
export function createRetryLoop(
  attempt: () => Promise<boolean>,
  schedule: number | RetrySchedule,
): RetryLoop {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let active = false;
  let inFlight = false;
  /** Bumped by schedule(): a success from before it does not end the newer request. */
  let epoch = 0;
  let failures = 0;
  let attempts = 0;

  const arm = (): void => {
    timer = setTimeout(run, retryDelayMs(schedule, failures));
  };

  const run = (): void => {
    timer = null;
    inFlight = true;
    attempts += 1;
    const mine = epoch;
    attempt()
      .catch(() => false)
      .then((ok) => {
        inFlight = false;
        if (!active) return;
        if (ok && mine === epoch) {
          active = false;
          return;
        }
        if (!ok) failures += 1;
        arm();
      });
  };

  return {
    schedule() {
      if (active) return;
      active = true;
      epoch += 1;
      failures = 0;
      if (!inFlight && !timer) arm();
    },
    cancel() {
      active = false;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get active() {
      return active;
    },
    get attempts() {
      return attempts;
    },
  };
}
