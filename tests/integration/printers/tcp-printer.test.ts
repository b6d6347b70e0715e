/**
 * The printer driver against the simulated printer over real TCP sockets on 127.0.0.1,
 * as a network printer on port 9100 would be reached.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { renderLines, renderPlainText } from '../../../shared/domain/receipt/render-lines';
import { encodeReceipt } from '../../../core/hardware/printers/escpos-encoder';
import { EscPosPrinter } from '../../../core/hardware/printers/printer-driver';
import { SimulatedEscPosPrinter } from '../../../core/hardware/printers/simulated-printer';
import { serveSimulatedPrinter } from '../../../core/hardware/printers/simulated-printer-server';
import { createTcpTransport } from '../../../core/hardware/transport/tcp-transport';
import { sampleRefundSlip } from '../../unit/receipt/sample-refund-slip';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function printError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected failure');
}

const slip = sampleRefundSlip(80);
const job = encodeReceipt(slip);

async function served(): Promise<{ sim: SimulatedEscPosPrinter; driver: EscPosPrinter; port: number }> {
  const sim = new SimulatedEscPosPrinter({ columns: 48 });
  const server = await serveSimulatedPrinter(sim);
  const driver = new EscPosPrinter({
    transport: createTcpTransport({ host: '127.0.0.1', port: server.port }),
  });
  cleanups.push(() => server.close());
  cleanups.push(() => driver.close());
  return { sim, driver, port: server.port };
}

describe('ESC/POS printer over TCP', () => {
  it('prints the refund slip; the printer got exactly the job between two status checks', async () => {
    const { sim, driver } = await served();
    const report = await driver.print(job);
    expect(report).toMatchObject({
      bytesWritten: job.length,
      before: { kind: 'reported' },
      after: { kind: 'reported' },
    });
    expect(sim.screen()).toEqual(renderPlainText(renderLines(slip)));
    expect(sim.bytes.length).toBe(12 + job.length + 12);
  });

  it('refuses with PRINTER_PAPER_OUT before the job when the printer is out of paper', async () => {
    const { sim, driver } = await served();
    sim.setCondition({ paperOut: true });
    const error = await printError(driver.print(job));
    expect(error.code).toBe('PRINTER_PAPER_OUT');
    expect(error.details).toMatchObject({
      phase: 'before',
      printer: expect.stringMatching(/^tcp:127\.0\.0\.1:\d+$/),
    });
    expect(sim.bytes.length).toBe(12); // the status query only
    expect(await driver.status()).toMatchObject({ kind: 'reported', paperOut: true, online: false });
  });

  it('gives a clear PRINTER_WRITE_FAILED when the printer disappears mid-job, and reconnects for the next one', async () => {
    const sim = new SimulatedEscPosPrinter({ columns: 48 });
    const big = new Uint8Array(job.length * 40);
    for (let i = 0; i < 40; i++) big.set(job, i * job.length);
    let received = 0;
    let dropFirst = true;
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      const off = sim.onOutput((b) => socket.write(b));
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        sim.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (dropFirst && received > 4000) {
          dropFirst = false;
          socket.destroy(); // power cut: no goodbye
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        off();
        sockets.delete(socket);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    );
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const driver = new EscPosPrinter({
      transport: createTcpTransport({ host: '127.0.0.1', port }),
      writeChunkBytes: 512,
      replyTimeoutMs: 2000,
    });
    cleanups.push(() => driver.close());

    const error = await printError(driver.print(big));
    expect(error.code).toBe('PRINTER_WRITE_FAILED');
    expect(['during', 'after']).toContain(error.details.phase);
    expect(received).toBeLessThan(12 + big.length);

    // The printer is back: the next job opens a new connection and prints.
    sim.clearPaper();
    await driver.print(job);
    expect(sim.screen()).toEqual(renderPlainText(renderLines(slip)));
  });

  it('fails with PRINTER_CONNECT_FAILED (ECONNREFUSED) when nothing listens', async () => {
    const { port } = await served();
    for (const c of cleanups.splice(0).reverse()) await c(); // stop the server: the port is free now
    const driver = new EscPosPrinter({ transport: createTcpTransport({ host: '127.0.0.1', port }) });
    cleanups.push(() => driver.close());
    const error = await printError(driver.print(job));
    expect(error.code).toBe('PRINTER_CONNECT_FAILED');
    expect(error.details).toMatchObject({ phase: 'connect', cause: 'TCP_CONNECT_FAILED' });
    expect(await driver.status()).toMatchObject({ kind: 'unreachable' });
  });

  it('gives up connecting after the connect timeout when the printer never answers the handshake', async () => {
    // A listener that never accepts, with a full backlog: further SYNs are dropped, connect() hangs.
    const py: ChildProcess = spawn(
      'python3',
      [
        '-c',
        "import socket,time\ns=socket.socket()\ns.bind(('127.0.0.1',0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(60)",
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanups.push(() => {
      py.kill('SIGKILL');
    });
    const port = await new Promise<number>((resolve) =>
      py.stdout?.once('data', (d) => resolve(Number(String(d).trim()))),
    );
    const filler = createTcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 2000 });
    await filler.open(); // takes the one backlog slot
    cleanups.push(() => filler.close());

    const transport = createTcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 300 });
    const started = performance.now();
    const error = await transport.open().then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TCP_CONNECT_FAILED');
    expect((error as AppError).details.reason).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
    expect(transport.isOpen).toBe(false);
  });
});
