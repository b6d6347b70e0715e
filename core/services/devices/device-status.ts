/**
 * One status vocabulary for every device on the Devices screen and the status bar: the drivers'
 * own statuses (scanner, meter, printer) mapped to stopped / connecting / connected /
 * disconnected / error with an i18n key and its params. Serial open failures are recognised
 * (permission denied, port busy, port missing) and get their own, actionable messages.
 */
import type { AppErrorValue } from '../../../shared/contract/errors';
import type { DeviceState, DeviceStatus } from '../../../shared/contract/methods/devices';
import { printerStatusKey, type PrinterStatus } from '../../../shared/domain/receipt/printer-status';
import type { MeterStatus } from '../../hardware/meters/meter-driver';
import type { ScannerStatus } from '../../hardware/scanners/scanner-events';

/** Builds a status value. */
export function deviceStatus(
  state: DeviceState,
  messageKey: string,
  at: number,
  params: Record<string, unknown> = {},
): DeviceStatus {
  return { state, messageKey, params, at };
}

/**
 * The devices.* message for a serial port problem in an error text from the OS or serialport
 * ("Error: Permission denied, cannot open /dev/ttyUSB0", "Cannot lock port", ENOENT), if any.
 */
export function serialProblemKey(detail: string): string | undefined {
  if (/permission denied|EACCES|EPERM/i.test(detail)) return 'devices.serialPermissionDenied';
  if (/cannot lock port|resource temporarily unavailable|EBUSY|EAGAIN|device or resource busy/i.test(detail))
    return 'devices.serialBusy';
  if (/no such file|ENOENT|no such device|ENODEV|ENXIO/i.test(detail)) return 'devices.serialMissing';
  return undefined;
}

/** The message for an error value: a recognised serial problem, else `errors.<CODE>`. */
export function errorMessage(error: AppErrorValue): { messageKey: string; params: Record<string, unknown> } {
  const detail = typeof error.details.detail === 'string' ? error.details.detail : '';
  const serial = detail ? serialProblemKey(detail) : undefined;
  if (serial) return { messageKey: serial, params: { ...error.details, code: error.code } };
  return { messageKey: error.messageKey, params: error.details };
}

const SCANNER_STATE: Record<ScannerStatus['state'], DeviceState> = {
  stopped: 'stopped',
  searching: 'connecting',
  connected: 'connected',
  disconnected: 'disconnected',
  error: 'error',
};

/** A scanner driver's status as a device status (`scanner.status.*` keys, params device + detail). */
export function fromScannerStatus(s: ScannerStatus): DeviceStatus {
  const params: Record<string, unknown> = { device: s.deviceId ?? '', detail: s.detail ?? '' };
  const serial = s.state === 'error' && s.detail ? serialProblemKey(s.detail) : undefined;
  if (serial) return deviceStatus('error', serial, s.at, { ...params, path: s.deviceId ?? '' });
  return deviceStatus(SCANNER_STATE[s.state], s.messageKey, s.at, params);
}

/** A meter driver's status as a device status (`meter.status.*`, or the error's message). */
export function fromMeterStatus(s: MeterStatus): DeviceStatus {
  switch (s.state) {
    case 'closed':
      return deviceStatus('stopped', 'meter.status.closed', s.at);
    case 'connected':
      return deviceStatus('connected', 'meter.status.connected', s.at);
    case 'no-response': {
      const m = s.error ? errorMessage(s.error) : { messageKey: 'meter.status.no-response', params: {} };
      return deviceStatus('error', m.messageKey, s.at, m.params);
    }
    case 'disconnected': {
      const m = s.error ? errorMessage(s.error) : { messageKey: 'meter.status.disconnected', params: {} };
      return deviceStatus('disconnected', m.messageKey, s.at, m.params);
    }
  }
}

/** A printer status (DLE EOT / ASB / unreachable) as a device status (`printer.status.*`). */
export function fromPrinterStatus(s: PrinterStatus): DeviceStatus {
  const key = printerStatusKey(s);
  switch (s.kind) {
    case 'unknown':
      return deviceStatus('connected', key, s.at);
    case 'no-reply':
      return deviceStatus('error', key, s.at);
    case 'unreachable': {
      const serial = serialProblemKey(s.reason);
      return deviceStatus('disconnected', serial ?? key, s.at, { reason: s.reason, detail: s.reason });
    }
    case 'reported': {
      const problem = s.coverOpen || s.paperOut || s.error || !s.online;
      return deviceStatus(problem ? 'error' : 'connected', key, s.at, {
        paperNearEnd: s.paperNearEnd,
        drawerOpen: s.drawerOpen,
      });
    }
  }
}

/** A failed print as a device status: nothing reachable → disconnected, a printer condition → error. */
export function fromPrintError(error: AppErrorValue, at: number): DeviceStatus {
  const m = errorMessage(error);
  const state: DeviceState =
    error.code === 'PRINTER_CONNECT_FAILED' || error.code === 'PRINTER_WRITE_FAILED'
      ? 'disconnected'
      : 'error';
  return deviceStatus(state, m.messageKey, at, m.params);
}
