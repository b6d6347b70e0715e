/**
 * Listing serial ports with and without udev. SerialPort.list() runs `udevadm info -e` on
 * Linux; the listing is run in a child process whose PATH has no udevadm to see the app
 * degrade instead of crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSerialPorts } from '../../../core/hardware/transport/serial-list';

const ROOT = join(__dirname, '..', '..', '..');
const CHILD = join(__dirname, 'list-ports-child.ts');

function listInChild(path: string): unknown {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, PATH: path },
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

const hasUdevadm = ['/usr/bin/udevadm', '/bin/udevadm', '/sbin/udevadm', '/usr/sbin/udevadm'].some(
  existsSync,
);

describe('listSerialPorts', () => {
  it.skipIf(!hasUdevadm)('lists ports through udevadm where udev is installed', async () => {
    const result = await listSerialPorts();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const port of result.ports) expect(port.path).toMatch(/^\/dev\//);
    const paths = result.ports.map((p) => p.path);
    expect(paths).toEqual([...paths].sort((a, b) => a.localeCompare(b)));
  });

  it('says SERIAL_LIST_UNAVAILABLE, with the reason, when udevadm is missing', () => {
    const emptyBin = mkdtempSync(join(tmpdir(), 'no-udevadm-'));
    try {
      expect(listInChild(emptyBin)).toEqual({
        ok: false,
        code: 'SERIAL_LIST_UNAVAILABLE',
        detail: expect.stringMatching(/udevadm.*ENOENT/),
      });
    } finally {
      rmSync(emptyBin, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasUdevadm)('gives the same answer in a child process with the normal PATH', () => {
    expect(listInChild(process.env.PATH ?? '')).toMatchObject({ ok: true });
  });
});
