/**
 * What every meter driver (SCPI, UT61E) offers the bench: a stream of readings and a
 * connection status that the Devices screen and the test step can show.
 */
import type { AppErrorValue } from '../../../shared/contract/errors';
import type { Reading } from '../../../shared/domain/meter/reading';

/**
 * closed: not started or stopped on purpose · connected: talking · no-response: the port is
 * open but the meter does not answer/send · disconnected: the port went away (unplug); the
 * driver keeps trying to reopen it.
 */
export type MeterState = 'closed' | 'connected' | 'no-response' | 'disconnected';

export interface MeterStatus {
  state: MeterState;
  /** Why, for no-response and disconnected (METER_TIMEOUT, METER_NO_DATA, METER_DISCONNECTED). */
  error?: AppErrorValue;
  /** When the state was entered, UTC epoch ms. */
  at: number;
}

export interface MeterDriver {
  /** Transport id, e.g. `serial:/dev/ttyUSB0`. */
  readonly id: string;
  readonly status: MeterStatus;
  /** Opens the port and starts streaming readings; never rejects (failures show in status). */
  start(): Promise<void>;
  /** Stops streaming and reconnecting and closes the port. */
  stop(): Promise<void>;
  onReading(listener: (reading: Reading) => void): () => void;
  onStatus(listener: (status: MeterStatus) => void): () => void;
}
