/**
 * The device base (core/services/devices/device-base.ts) through the three kinds built on it, on
 * simulated devices over real in-memory cables: the status sequence each reports (start, unplug,
 * replug, stop), printers reporting changes only, and stop() closing the simulator's end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  deviceConfigSchema,
  type DeviceConfig,
  type DeviceStatus,
} from '../../../shared/contract/methods/devices';
import { MeterDevice } from '../../../core/services/devices/meter-device';
import { PrinterDevice } from '../../../core/services/devices/printer-device';
import type { RunningDevice } from '../../../core/services/devices/running-device';
import { ScannerDevice } from '../../../core/services/devices/scanner-device';
import type { StoredDevice } from '../../../core/services/devices/device-repo';
import { waitFor } from '../../helpers/wait-for';

const running: RunningDevice[] = [];
afterEach(async () => {
  for (const d of running.splice(0)) await d.stop();
});

/** A simulated device row of this kind, driver and options. */
function stored(
  id: number,
  config: Pick<DeviceConfig, 'kind' | 'role' | 'driver' | 'options'>,
): StoredDevice {
  const full = { ...config, name: 'sim', enabled: true, transport: { type: 'simulated' } };
  return { id, createdAt: 0, updatedAt: 0, config: deviceConfigSchema.parse(full) };
}

function recorder(): { seen: string[]; hooks: { now: () => number; onStatus: (s: DeviceStatus) => void } } {
  const seen: string[] = [];
  return { seen, hooks: { now: () => 1_000, onStatus: (s) => seen.push(`${s.state} ${s.messageKey}`) } };
}

describe('device base', () => {
  it('a serial scanner: stopped → connected → disconnected (unplug) → connected (replug) → stopped', async () => {
    const { seen, hooks } = recorder();
    const d = new ScannerDevice(
      stored(1, {
        kind: 'scanner',
        role: 'counter-scanner',
        driver: 'serial-scanner',
        options: { pollMs: 100 },
      }),
      { ...hooks, onScan: () => undefined },
    );
    running.push(d);
    expect(d.status.state).toBe('stopped');
    expect(d.label).toBe('simulated:serial-scanner-1');
    expect(d.simulatedCable).toBeUndefined();
    await d.start();
    await waitFor(() => d.status.state === 'connected', 'connected');
    d.simulatedCable?.unplug();
    await waitFor(() => d.status.state === 'disconnected', 'disconnected');
    await d.simulatedCable?.plug();
    await waitFor(() => seen.filter((s) => s.startsWith('connected')).length === 2, 'reconnected');
    await d.stop();
    expect(seen).toEqual([
      'connected scanner.status.connected',
      'disconnected scanner.status.disconnected',
      'connected scanner.status.connected',
      'stopped scanner.status.stopped',
      'stopped scanner.status.stopped',
    ]);
    expect(d.status).toMatchObject({ state: 'stopped', messageKey: 'scanner.status.stopped', at: 1_000 });
  });

  it('a meter reports every driver status and ends on its own stopped key', async () => {
    const { seen, hooks } = recorder();
    const d = new MeterDevice(
      stored(2, {
        kind: 'meter',
        role: 'bench-1-meter',
        driver: 'ut61e',
        options: { simIntervalMs: 20 },
      }),
      { ...hooks, onReading: () => undefined },
    );
    running.push(d);
    await d.start();
    expect(d.status.state).toBe('connected');
    d.simulatedCable?.unplug();
    expect(d.status.state).toBe('disconnected');
    await d.stop();
    expect(seen[0]).toBe('connected meter.status.connected');
    expect(seen[1]).toMatch(/^disconnected /);
    expect(seen.at(-1)).toBe('stopped meter.status.closed');
  });

  it('a printer reports a status only when its state or message changes', async () => {
    const { seen, hooks } = recorder();
    const d = new PrinterDevice(
      stored(3, {
        kind: 'printer',
        role: 'receipt-printer',
        driver: 'escpos',
        options: { statusPollMs: 0 },
      }),
      { ...hooks, paperWidth: () => 80 },
    );
    running.push(d);
    await d.start();
    await waitFor(() => d.status.state === 'connected', 'connected');
    await d.checkStatus();
    await d.checkStatus();
    expect(seen).toEqual(['connected printer.status.ready']);
    d.simulatedCable?.unplug();
    expect(d.status.state).toBe('disconnected');
    await d.stop();
    expect(seen).toEqual([
      'connected printer.status.ready',
      'disconnected printer.status.unreachable',
      'stopped devices.state.stopped',
    ]);
  });
});
