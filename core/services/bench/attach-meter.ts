/**
 * Joins a meter driver (core/hardware/meters: SCPI or UT61E) to the bench: its readings feed the
 * run bound to `source`, its status changes reach the run (a disconnect resets the capture and
 * keeps the step). The device manager can use this, or call `feedReading`/`meterStatus` from its
 * own `meter.reading` events — the bench does not care where readings come from.
 */
import type { MeterDriver } from '../../hardware/meters/meter-driver';
import type { BenchService } from './bench-service';

/** Wires a driver to the bench under a source id; returns the function that unwires it. */
export function attachMeterToBench(
  bench: BenchService,
  driver: MeterDriver,
  source: string = driver.id,
): () => void {
  const offReading = driver.onReading((reading) => {
    try {
      bench.feedReading(source, reading);
    } catch {
      // a job that moved on (e.g. to QC) refuses readings; the stream itself must keep going
    }
  });
  const offStatus = driver.onStatus((status) => bench.meterStatus(source, status.state));
  bench.meterStatus(source, driver.status.state);
  return () => {
    offReading();
    offStatus();
  };
}
