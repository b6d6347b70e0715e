import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import type { PrinterStatus } from '../../../shared/domain/receipt/printer-status';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import { encodeReceipt } from '../../../core/hardware/printers/escpos-encoder';
import { EscPosPrinter } from '../../../core/hardware/printers/printer-driver';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import { createFileTransport } from '../../../core/hardware/transport/file-transport';
import { createMemoryPair, type MemoryTransport } from '../../../core/hardware/transport/memory-transport';
import { sampleRefundSlip } from '../receipt/sample-refund-slip';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function rig(options: { replyTimeoutMs?: number; writeChunkBytes?: number } = {}): Promise<{
  driver: EscPosPrinter;
  sim: SimulatedEscPosPrinter;
  host: MemoryTransport;
  device: MemoryTransport;
}> {
  const [host, device] = createMemoryPair({ ids: ['memory:host', 'memory:printer'] });
  const sim = new SimulatedEscPosPrinter({ columns: 32 });
  await device.open();
  const detach = sim.connect(device);
  const driver = new EscPosPrinter({
    transport: host,
    replyTimeoutMs: options.replyTimeoutMs ?? 500,
    ...options,
  });
  cleanups.push(async () => {
    detach();
    await driver.close();
    await device.close();
  });
  return { driver, sim, host, device };
}

async function printError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the print to fail');
}

const job = encodeReceipt(sampleRefundSlip(58));
const slipText = renderPlainText(renderLines(sampleRefundSlip(58)));
/** Bytes of one status check: DLE EOT 1, 2, 3, 4. */
const STATUS_QUERY = [0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x03, 0x10, 0x04, 0x04];

describe('status', () => {
  it('reports a ready printer from its four DLE EOT replies', async () => {
    const { driver, sim } = await rig();
    const status = await driver.status();
    expect(status).toMatchObject({
      kind: 'reported',
      source: 'dle-eot',
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      drawerOpen: false,
      error: false,
    });
    expect(sim.statusQueryCount).toBe(4);
    expect(Array.from(sim.bytes)).toEqual(STATUS_QUERY);
  });

  it('reports no-reply when the printer stays silent for the reply timeout', async () => {
    const { driver, sim } = await rig({ replyTimeoutMs: 80 });
    sim.silent = true;
    const started = performance.now();
    const status = await driver.status();
    expect(status.kind).toBe('no-reply');
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('reports unreachable when the transport cannot open', async () => {
    const { driver, host } = await rig();
    host.unplug();
    const status = await driver.status();
    expect(status).toMatchObject({ kind: 'unreachable', reason: 'TRANSPORT_UNPLUGGED' });
  });

  it('reports unknown over a file, which has no way back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'printer-file-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'job.bin');
    const driver = new EscPosPrinter({ transport: createFileTransport(file) });
    cleanups.push(() => driver.close());
    expect((await driver.status()).kind).toBe('unknown');
    const report = await driver.print(job);
    expect(report.before.kind).toBe('unknown');
    expect(report.bytesWritten).toBe(job.length);
    await driver.print(Uint8Array.of(0x0a));
    expect(Array.from(readFileSync(file))).toEqual([...job, 0x0a]);
  });
});

describe('print', () => {
  it('prints a slip: checks status before and after, and the paper shows the rendered lines', async () => {
    const { driver, sim } = await rig();
    const report = await driver.print(job);
    expect(report.bytesWritten).toBe(job.length);
    expect(report.before.kind).toBe('reported');
    expect(report.after.kind).toBe('reported');
    expect(sim.screen()).toEqual(slipText);
    expect(Array.from(sim.bytes)).toEqual([...STATUS_QUERY, ...job, ...STATUS_QUERY]);
  });

  it.each([
    ['paperOut', 'PRINTER_PAPER_OUT'],
    ['coverOpen', 'PRINTER_COVER_OPEN'],
    ['offline', 'PRINTER_OFFLINE'],
    ['error', 'PRINTER_ERROR'],
  ] as const)('refuses with %s → %s before the job and sends none of it', async (condition, code) => {
    const { driver, sim } = await rig();
    sim.setCondition({ [condition]: true });
    const error = await printError(driver.print(job));
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ printer: 'memory:host', phase: 'before', bytesWritten: 0 });
    expect(Array.from(sim.bytes)).toEqual(STATUS_QUERY);
    expect(sim.printed).toEqual([]);
  });

  it('refuses with PRINTER_NO_REPLY when the printer does not answer', async () => {
    const { driver, sim } = await rig({ replyTimeoutMs: 60 });
    sim.silent = true;
    const error = await printError(driver.print(job));
    expect(error.code).toBe('PRINTER_NO_REPLY');
    expect(error.details.phase).toBe('before');
  });

  it('says PRINTER_PAPER_OUT after the job when paper runs out during it; the rest prints after a refill', async () => {
    const { driver, sim, device } = await rig({ writeChunkBytes: 256 });
    const off = device.onData(() => {
      if (sim.bytes.length > 600) sim.setCondition({ paperOut: true });
    });
    const error = await printError(driver.print(job));
    off();
    expect(error.code).toBe('PRINTER_PAPER_OUT');
    expect(error.details).toMatchObject({ phase: 'after', bytesWritten: job.length });
    expect(sim.held.length).toBeGreaterThan(0);
    sim.setCondition({ paperOut: false });
    expect(sim.screen()).toEqual(slipText);
  });

  it('fails with PRINTER_WRITE_FAILED when the cable is pulled mid-job', async () => {
    const { driver, sim, host, device } = await rig({ writeChunkBytes: 128 });
    const off = device.onData(() => {
      if (sim.bytes.length > 300) host.unplug();
    });
    const error = await printError(driver.print(job));
    off();
    expect(error.code).toBe('PRINTER_WRITE_FAILED');
    expect(error.details.phase).toBe('during');
    expect(error.details.bytesWritten).toBeLessThan(job.length);
    expect(sim.bytes.length).toBeLessThan(STATUS_QUERY.length + job.length);
  });

  it('fails with PRINTER_CONNECT_FAILED when it cannot connect, and reconnects once the cable is back', async () => {
    const { driver, sim, host, device } = await rig();
    host.unplug();
    const error = await printError(driver.print(job));
    expect(error.code).toBe('PRINTER_CONNECT_FAILED');
    expect(error.details).toMatchObject({ phase: 'connect', cause: 'TRANSPORT_UNPLUGGED' });
    host.plug();
    await device.open();
    await driver.print(job);
    expect(sim.screen()).toEqual(slipText);
  });

  it('runs concurrent calls one at a time, jobs never interleaved', async () => {
    const { driver, sim } = await rig({ writeChunkBytes: 64 });
    const a = encodeReceipt({ paper: 58, blocks: [{ kind: 'text', text: 'job A 第一张' }] });
    const b = encodeReceipt({ paper: 58, blocks: [{ kind: 'text', text: 'job B 第二张' }] });
    const [ra, status, rb] = await Promise.all([driver.print(a), driver.status(), driver.print(b)]);
    expect(ra.bytesWritten).toBe(a.length);
    expect(rb.bytesWritten).toBe(b.length);
    expect(status.kind).toBe('reported');
    expect(Array.from(sim.bytes)).toEqual([
      ...STATUS_QUERY,
      ...a,
      ...STATUS_QUERY,
      ...STATUS_QUERY,
      ...STATUS_QUERY,
      ...b,
      ...STATUS_QUERY,
    ]);
    expect(sim.screen().map((l) => l.trim())).toEqual(['job A 第一张', 'job B 第二张']);
  });
});

describe('automatic status back', () => {
  it('pushes statuses when the printer condition changes, also after a job reset it with ESC @', async () => {
    const { driver, sim } = await rig();
    const seen: PrinterStatus[] = [];
    driver.onStatus((s) => seen.push(s));
    await driver.enableAutomaticStatusBack();
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ kind: 'reported', source: 'asb', online: true, coverOpen: false });

    sim.setCondition({ coverOpen: true });
    await expect.poll(() => seen.length).toBe(2);
    expect(seen[1]).toMatchObject({ online: false, coverOpen: true });
    sim.setCondition({ coverOpen: false });
    await expect.poll(() => seen.length).toBe(3);

    await driver.print(encodeReceipt({ paper: 58, blocks: [{ kind: 'drawer-kick' }] }));
    // The drawer kick opens the simulated drawer: the printer reports it by ASB.
    await expect.poll(() => seen.some((s) => s.kind === 'reported' && s.drawerOpen)).toBe(true);
    const count = seen.length;
    sim.setCondition({ paperNearEnd: true });
    await expect.poll(() => seen.length).toBeGreaterThan(count);
    expect(driver.lastAsbStatus).toMatchObject({ paperNearEnd: true });
    expect(driver.garbageBytes).toBe(0);
  });
});
