/** The add/edit device form (renderer/src/features/devices/device-form): drivers per kind, connections per driver, checks. */
import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../../shared/contract/methods/devices';
import {
  driversFor,
  emptyForm,
  formFromDevice,
  toSaveInput,
  withDriver,
  withKind,
} from '../../../../renderer/src/features/devices/device-form';

describe('device form', () => {
  it('offers the drivers of each kind and resets driver and connection when the kind changes', () => {
    expect(driversFor('scanner')).toEqual(['hid-pos', 'serial-scanner']);
    expect(driversFor('meter')).toEqual(['scpi', 'ut61e']);
    const f = emptyForm('printer');
    expect([f.driver, f.transportType, f.role]).toEqual(['escpos', 'serial', 'receipt-printer']);
    const scanner = withKind({ ...f, transportType: 'tcp' }, 'scanner');
    expect([scanner.driver, scanner.transportType, scanner.role]).toEqual([
      'hid-pos',
      'hid',
      'counter-scanner',
    ]);
    // A role the manager typed is kept across a kind change.
    expect(withKind({ ...f, role: 'back-printer' }, 'meter').role).toBe('back-printer');
    // The UT61E only talks serial: a TCP choice falls back to serial.
    expect(withDriver({ ...emptyForm('meter'), transportType: 'tcp' }, 'ut61e').transportType).toBe('serial');
  });

  it('a serial printer: path and baud rate', () => {
    const r = toSaveInput({
      ...emptyForm('printer'),
      name: ' 前台打印机 ',
      serialPath: '/dev/ttyUSB0',
      baudRate: '19200',
    });
    expect(r).toEqual({
      ok: true,
      input: {
        kind: 'printer',
        role: 'receipt-printer',
        name: '前台打印机',
        driver: 'escpos',
        transport: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 },
        options: {},
        enabled: true,
      },
    });
  });

  it('the UT61E line is fixed: a typed baud rate is not sent', () => {
    const f = withDriver(
      { ...emptyForm('meter'), name: 'UT61E', serialPath: '/dev/ttyUSB1', baudRate: '9600' },
      'ut61e',
    );
    const r = toSaveInput(f);
    expect(r.ok && r.input.transport).toEqual({ type: 'serial', path: '/dev/ttyUSB1' });
  });

  it('TCP host and port are checked; an empty port means the driver’s default', () => {
    const base = { ...emptyForm('printer'), name: 'LAN', transportType: 'tcp' as const };
    expect(toSaveInput({ ...base, tcpHost: '192.168.1.50', tcpPort: '' })).toMatchObject({
      ok: true,
      input: { transport: { type: 'tcp', host: '192.168.1.50' } },
    });
    expect(toSaveInput({ ...base, tcpHost: 'printer.local', tcpPort: '9100' })).toMatchObject({
      ok: true,
      input: { transport: { type: 'tcp', host: 'printer.local', port: 9100 } },
    });
    expect(toSaveInput({ ...base, tcpHost: 'bad host!', tcpPort: '70000' })).toEqual({
      ok: false,
      problems: { tcpHost: 'host', tcpPort: 'port' },
    });
    expect(toSaveInput({ ...base, tcpHost: '10.0.0.9', tcpPort: '0' })).toEqual({
      ok: false,
      problems: { tcpPort: 'port' },
    });
  });

  it('USB ids are hex; none means any HID-POS scanner; one without the other is a problem', () => {
    const base = { ...emptyForm('scanner'), name: 'Honeywell' };
    expect(toSaveInput({ ...base, hidVendor: '0c2e', hidProduct: '0B61' })).toMatchObject({
      ok: true,
      input: { transport: { type: 'hid', vendorId: 0x0c2e, productId: 0x0b61 } },
    });
    expect(toSaveInput(base)).toMatchObject({ ok: true, input: { transport: { type: 'hid' } } });
    expect(toSaveInput({ ...base, hidVendor: '0c2e' })).toEqual({
      ok: false,
      problems: { hidProduct: 'usbId' },
    });
    expect(toSaveInput({ ...base, hidVendor: '12345', hidProduct: 'xyz' })).toEqual({
      ok: false,
      problems: { hidVendor: 'usbId', hidProduct: 'usbId' },
    });
  });

  it('name, role and path are required in their shapes', () => {
    expect(toSaveInput({ ...emptyForm('printer'), role: 'Receipt Printer' })).toEqual({
      ok: false,
      problems: { name: 'name', role: 'role', serialPath: 'pathRequired' },
    });
    expect(
      toSaveInput({ ...emptyForm('printer'), name: 'x'.repeat(61), serialPath: '/dev/x', baudRate: '12' }),
    ).toEqual({
      ok: false,
      problems: { name: 'name', baudRate: 'baudRate' },
    });
  });

  it('editing keeps what the form does not show (line settings, options) and sends the id', () => {
    const device: DeviceView = {
      id: 5,
      kind: 'meter',
      role: 'bench-1-meter',
      name: 'Bench meter',
      driver: 'scpi',
      transport: { type: 'serial', path: '/dev/ttyUSB2', baudRate: 9600, parity: 'none', dtr: true },
      options: { streamIntervalMs: 250 },
      enabled: false,
      createdAt: 1,
      updatedAt: 2,
      status: { state: 'stopped', messageKey: 'devices.state.disabled', params: {}, at: 2 },
      simulated: false,
    };
    const f = formFromDevice(device);
    expect([f.serialPath, f.baudRate, f.enabled]).toEqual(['/dev/ttyUSB2', '9600', false]);
    expect(toSaveInput({ ...f, baudRate: '115200' })).toEqual({
      ok: true,
      input: {
        id: 5,
        kind: 'meter',
        role: 'bench-1-meter',
        name: 'Bench meter',
        driver: 'scpi',
        transport: { type: 'serial', path: '/dev/ttyUSB2', baudRate: 115200, parity: 'none', dtr: true },
        options: { streamIntervalMs: 250 },
        enabled: false,
      },
    });
  });
});
