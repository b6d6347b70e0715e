/**
 * Demo mode end to end through compose: the first run of the demo store creates the four
 * simulated devices, `startDevices` opens them, core.close() stops them without errors, and a
 * second start neither duplicates them nor needs the hardware.
 */
import { describe, expect, it } from 'vitest';
import { composeCore } from '../../../core/compose';
import { DEMO_DEVICES, seedDemoDevices } from '../../../core/services/devices/demo-devices';
import { tempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait-for';

describe('demo devices through compose', { timeout: 60_000 }, () => {
  it('creates the simulated devices on the first demo run and opens them with startDevices', async () => {
    const dataDir = tempDir();
    const errors: unknown[] = [];
    const core = composeCore({
      dataDir,
      host: 'web',
      firstRun: 'demo',
      startDevices: true,
      log: { error: (m, e) => errors.push([m, e]) },
    });
    const m = core.ctx.services.devices;
    const statuses: string[] = [];
    core.ctx.events.subscribe((name, payload) => {
      if (name === 'device.status')
        statuses.push(`${(payload as { role: string }).role}:${(payload as { state: string }).state}`);
    });
    await waitFor(
      () => m.list().length === 4 && m.list().every((d) => d.status.state === 'connected'),
      'all four demo devices connected',
      10_000,
    );
    expect(m.list().map((d) => [d.role, d.driver])).toEqual(DEMO_DEVICES.map((d) => [d.role, d.driver]));
    expect(m.isRunning).toBe(true);
    core.close();
    expect(m.isRunning).toBe(false);
    const afterClose = statuses.length;

    const again = composeCore({ dataDir, host: 'cli', firstRun: 'refuse' });
    try {
      expect(again.ctx.services.devices.list()).toHaveLength(4);
      expect(again.ctx.services.devices.list()[0]?.status.messageKey).toBe('devices.state.notStarted');
      expect(seedDemoDevices(again.ctx.db, again.ctx.now())).toBe(0);
    } finally {
      again.close();
    }
    expect(statuses.length).toBe(afterClose); // no events after close
    expect(errors).toEqual([]);
  });

  it('an empty (non-demo) store has no devices and starts with none', async () => {
    const dataDir = tempDir();
    const core = composeCore({ dataDir, host: 'web', firstRun: 'empty', startDevices: true });
    try {
      const m = core.ctx.services.devices;
      await waitFor(() => m.isRunning, 'started');
      expect(m.list()).toEqual([]);
    } finally {
      core.close();
    }
  });
});
