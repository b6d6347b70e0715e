import type { ScanEvent, ScannerState, ScannerStatus } from '../../../core/hardware/scanners/scanner-events';

/** Collects a driver's scans and statuses and lets a test wait for a condition instead of sleeping. */
export class DriverRecorder {
  readonly scans: ScanEvent[] = [];
  readonly statuses: ScannerStatus[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  readonly onScan = (e: ScanEvent): void => {
    this.scans.push(e);
    this.wake();
  };

  readonly onStatus = (s: ScannerStatus): void => {
    this.statuses.push(s);
    this.wake();
  };

  /** The states seen so far, in order. */
  get states(): ScannerState[] {
    return this.statuses.map((s) => s.state);
  }

  /** Resolves once `check()` holds (checked now and after every scan or status), or rejects after `ms`. */
  until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Waits until the n-th status (1-based count of that state) with `state` has arrived. */
  untilState(state: ScannerState, count = 1): Promise<void> {
    return this.until(() => this.states.filter((s) => s === state).length >= count, 5000, `status ${state}`);
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }
}
