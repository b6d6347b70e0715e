/**
 * A byte pipe to a device. Drivers (scanners, printers, meters) speak their protocol over
 * one of these and never know whether the other end is a serial port, a TCP socket, a HID
 * device, a file or an in-memory simulator.
 */
export interface ByteTransport {
  /** Stable id for logs and the Devices screen, e.g. `serial:/dev/ttyUSB0`, `tcp:10.0.0.5:9100`. */
  readonly id: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves once the bytes have been handed to the OS (drained for serial). */
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Subscribe to incoming bytes; returns an unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the transport closes, with the error when it was not a requested close (unplug). */
  onClose(listener: (error?: Error) => void): () => void;
}
