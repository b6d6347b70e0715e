/**
 * UNI-T UT61E driver: opens the port as the meter's optical cable needs it — 19200 baud,
 * 7 data bits, odd parity, 1 stop bit, DTR on (powers the cable), RTS off — and streams the
 * meter's readings. A meter that stops sending (switched off, cable off the meter) shows as
 * `no-response`; an unplugged adapter shows as `disconnected` and is reopened when it comes
 * back.
 */
import { AppError } from '../../../shared/contract/errors';
import { createSerialTransport, type SerialSettings } from '../transport/serial-transport';
import type { ByteTransport } from '../transport/types';
import { MeterDriverBase, type MeterDriverBaseOptions } from './meter-driver-base';
import { createUt61eParser, type Ut61eParserStats } from './ut61e-parser';

/** The UT61E's serial settings (ES51922 at 19200 7O1; the optocoupler cable wants DTR on, RTS off). */
export const UT61E_SERIAL_SETTINGS = {
  baudRate: 19200,
  dataBits: 7,
  parity: 'odd',
  stopBits: 1,
  dtr: true,
  rts: false,
} as const satisfies Omit<SerialSettings, 'path'>;

/** A serial transport for a UT61E on `path`, with the meter's settings. */
export function createUt61eSerialTransport(path: string): ByteTransport {
  return createSerialTransport({ path, ...UT61E_SERIAL_SETTINGS });
}

export interface Ut61eDriverOptions extends MeterDriverBaseOptions {
  /** Serial port path; ignored when `transport` is given. */
  path?: string;
  /** Any transport (memory pair in demo mode); default: a serial transport on `path`. */
  transport?: ByteTransport;
  /** No packet for this long → `no-response` (default 3000 ms; the meter sends ~2 per second). */
  silenceMs?: number;
}

function transportOf(options: Ut61eDriverOptions): ByteTransport {
  if (options.transport) return options.transport;
  if (!options.path) throw new TypeError('Ut61eDriver needs a path or a transport');
  return createUt61eSerialTransport(options.path);
}

export class Ut61eDriver extends MeterDriverBase {
  private readonly parser = createUt61eParser();
  private readonly silenceMs: number;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: Ut61eDriverOptions) {
    super(transportOf(options), options);
    this.silenceMs = options.silenceMs ?? 3000;
  }

  /** Parser counters (readings, garbage frames, skipped bytes) and reopen count. */
  get stats(): Readonly<Ut61eParserStats & { reconnects: number }> {
    return { ...this.parser.stats, reconnects: this.link.reopens };
  }

  protected handleData(chunk: Uint8Array): void {
    if (this.stopped) return;
    const readings = this.parser.push(chunk, this.now());
    if (readings.length === 0) return;
    this.armSilence();
    if (this.status.state !== 'connected') this.setStatus('connected');
    for (const r of readings) {
      this.readings.emit({
        ...r,
        instrument: { driver: 'ut61e', port: this.id, manufacturer: 'UNI-T', model: 'UT61E' },
      });
    }
  }

  protected forget(): void {
    this.clearSilence();
    this.parser.reset();
  }

  /** Opened or back after an unplug: fresh parser, connected, watching for silence. */
  protected opened(): void {
    this.parser.reset();
    this.setStatus('connected');
    this.armSilence();
  }

  protected reopened(): void {
    this.opened();
  }

  protected stopping(): void {
    this.clearSilence();
  }

  private armSilence(): void {
    this.clearSilence();
    this.silenceTimer = setTimeout(() => {
      this.silenceTimer = null;
      if (this.stopped || !this.transport.isOpen) return;
      this.setStatus(
        'no-response',
        new AppError('METER_NO_DATA', { port: this.id, silenceMs: this.silenceMs }).toValue(),
      );
    }, this.silenceMs);
  }

  private clearSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }
}

/** Creates a UT61E driver (on a serial path, or on a given transport). */
export function createUt61eDriver(options: Ut61eDriverOptions): Ut61eDriver {
  return new Ut61eDriver(options);
}
