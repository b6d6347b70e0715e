/**
 * The long-lived services of one composed core, built explicitly in compose.ts and reached by every
 * handler as `ctx.core.services` (no hidden per-core look-ups). Costly ones are created on first use.
 */
import type { CoreContext } from './context';
import { BenchService, subscribeBenchToMeters } from './services/bench/bench-service';
import type { BackupScheduler } from './services/backup/scheduler';
import { DeviceManager } from './services/devices/device-manager';
import { offlineShowCopyPrintSender, type NotificationSender } from './services/repairs/notification-sender';
import { ReportRunner } from './services/reports/report-runner';

export interface CoreServices {
  /** The configured scanners, printers, meters and the print queue (not started until `start()`). */
  readonly devices: DeviceManager;
  /** Bench runs fed by the meters (created on first use). */
  readonly bench: BenchService;
  /** Reports on a worker thread with its own read-only connection (created on first use). */
  readonly reports: ReportRunner;
  /** How customer messages leave the store: the offline show/copy/print adapter unless a gateway is set. */
  notificationSender: NotificationSender;
  /** Scheduled backups, when a host (web host, Electron) started them; null for the CLI and tests. */
  backups: BackupScheduler | null;
  /** Stops what was started (report worker, devices). */
  close(): void;
}

/** The services of the core whose context `ctxOf()` returns once compose has built it. */
export function createServices(ctxOf: () => CoreContext): CoreServices {
  let devices: DeviceManager | undefined;
  let bench: BenchService | undefined;
  let reports: ReportRunner | undefined;
  return {
    get devices() {
      const ctx = ctxOf();
      devices ??= new DeviceManager({
        db: ctx.db,
        storeId: ctx.storeId,
        now: () => ctx.now(),
        events: ctx.events,
      });
      return devices;
    },
    get bench() {
      if (!bench) {
        const ctx = ctxOf();
        bench = new BenchService(ctx);
        subscribeBenchToMeters(ctx.events, bench);
      }
      return bench;
    },
    get reports() {
      reports ??= new ReportRunner(ctxOf());
      return reports;
    },
    notificationSender: offlineShowCopyPrintSender,
    backups: null,
    close() {
      reports?.close();
      reports = undefined;
      devices?.halt();
    },
  };
}
