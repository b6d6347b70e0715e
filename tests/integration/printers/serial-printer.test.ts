/**
 * The printer driver against the simulated printer through the real serialport stack over a
 * socat pseudo-terminal pair (a serial receipt printer on a USB-serial adapter, minus the wire).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import { encodeReceipt } from '../../../core/hardware/printers/escpos-encoder';
import { EscPosPrinter } from '../../../core/hardware/printers/printer-driver';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import {
  createSerialTransport,
  type SerialTransport,
} from '../../../core/hardware/transport/serial-transport';
import { startSocatPair, stopAllSocatPairs, type SocatPair } from '../../helpers/socat-pair';
import { sampleRefundSlip } from '../../unit/receipt/sample-refund-slip';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await stopAllSocatPairs();
});

async function rig(replyTimeoutMs = 1000): Promise<{
  pair: SocatPair;
  sim: SimulatedEscPosPrinter;
  driver: EscPosPrinter;
  device: SerialTransport;
}> {
  const pair = await startSocatPair();
  const host = createSerialTransport({ path: pair.a, baudRate: 115200 });
  const device = createSerialTransport({ path: pair.b, baudRate: 115200 });
  await device.open();
  const sim = new SimulatedEscPosPrinter({ columns: 32 });
  const detach = sim.connect(device);
  const driver = new EscPosPrinter({ transport: host, replyTimeoutMs });
  cleanups.push(async () => {
    detach();
    await driver.close();
    await device.close();
  });
  return { pair, sim, driver, device };
}

async function printError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected failure');
}

const slip = sampleRefundSlip(58);
const job = encodeReceipt(slip);

describe('ESC/POS printer over a serial pty pair', () => {
  it('prints the 58 mm refund slip with status checks before and after', async () => {
    const { sim, driver } = await rig();
    const report = await driver.print(job);
    expect(report.before).toMatchObject({ kind: 'reported', online: true });
    expect(report.after).toMatchObject({ kind: 'reported', online: true });
    await expect.poll(() => sim.bytes.length).toBe(12 + job.length + 12);
    expect(sim.screen()).toEqual(renderPlainText(renderLines(slip)));
  });

  it('refuses with PRINTER_COVER_OPEN and PRINTER_PAPER_OUT before sending the job', async () => {
    const { sim, driver } = await rig();
    sim.setCondition({ coverOpen: true });
    expect((await printError(driver.print(job))).code).toBe('PRINTER_COVER_OPEN');
    sim.setCondition({ coverOpen: false, paperOut: true });
    expect((await printError(driver.print(job))).code).toBe('PRINTER_PAPER_OUT');
    expect(sim.bytes.length).toBe(24);
  });

  it('says PRINTER_NO_REPLY when the printer is silent', async () => {
    const { sim, driver } = await rig(150);
    sim.silent = true;
    const error = await printError(driver.print(job));
    expect(error.code).toBe('PRINTER_NO_REPLY');
    expect(error.details.phase).toBe('before');
  });

  it('gives a clear PRINTER_WRITE_FAILED when the pty pair goes away mid-job', async () => {
    const { pair, sim, driver, device } = await rig(500);
    const big = new Uint8Array(job.length * 30);
    for (let i = 0; i < 30; i++) big.set(job, i * job.length);
    let stopping: Promise<void> | undefined;
    const off = device.onData(() => {
      if (!stopping && sim.bytes.length > 3000) stopping = pair.stop();
    });
    cleanups.push(off);
    const error = await printError(driver.print(big));
    await stopping;
    expect(error.code).toBe('PRINTER_WRITE_FAILED');
    expect(['during', 'after']).toContain(error.details.phase);
    expect(sim.bytes.length).toBeLessThan(12 + big.length);
  });
});
