/**
 * The meter link: which run each meter source (a device role such as `bench-2-meter`, or
 * `device:<id>`) feeds, and the subscription that feeds the bench from the device manager's
 * `meter.reading` and `device.status` events.
 */
import type { DbClient } from '../../../db/client';
import { meterIdOfRole } from '../../../db/repositories/bench/readings';
import type { EventPayload } from '../../../shared/contract';
import type { EventBus } from '../../events/event-bus';
import type { BenchService } from './bench-service';
import type { MeterLinkState, Session } from './bench-session';

/** The configured meter behind a source (`device:<id>` or a device role), for the reading log. */
export function meterDeviceIdOf(db: DbClient, source: string): number | null {
  const m = /^device:(\d+)$/.exec(source);
  if (m) return Number(m[1]);
  return meterIdOfRole(db, source);
}

/** Source → job id of the run it feeds. */
export class MeterLinks {
  private readonly bySource = new Map<string, string>();

  /** The job fed by a source, or undefined. */
  jobOf(source: string): string | undefined {
    return this.bySource.get(source);
  }

  /** True when a run is bound to this source. */
  isBound(source: string): boolean {
    return this.bySource.has(source);
  }

  /** Binds a source to a session (taking it from the run it fed before). */
  bind(
    s: Session,
    source: string,
    deviceId: number | null,
    sessionOf: (jobId: string) => Session | undefined,
  ) {
    const previous = this.bySource.get(source);
    if (previous && previous !== s.jobId) {
      const other = sessionOf(previous);
      if (other) {
        other.meterSource = null;
        other.meterState = 'unknown';
      }
    }
    if (s.meterSource && s.meterSource !== source) this.bySource.delete(s.meterSource);
    this.bySource.set(source, s.jobId);
    s.meterSource = source;
    s.meterDeviceId = deviceId;
    s.meterState = 'unknown';
  }

  /** Unbinds a source; returns the job it fed. */
  unbind(source: string): string | undefined {
    const jobId = this.bySource.get(source);
    this.bySource.delete(source);
    return jobId;
  }
}

/** Device manager states (device.status) as the bench's meter link states. */
const LINK_OF_DEVICE_STATE: Record<string, MeterLinkState> = {
  connected: 'connected',
  disconnected: 'disconnected',
  error: 'no-response',
  stopped: 'closed',
  connecting: 'unknown',
};

/**
 * Feeds `bench` from the device manager's `meter.reading` and `device.status` events: a run bound to a
 * meter's role (e.g. `bench-2-meter`) or to `device:<id>` is fed by that meter. The one bench service of
 * a core is `core.services.bench` (core/core-services.ts), which calls this once.
 */
export function subscribeBenchToMeters(events: EventBus, bench: BenchService): void {
  events.subscribe((name, payload) => {
    if (name === 'meter.reading') {
      const p = payload as EventPayload<'meter.reading'>;
      for (const source of [p.role, `device:${p.deviceId}`]) {
        if (bench.isBound(source)) bench.feedReading(source, p.reading);
      }
    } else if (name === 'device.status') {
      const p = payload as EventPayload<'device.status'>;
      if (p.kind !== 'meter') return;
      const state = LINK_OF_DEVICE_STATE[p.state] ?? 'unknown';
      bench.meterStatus(p.role, state);
      bench.meterStatus(`device:${p.deviceId}`, state);
    }
  });
}
