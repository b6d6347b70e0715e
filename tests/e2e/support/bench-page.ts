/** Helpers for the Bench journeys: the demo store's simulated UT61E, set through the contract like the Devices screen does. */
import { bridgeCalls } from './bridge-client';
import type { RunningHost } from './web-host-process';

interface Listed {
  devices: { id: number; kind: string; driver: string; name: string }[];
}

/** The device id of the demo store's simulated UT61E (bench 2). */
export async function ut61eId(host: RunningHost): Promise<number> {
  const [, listed] = (await bridgeCalls(host, [
    { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
    { method: 'devices.list', input: {} },
  ])) as [unknown, Listed];
  const d = listed.devices.find((x) => x.kind === 'meter' && x.driver === 'ut61e');
  if (!d) throw new Error('the demo store has no simulated UT61E');
  return d.id;
}

/** Makes the simulated meter measure `value` in `fn` (base units), with a little noise, or overload. */
export async function setMeter(
  host: RunningHost,
  deviceId: number,
  fn: string,
  value: number,
  overload = false,
): Promise<void> {
  await bridgeCalls(host, [
    { method: 'auth.signIn', input: { code: '9001', pin: '909090' } },
    { method: 'devices.simulateMeter', input: { deviceId, function: fn, value, noise: 0.001, overload } },
  ]);
}

/** The job on 老陈's bench in `status` (journey 6's laptop charger job is diagnosing). */
export async function techJob(host: RunningHost, status: string): Promise<string> {
  const [, jobs] = (await bridgeCalls(host, [
    { method: 'auth.signIn', input: { code: '2001', pin: '2222' } },
    { method: 'repairs.list', input: { mine: true, statuses: [status] } },
  ])) as [unknown, { id: string; categoryCode: string }[]];
  const job = jobs.find((j) => j.categoryCode === 'laptop');
  if (!job) throw new Error(`no laptop job in ${status} on 老陈's bench`);
  return job.id;
}
