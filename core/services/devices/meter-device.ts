/**
 * A configured bench multimeter: a SCPI meter (serial, LAN raw socket, or the SCPI simulator)
 * or a UNI-T UT61E (serial, or the UT61E simulator), both over real protocol bytes. Readings
 * stream while it is connected; unplugging shows as disconnected and the driver reconnects.
 * Simulated meters can be told what they measure (demo mode, tests).
 */
import { AppError } from '../../../shared/contract/errors';
import type { MeterFunction, Reading } from '../../../shared/domain/meter/reading';
import type { MeterDriver } from '../../hardware/meters/meter-driver';
import { ScpiMeter } from '../../hardware/meters/scpi-driver';
import {
  createScpiMeterSimulator,
  type ScpiMeterSimulator,
} from '../../hardware/meters/scpi-meter-simulator';
import type { ScpiIdentity } from '../../hardware/meters/scpi-protocol';
import { Ut61eDriver } from '../../hardware/meters/ut61e-driver';
import { createUt61eSimulator, type Ut61eSimulator } from '../../hardware/meters/ut61e-simulator';
import {
  constantSource,
  noisySource,
  type SimValue,
  type ValueSource,
} from '../../hardware/meters/value-source';
import { Listeners } from '../../../shared/listeners';
import { DeviceBase, type DeviceHooks } from './device-base';
import type { StoredDevice } from './device-repo';
import { fromMeterStatus } from './device-status';

export interface MeterDeviceHooks extends DeviceHooks {
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

export class MeterDevice extends DeviceBase<MeterDeviceHooks> {
  private driver: MeterDriver | undefined;
  private scpiSim: ScpiMeterSimulator | undefined;
  private ut61eSim: Ut61eSimulator | undefined;
  /** readOnce() calls waiting for a UT61E's next reading. */
  private readonly waiters = new Listeners<Reading>();

  constructor(device: StoredDevice, hooks: MeterDeviceHooks) {
    super(device, hooks, { stoppedKey: 'meter.status.closed' });
  }

  protected async open(): Promise<void> {
    const { config } = this.device;
    const o = config.options;
    const transport = await this.createTransport();
    const simEnd = this.simulatorEnd;
    if (simEnd) {
      const initial: MeterSimulation = {
        function: o.simFunction ?? 'DCV',
        value: o.simValue ?? 0,
        ...(o.simNoise !== undefined ? { noise: o.simNoise } : {}),
      };
      if (config.driver === 'scpi') {
        this.scpiSim = createScpiMeterSimulator({
          transport: simEnd,
          source: simulationSource(initial),
          initialFunction: initial.function,
          now: this.hooks.now,
        });
        this.scpiSim.start();
      } else {
        this.ut61eSim = createUt61eSimulator({
          transport: simEnd,
          intervalMs: o.simIntervalMs ?? 500,
          initial: { function: initial.function, value: simulationSource(initial) },
          now: this.hooks.now,
        });
        this.ut61eSim.start();
      }
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
      this.waiters.emit(r);
      this.hooks.onReading(r);
    });
    await driver.start();
  }

  protected async halt(): Promise<void> {
    this.ut61eSim?.stop();
    this.scpiSim?.stop();
    await this.driver?.stop();
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
        off();
        resolve(null);
      }, timeoutMs);
      const off = this.waiters.add((r) => {
        clearTimeout(timer);
        off();
        resolve(r);
      });
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
}
