/**
 * A configured bench multimeter: a SCPI meter (serial, LAN raw socket, or the SCPI simulator)
 * or a UNI-T UT61E (serial, or the UT61E simulator), both over real protocol bytes. Readings
 * stream while it is connected; unplugging shows as disconnected and the driver reconnects.
 * Simulated meters can be told what they measure (demo mode, tests).
 */
import { AppError } from '../../../shared/contract/errors';
import type { DeviceStatus } from '../../../shared/contract/methods/devices';
import type { MeterFunction, Reading } from '../../../shared/domain/meter/reading';
import type { MeterDriver } from '../../hardware/meters/meter-driver';
import { ScpiMeter } from '../../hardware/meters/scpi-driver';
import { createScpiMeterSimulator, type ScpiMeterSimulator } from '../../hardware/meters/scpi-meter-simulator';
import type { ScpiIdentity } from '../../hardware/meters/scpi-protocol';
import { Ut61eDriver } from '../../hardware/meters/ut61e-driver';
import { createUt61eSimulator, type Ut61eSimulator } from '../../hardware/meters/ut61e-simulator';
import {
  constantSource,
  noisySource,
  type SimValue,
  type ValueSource,
} from '../../hardware/meters/value-source';
import type { MemoryTransport } from '../../hardware/transport/memory-transport';
import type { StoredDevice } from './device-repo';
import { deviceStatus, fromMeterStatus } from './device-status';
import type { RunningDevice } from './running-device';
import { createDeviceTransport, createSimulatedLink, transportLabel } from './transport-factory';

export interface MeterDeviceHooks {
  now: () => number;
  onStatus: (status: DeviceStatus) => void;
  onReading: (reading: Reading) => void;
}

/** What a simulated meter should measure. */
export interface MeterSimulation {
  function: MeterFunction;
  value: number;
  noise?: number;
  overload?: boolean;
}

let seedCounter = 1;

/** The value source for a simulation: constant, seeded noise, or overload. */
export function simulationSource(sim: MeterSimulation): ValueSource {
  if (sim.overload) return constantSource('OL');
  if (sim.noise && sim.noise > 0) return noisySource(sim.value, sim.noise, seedCounter++);
  return constantSource(sim.value);
}

export class MeterDevice implements RunningDevice {
  readonly device: StoredDevice;
  readonly label: string;
  private readonly hooks: MeterDeviceHooks;
  private current: DeviceStatus;
  private driver: MeterDriver | undefined;
  private scpiSim: ScpiMeterSimulator | undefined;
  private ut61eSim: Ut61eSimulator | undefined;
  private simEnd: MemoryTransport | undefined;
  private driverEnd: MemoryTransport | undefined;
  private readonly waiters = new Set<(r: Reading) => void>();
  private stopped = true;

  constructor(device: StoredDevice, hooks: MeterDeviceHooks) {
    this.device = device;
    this.hooks = hooks;
    this.label = transportLabel(device.config.driver, device.config.transport, device.id);
    this.current = deviceStatus('stopped', 'meter.status.closed', hooks.now());
  }

  get status(): DeviceStatus {
    return this.current;
  }

  get simulated(): boolean {
    return this.device.config.transport.type === 'simulated';
  }

  get simulatedCable(): RunningDevice['simulatedCable'] {
    const driverEnd = this.driverEnd;
    const simEnd = this.simEnd;
    if (!driverEnd || !simEnd) return undefined;
    return {
      unplug: () => driverEnd.unplug(),
      plug: async () => {
        driverEnd.plug();
        await simEnd.open();
      },
    };
  }

  async start(): Promise<void> {
    this.stopped = false;
    const { config } = this.device;
    const o = config.options;
    let transport;
    if (config.transport.type === 'simulated') {
      const link = await createSimulatedLink(`${config.driver}-${this.device.id}`);
      this.driverEnd = link.driverEnd;
      this.simEnd = link.simEnd;
      transport = link.driverEnd;
      const initial: MeterSimulation = {
        function: o.simFunction ?? 'DCV',
        value: o.simValue ?? 0,
        ...(o.simNoise !== undefined ? { noise: o.simNoise } : {}),
      };
      if (config.driver === 'scpi') {
        this.scpiSim = createScpiMeterSimulator({
          transport: link.simEnd,
          source: simulationSource(initial),
          initialFunction: initial.function,
          now: this.hooks.now,
        });
        this.scpiSim.start();
      } else {
        this.ut61eSim = createUt61eSimulator({
          transport: link.simEnd,
          intervalMs: o.simIntervalMs ?? 500,
          initial: { function: initial.function, value: simulationSource(initial) },
          now: this.hooks.now,
        });
        this.ut61eSim.start();
      }
    } else {
      transport = createDeviceTransport(config.driver, config.transport);
    }
    const driver: MeterDriver =
      config.driver === 'scpi'
        ? new ScpiMeter({
            transport,
            now: this.hooks.now,
            ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
            ...(o.streamIntervalMs !== undefined ? { streamIntervalMs: o.streamIntervalMs } : {}),
          })
        : new Ut61eDriver({
            transport,
            now: this.hooks.now,
            ...(o.silenceMs !== undefined ? { silenceMs: o.silenceMs } : {}),
          });
    this.driver = driver;
    driver.onStatus((s) => this.report(fromMeterStatus(s)));
    driver.onReading((r) => {
      if (this.stopped) return;
      for (const w of [...this.waiters]) w(r);
      this.hooks.onReading(r);
    });
    await driver.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.ut61eSim?.stop();
    this.scpiSim?.stop();
    await this.driver?.stop();
    await this.simEnd?.close();
    this.report(deviceStatus('stopped', 'meter.status.closed', this.hooks.now()));
  }

  /**
   * One reading: SCPI meters are asked (*IDN? then READ?), a UT61E's next packet is awaited.
   * AppError METER_TIMEOUT / METER_NO_DATA / METER_DISCONNECTED when there is none.
   */
  async readOnce(timeoutMs = 3000): Promise<{ reading: Reading; identity?: ScpiIdentity }> {
    const driver = this.driver;
    if (!driver || this.stopped) throw new AppError('DEVICES_NOT_RUNNING', { deviceId: this.device.id });
    if (driver instanceof ScpiMeter) {
      const identity = await driver.identify();
      const reading = await driver.read();
      return { reading, identity };
    }
    const reading = await new Promise<Reading | null>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(done);
        resolve(null);
      }, timeoutMs);
      const done = (r: Reading): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(r);
      };
      this.waiters.add(done);
    });
    if (!reading) throw new AppError('METER_NO_DATA', { port: this.label, silenceMs: timeoutMs });
    return { reading };
  }

  /** Sets what the simulated meter measures; a SCPI meter is also configured to that function. */
  async simulate(sim: MeterSimulation): Promise<void> {
    if (!this.simulated) throw new AppError('DEVICE_NOT_SIMULATED', { deviceId: this.device.id });
    const source = simulationSource(sim);
    if (this.ut61eSim) {
      const value: SimValue | ValueSource = source;
      this.ut61eSim.set({ function: sim.function, value });
      return;
    }
    if (this.scpiSim && this.driver instanceof ScpiMeter) {
      this.scpiSim.setSource(source);
      if (this.driver.currentFunction !== sim.function) await this.driver.configure(sim.function);
      return;
    }
    throw new AppError('DEVICES_NOT_RUNNING', { deviceId: this.device.id });
  }

  private report(status: DeviceStatus): void {
    this.current = status;
    this.hooks.onStatus(status);
  }
}
