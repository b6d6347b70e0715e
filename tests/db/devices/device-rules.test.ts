/**
 * The small rules of the devices area: serial error texts → actionable messages, driver statuses →
 * device states, AIM ids of the simulated scanner, the test page's rulers, and job composition
 * (copies, cut, drawer kick) — all against values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { aimForSymbology } from '../../../core/services/devices/aim-for-symbology';
import {
  fromMeterStatus,
  fromPrinterStatus,
  fromScannerStatus,
  serialProblemKey,
} from '../../../core/services/devices/device-status';
import { jobDocuments } from '../../../core/printing/job-bytes';
import { classifyPrintFailure } from '../../../core/printing/worker';
import { columnRuler } from '../../../core/printing/documents/test-page';
import { AppError } from '../../../shared/contract/errors';
import { SYMBOLOGIES, parseAimId } from '../../../shared/domain/codes/aim';

describe('serial problems', () => {
  it('recognises what serialport and the OS say about a port', () => {
    expect(serialProblemKey('Error: Permission denied, cannot open /dev/ttyUSB0')).toBe(
      'devices.serialPermissionDenied',
    );
    expect(serialProblemKey('EACCES: permission denied')).toBe('devices.serialPermissionDenied');
    expect(serialProblemKey('Error Resource temporarily unavailable Cannot lock port')).toBe(
      'devices.serialBusy',
    );
    expect(serialProblemKey('Error: No such file or directory, cannot open /dev/ttyUSB9')).toBe(
      'devices.serialMissing',
    );
    expect(serialProblemKey('end of file: the other side hung up')).toBeUndefined();
  });
});

describe('device statuses', () => {
  const at = 1_000;
  it('maps scanner, meter and printer statuses to one vocabulary', () => {
    expect(
      fromScannerStatus({ state: 'searching', messageKey: 'scanner.status.searching', at }),
    ).toMatchObject({
      state: 'connecting',
      messageKey: 'scanner.status.searching',
    });
    expect(
      fromScannerStatus({
        state: 'error',
        messageKey: 'scanner.status.openFailed',
        deviceId: 'serial:/dev/ttyACM0',
        detail: 'Error: Permission denied, cannot open /dev/ttyACM0',
        at,
      }),
    ).toMatchObject({ state: 'error', messageKey: 'devices.serialPermissionDenied' });
    expect(
      fromMeterStatus({
        state: 'no-response',
        at,
        error: new AppError('METER_NO_DATA', { port: 'serial:/dev/ttyUSB0', silenceMs: 3000 }).toValue(),
      }),
    ).toEqual({
      state: 'error',
      messageKey: 'errors.METER_NO_DATA',
      params: { port: 'serial:/dev/ttyUSB0', silenceMs: 3000 },
      at,
    });
    expect(
      fromMeterStatus({
        state: 'disconnected',
        at,
        error: new AppError('SERIAL_OPEN_FAILED', {
          path: '/dev/ttyUSB0',
          detail: 'Error Resource temporarily unavailable Cannot lock port',
        }).toValue(),
      }),
    ).toMatchObject({
      state: 'disconnected',
      messageKey: 'devices.serialBusy',
      params: { path: '/dev/ttyUSB0' },
    });
    const flags = {
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      drawerOpen: false,
      error: false,
    };
    expect(fromPrinterStatus({ kind: 'reported', source: 'dle-eot', at, ...flags })).toMatchObject({
      state: 'connected',
      messageKey: 'printer.status.ready',
    });
    expect(
      fromPrinterStatus({ kind: 'reported', source: 'asb', at, ...flags, paperOut: true }),
    ).toMatchObject({
      state: 'error',
      messageKey: 'printer.status.paperOut',
    });
    expect(fromPrinterStatus({ kind: 'unreachable', reason: 'ECONNREFUSED', at })).toMatchObject({
      state: 'disconnected',
      messageKey: 'printer.status.unreachable',
    });
    expect(fromPrinterStatus({ kind: 'unknown', at })).toMatchObject({
      state: 'connected',
      messageKey: 'printer.status.unknown',
    });
  });
});

describe('print failures', () => {
  it('retries only when nothing can have printed', () => {
    const e = (code: string, phase: string): AppError => new AppError(code, { printer: 'x', phase });
    expect(classifyPrintFailure(e('PRINTER_PAPER_OUT', 'before'))).toEqual({
      code: 'PRINTER_PAPER_OUT',
      phase: 'before',
      retry: true,
    });
    expect(classifyPrintFailure(e('PRINTER_CONNECT_FAILED', 'connect')).retry).toBe(true);
    expect(classifyPrintFailure(e('PRINTER_PAPER_OUT', 'after')).retry).toBe(false);
    expect(classifyPrintFailure(e('PRINTER_WRITE_FAILED', 'during')).retry).toBe(false);
    expect(classifyPrintFailure(new Error('boom'))).toEqual({
      code: 'PRINT_FAILED',
      phase: null,
      retry: false,
    });
  });
});

describe('simulated scanner AIM ids', () => {
  it('gives every symbology an identifier that parses back to it', () => {
    for (const s of SYMBOLOGIES) expect(parseAimId(aimForSymbology(s))?.symbology, s).toBe(s);
    expect(aimForSymbology('gs1-128')).toBe(']C1');
    expect(aimForSymbology('ean-upc')).toBe(']E0');
  });
});

describe('test page and job composition', () => {
  it('rulers mark every 5th column with + and every 10th with its tens digit', () => {
    expect(columnRuler(32)).toBe('....+....1....+....2....+....3..');
    expect(columnRuler(48)).toHaveLength(48);
    expect(columnRuler(48).slice(35, 48)).toBe('....4....+...');
  });

  it('repeats the layout per copy with a cut each, the drawer kick once at the start', () => {
    const layout = { paper: 80 as const, blocks: [{ kind: 'text' as const, text: 'x' }] };
    const docs = jobDocuments(layout, { paper: 58, copies: 2, openDrawer: true });
    expect(docs.map((d) => d.paper)).toEqual([58, 58]);
    expect(docs.map((d) => d.blocks.map((b) => b.kind))).toEqual([
      ['drawer-kick', 'text', 'feed', 'cut'],
      ['text', 'feed', 'cut'],
    ]);
    const withCut = {
      paper: 80 as const,
      blocks: [{ kind: 'text' as const, text: 'x' }, { kind: 'cut' as const }],
    };
    expect(jobDocuments(withCut, { paper: 80, copies: 1, openDrawer: false })[0]?.blocks).toHaveLength(2);
  });
});
