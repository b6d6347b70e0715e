/**
 * The store IT commands as real processes: `devices list` (with and without udev), `print-test`
 * to a simulated printer on a real TCP socket, a socat pty and a file, `meter read` from
 * simulated UT61E and SCPI meters on ptys, and `scan parse`. The simulators run in this test
 * process, so the CLI is spawned asynchronously (never spawnSync, which would freeze them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScpiMeterSimulator } from '../../../core/hardware/meters/scpi-meter-simulator';
import { UT61E_SERIAL_SETTINGS } from '../../../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator } from '../../../core/hardware/meters/ut61e-simulator';
import { constantSource } from '../../../core/hardware/meters/value-source';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import { serveSimulatedPrinter } from '../../../core/hardware/printers/simulated-printer-server';
import { createSerialTransport } from '../../../core/hardware/transport/serial-transport';
import { startSocatPair, stopAllSocatPairs } from '../../helpers/socat-pair';
import { tempDir } from '../../helpers/temp-dir';

const ROOT = join(__dirname, '..', '..', '..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await stopAllSocatPairs();
});

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/counterdesk.mjs', ...args], {
      cwd: ROOT,
      env: { ...process.env, COUNTERDESK_LANG: 'en-US', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('counterdesk device commands', { timeout: 120_000 }, () => {
  it('scan parse classifies a code and says where a scan goes', async () => {
    const receipt = await cli(['scan', 'parse', 'S-20261120-0042', '--json']);
    expect(receipt.code, receipt.err).toBe(0);
    expect(JSON.parse(receipt.out)).toMatchObject({
      classification: { kind: 'sale-receipt', document: { day: '2026-11-20', sequence: 42 } },
      route: 'returns',
    });
    const text = await cli(['scan', 'parse', '4006381333932']);
    expect(text.out).toContain('Kind: Serial number');
    const imei = await cli(['scan', 'parse', '490154203237518']);
    expect(imei.out).toMatch(/Kind: IMEI/);
    expect((await cli(['scan', 'parse'])).code).toBe(2);
  });

  it('devices list says that udev is missing instead of failing, and lists the demo store devices', async () => {
    const dataDir = tempDir();
    expect(
      spawnSync(process.execPath, ['bin/counterdesk.mjs', 'demo', '--data-dir', dataDir], { cwd: ROOT })
        .status,
    ).toBe(0);
    const emptyBin = mkdtempSync(join(tmpdir(), 'no-udevadm-'));
    const r = await cli(['devices', 'list', '--json', '--data-dir', dataDir], { PATH: emptyBin });
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as {
      devices: { role: string; status: { messageKey: string } }[];
      detected: { serial: { ok: boolean; messageKey?: string; params?: { detail: string } } };
    };
    expect(list.detected.serial).toEqual({
      ok: false,
      messageKey: 'devices.serialListUnavailable',
      params: { detail: expect.stringMatching(/udevadm.*ENOENT/) },
    });
    expect(list.devices.map((d) => d.role)).toEqual([
      'counter-scanner',
      'receipt-printer',
      'bench-2-meter',
      'bench-1-meter',
    ]);
    expect(list.devices[0]?.status.messageKey).toBe('devices.state.notStarted');

    const human = await cli(['devices', 'list', '--data-dir', dataDir], { PATH: emptyBin });
    expect(human.code).toBe(0);
    expect(human.out).toContain(
      'Cannot list serial ports: udev is missing on this system (spawn udevadm ENOENT)',
    );
    expect(human.out).toContain('bench-2-meter');

    const noStore = await cli(['devices', 'list', '--data-dir', join(dataDir, 'nothing-here')]);
    expect(noStore.code).toBe(0);
    expect(noStore.out).toContain('no store in this data directory yet');
  });

  it('print-test prints the test page on a network printer, and refuses when it is out of paper', async () => {
    const sim = new SimulatedEscPosPrinter({ columns: 48 });
    const server = await serveSimulatedPrinter(sim);
    cleanups.push(() => server.close());
    const r = await cli(['print-test', '--tcp', `127.0.0.1:${server.port}`]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /Test page printed on tcp:127\.0\.0\.1:\d+: \d+ bytes, status before "Ready", after "Ready"/,
    );
    const paper = sim.screen();
    expect(paper.some((l) => l.includes('Printer test page'))).toBe(true);
    expect(paper.some((l) => l.includes('中文：退换货 维修 检测 ￥1,299.00'))).toBe(true);
    expect(paper).toContain('....+....1....+....2....+....3....+....4....+...');

    sim.setCondition({ paperOut: true });
    const out = await cli(['print-test', '--tcp', `127.0.0.1:${server.port}`]);
    expect(out.code).toBe(1);
    expect(out.err).toMatch(/PRINTER_PAPER_OUT/);
  });

  it('print-test on a serial printer (socat pty) at 58 mm, and into a file', async () => {
    const pair = await startSocatPair();
    const sim = new SimulatedEscPosPrinter({ columns: 32 });
    const simPort = createSerialTransport({ path: pair.b, baudRate: 9600 });
    await simPort.open();
    sim.connect(simPort);
    cleanups.push(() => simPort.close());
    const r = await cli(['print-test', '--port', pair.a, '--width', '58', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      paper: 58,
      before: { kind: 'reported' },
      after: { kind: 'reported' },
    });
    const paper = sim.screen();
    expect(paper).toContain('....+....1....+....2....+....3..');
    // The 48-column ruler does not fit on 58 mm paper: it wraps after 32 columns.
    expect(paper).not.toContain('....+....1....+....2....+....3....+....4....+...');

    const file = join(tempDir(), 'lp0.bin');
    const toFile = await cli(['print-test', '--file', file, '--json', '--lang', 'zh-CN']);
    expect(toFile.code, toFile.err).toBe(0);
    expect(JSON.parse(toFile.out)).toMatchObject({ before: { kind: 'unknown' }, after: { kind: 'unknown' } });
    // 打印测试页 in GB18030 between FS & and FS .
    expect(readFileSync(file).toString('hex')).toContain('1c26b4f2d3a1b2e2cad4d2b31c2e');

    expect((await cli(['print-test', '--tcp', 'nohost'])).code).toBe(2);
    expect((await cli(['print-test', '--file', file, '--width', '57'])).code).toBe(2);
  });

  it('meter read gets readings from a UT61E and a SCPI meter on ptys', async () => {
    const ut = await startSocatPair();
    const utPort = createSerialTransport({ path: ut.b, ...UT61E_SERIAL_SETTINGS });
    await utPort.open();
    const utSim = createUt61eSimulator({
      transport: utPort,
      intervalMs: 50,
      initial: { function: 'DCV', value: 19.47 },
    });
    utSim.start();
    cleanups.push(
      () => utSim.stop(),
      () => utPort.close(),
    );
    const r = await cli(['meter', 'read', '--port', ut.a, '--driver', 'ut61e', '--count', '3', '--json']);
    expect(r.code, r.err).toBe(0);
    const ut61e = JSON.parse(r.out) as { readings: { value: number; function: string; display: string }[] };
    expect(ut61e.readings).toHaveLength(3);
    for (const reading of ut61e.readings)
      expect(reading).toMatchObject({ value: 19.47, function: 'DCV', display: '19.470 V' });

    const scpi = await startSocatPair();
    const scpiPort = createSerialTransport({ path: scpi.b, baudRate: 9600 });
    await scpiPort.open();
    const scpiSim = createScpiMeterSimulator({
      transport: scpiPort,
      source: constantSource(0.0123),
      initialFunction: 'DCA',
    });
    scpiSim.start();
    cleanups.push(
      () => scpiSim.stop(),
      () => scpiPort.close(),
    );
    const s = await cli(['meter', 'read', '--port', scpi.a, '--driver', 'scpi', '--count', '2']);
    expect(s.code, s.err).toBe(0);
    expect(s.out).toContain('Instrument: COUNTERDESK SIM-DMM-1 (serial SIM000001, firmware 1.0.0)');
    expect(s.out.match(/12\.3 mA \(DC current\)/g)).toHaveLength(2);
    expect(s.out).toContain(`Read 2 reading(s) from ${scpi.a}.`);

    const silent = await startSocatPair();
    const none = await cli(['meter', 'read', '--port', silent.a, '--driver', 'ut61e', '--json']);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.err)).toMatchObject({ error: { code: 'METER_NO_DATA' } });
    expect((await cli(['meter', 'read', '--port', silent.a, '--driver', 'fluke'])).code).toBe(2);
  });
});
