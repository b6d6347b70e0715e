/**
 * ByteTransport that appends every write to a file: a capture file for tests and demos, or a
 * one-way printer device node such as /dev/usb/lp0. Nothing ever comes back, so a driver cannot
 * read a status over it: `canReply` is false and printer drivers report status 'unknown'.
 */
import { open as openFile, type FileHandle } from 'node:fs/promises';
import { AppError } from '../../../shared/contract/errors';
import { TransportEvents } from './transport-events';
import type { ByteTransport } from './types';

export interface FileTransport extends ByteTransport {
  readonly path: string;
  /** Always false: a file carries no replies (drivers must not wait for status bytes). */
  readonly canReply: false;
  /** Bytes appended since this transport was created. */
  readonly bytesWritten: number;
}

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return e instanceof Error ? e.message : String(e);
}

class AppendFileTransport extends TransportEvents implements FileTransport {
  readonly id: string;
  readonly path: string;
  readonly canReply = false as const;
  private handle: FileHandle | null = null;
  private written = 0;

  constructor(path: string) {
    super();
    this.path = path;
    this.id = `file:${path}`;
  }

  get isOpen(): boolean {
    return this.handle !== null;
  }

  get bytesWritten(): number {
    return this.written;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      this.handle = await openFile(this.path, 'a');
    } catch (e) {
      throw new AppError('FILE_OPEN_FAILED', { transport: this.id, detail: messageOf(e) });
    }
  }

  async write(data: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new AppError('TRANSPORT_NOT_OPEN', { transport: this.id });
    try {
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        if (bytesWritten <= 0) throw new Error('no progress writing');
        offset += bytesWritten;
        this.written += bytesWritten;
      }
    } catch (e) {
      throw new AppError('FILE_WRITE_FAILED', { transport: this.id, detail: messageOf(e) });
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = null;
    try {
      await handle.close();
    } finally {
      this.closed.emit(undefined);
    }
  }
}

/** Creates a transport that appends to `path` (created if missing) once opened. */
export function createFileTransport(path: string): FileTransport {
  return new AppendFileTransport(path);
}
