/**
 * Serial throughput to a receipt printer: N refund slips through the real print queue (enqueue →
 * PrintWorker claim with its attempt row → encode → ESC/POS driver with DLE EOT status before and
 * after each job → serialport) against the same bytes written raw with serialport, both over a socat
 * pty pair to the simulated printer behind a 115200-baud line pacer (uart-pacer.ts), in one run.
 * Throughput = slip bytes / time until the printer has received the last slip byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { encodeJob } from '../../../core/printing/job-bytes';
import { enqueuePrintJob } from '../../../core/printing/enqueue';
import { PrintWorker, type PrinterTarget } from '../../../core/printing/worker';
import { EscPosPrinter } from '../../../core/hardware/printers/printer-driver';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import { createSerialTransport } from '../../../core/hardware/transport/serial-transport';
import { openDatabase } from '../../../db/client';
import { startSocatPair } from '../../helpers/socat-pair';
import { waitFor } from '../../helpers/wait-for';
import { sampleRefundSlip } from '../../unit/receipt/sample-refund-slip';
import type { Figure } from '../harness';
import { UartPacer } from './uart-pacer';

const BAUD = 115_200;

function openRaw(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: BAUD, autoOpen: false });
    port.open((e) => (e ? reject(e) : resolve(port)));
  });
}

function writeRaw(port: SerialPort, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(Buffer.from(data), (e) => {
      if (e) return reject(e);
      port.drain((d) => (d ? reject(d) : resolve()));
    });
  });
}

function closeRaw(port: SerialPort): Promise<void> {
  return new Promise((resolve) => port.close(() => resolve()));
}

/** Queue vs raw serial throughput (percent, target ≥ 90 %). */
export async function printerFigures(quick: boolean): Promise<Figure[]> {
  const n = quick ? 6 : 30;
  const layout = sampleRefundSlip(80);
  const slip = encodeJob(layout, { paper: 80, copies: 1, openDrawer: false });
  const pair = await startSocatPair();
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-print-'));
  const device = createSerialTransport({ path: pair.b, baudRate: BAUD });
  await device.open();
  const paced = new UartPacer(device, BAUD);
  const sim = new SimulatedEscPosPrinter({ columns: 48 });
  const detach = sim.connect(paced);
  try {
    // Raw: the same slips written back to back with serialport.
    const raw = await openRaw(pair.a);
    const rawStart = performance.now();
    const before = paced.delivered;
    for (let i = 0; i < n; i++) await writeRaw(raw, slip);
    await waitFor(
      () => paced.delivered - before >= n * slip.length,
      'raw slips to reach the printer',
      120_000,
      1,
    );
    const rawMs = performance.now() - rawStart;
    await closeRaw(raw);

    // Through the queue: jobs committed first, then the worker prints them one by one.
    const db = openDatabase(join(dir, 'queue.sqlite'));
    const host = createSerialTransport({ path: pair.a, baudRate: BAUD });
    const driver = new EscPosPrinter({ transport: host, replyTimeoutMs: 15_000 });
    const target: PrinterTarget = { deviceId: 1, label: host.id, print: (b) => driver.print(b) };
    const worker = new PrintWorker({
      db,
      now: Date.now,
      paperWidth: () => 80,
      printerFor: () => target,
      pollMs: 0,
    });
    db.transaction(() => {
      for (let i = 0; i < n; i++)
        enqueuePrintJob(db, { kind: 'return_slip', docRef: `R-BENCH-${i}`, document: layout }, Date.now());
    });
    worker.start();
    const qBefore = paced.delivered;
    const qStart = performance.now();
    const attempts = await worker.runDue();
    const queueMs = performance.now() - qStart;
    const done = (
      db.sqlite.prepare(`SELECT count(*) AS n FROM print_jobs WHERE status = 'done'`).get() as { n: number }
    ).n;
    const lineBytes = paced.delivered - qBefore;
    await worker.stop();
    await driver.close();
    db.close();
    if (attempts !== n || done !== n)
      throw new Error(`printer bench: ${done}/${n} jobs done in ${attempts} attempts`);

    const rawRate = (n * slip.length) / (rawMs / 1000);
    const queueRate = (n * slip.length) / (queueMs / 1000);
    const wire = BAUD / 10;
    return [
      {
        name: 'serial printer throughput, queue vs raw',
        value: (100 * queueRate) / rawRate,
        unit: '%',
        target: { op: '>=', value: 90 },
        note: `${n} slips × ${slip.length} B, 115200 8N1 paced pty`,
      },
      {
        name: 'serial printer throughput (raw serialport)',
        value: rawRate,
        unit: 'B/s',
        note: `wire ${wire} B/s`,
      },
      {
        name: 'serial printer throughput (queue)',
        value: queueRate,
        unit: 'B/s',
        note: `${lineBytes - n * slip.length} B of status queries on the line`,
      },
    ];
  } finally {
    detach();
    await paced.close().catch(() => undefined);
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
