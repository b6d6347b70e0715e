/**
 * Serves a simulated ESC/POS printer on a TCP port, like a network printer on 9100: every
 * connection's bytes go into the printer, its replies go back to all connected clients.
 * For demo mode and integration tests (listen on 127.0.0.1 with port 0 for a free port).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { SimulatedEscPosPrinter } from './simulated-printer';

export interface SimulatedPrinterServer {
  readonly host: string;
  readonly port: number;
  /** Open client connections. */
  readonly connections: number;
  /** Drops every client connection abruptly (the printer "disappears"); the server keeps listening. */
  dropConnections(): void;
  /** Stops listening and drops all connections. */
  close(): Promise<void>;
}

/** Starts serving `printer` on host:port (default 127.0.0.1, port 0 = any free port). */
export async function serveSimulatedPrinter(
  printer: SimulatedEscPosPrinter,
  options: { host?: string; port?: number } = {},
): Promise<SimulatedPrinterServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const off = printer.onOutput((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    socket.on('data', (chunk: Buffer) =>
      printer.receive(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    );
    socket.on('error', () => undefined);
    socket.on('close', () => {
      off();
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const drop = (): void => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    host,
    port,
    get connections() {
      return sockets.size;
    },
    dropConnections: drop,
    close: async () => {
      drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
