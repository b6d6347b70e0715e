/**
 * Demo mode's hardware: on the demo store's first run, device rows for a simulated HID-POS
 * scanner, a simulated 80 mm receipt printer, a simulated UT61E on bench 2 and a simulated SCPI
 * meter on bench 1. They run in memory over memory-transport pairs speaking the real bytes, on
 * any OS, and can be reconfigured or removed like real devices.
 */
import type { DbClient } from '../../../db/client';
import { deviceCount } from '../../../db/repositories/devices/devices';
import type { DeviceConfig } from '../../../shared/contract/methods/devices';
import { saveDevice } from './device-repo';

export const DEMO_DEVICES: readonly DeviceConfig[] = [
  {
    kind: 'scanner',
    role: 'counter-scanner',
    name: '模拟扫码枪 · Simulated scanner (HID-POS)',
    driver: 'hid-pos',
    transport: { type: 'simulated' },
    options: {},
    enabled: true,
  },
  {
    kind: 'printer',
    role: 'receipt-printer',
    name: '模拟小票打印机 80 mm · Simulated receipt printer',
    driver: 'escpos',
    transport: { type: 'simulated' },
    options: {},
    enabled: true,
  },
  {
    kind: 'meter',
    role: 'bench-2-meter',
    name: '模拟 UT61E（工位 2）· Simulated UT61E (bench 2)',
    driver: 'ut61e',
    transport: { type: 'simulated' },
    options: { simFunction: 'DCV', simValue: 19.47, simNoise: 0.002 },
    enabled: true,
  },
  {
    kind: 'meter',
    role: 'bench-1-meter',
    name: '模拟 SCPI 台式表（工位 1）· Simulated SCPI meter (bench 1)',
    driver: 'scpi',
    transport: { type: 'simulated' },
    options: { simFunction: 'DCV', simValue: 12, simNoise: 0.001, streamIntervalMs: 500 },
    enabled: true,
  },
];

/** Adds the demo devices when no device is configured yet; returns how many were added. */
export function seedDemoDevices(db: DbClient, now: number): number {
  if (deviceCount(db) > 0) return 0;
  for (const config of DEMO_DEVICES) saveDevice(db, undefined, config, now);
  return DEMO_DEVICES.length;
}
