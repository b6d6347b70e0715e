/**
 * Store IT diagnostics on the command line: `devices list` (configured devices + the serial
 * ports and HID-POS scanners on this PC), `print-test` (the test page straight through the
 * printer driver, no queue), `meter read` (readings from a meter on a serial port) and
 * `scan parse` (what a code is and where a scan of it goes).
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/contract/errors';
import { classifyScan, routeFor } from '../../../shared/domain/codes/classify';
import type { Reading } from '../../../shared/domain/meter/reading';
import type { PaperWidth } from '../../../shared/domain/receipt/layout';
import { printerStatusKey, type PrinterStatus } from '../../../shared/domain/receipt/printer-status';
import { composeCore } from '../../compose';
import { dbPath } from '../../data-dir';
import { detectHardware } from '../../services/devices/detect-hardware';
import { encodeJob } from '../../printing/job-bytes';
import { testPageLayout } from '../../printing/documents/test-page';
import { ScpiMeter } from '../../hardware/meters/scpi-driver';
import type { ScpiIdentity } from '../../hardware/meters/scpi-protocol';
import { Ut61eDriver } from '../../hardware/meters/ut61e-driver';
import { EscPosPrinter } from '../../hardware/printers/printer-driver';
import { createFileTransport } from '../../hardware/transport/file-transport';
import { createSerialTransport } from '../../hardware/transport/serial-transport';
import { createTcpTransport } from '../../hardware/transport/tcp-transport';
import type { ByteTransport } from '../../hardware/transport/types';
import { flagString, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import { pickLocale, type Out } from '../output';
import { dataDirOf } from '../session';

type Command = (args: ParsedArgs, out: Out) => number | Promise<number>;

const USAGE = {
  devices: 'devices list [--json]',
  printTest: 'print-test --port PATH [--baud N] | --tcp HOST:PORT | --file FILE [--width 58|80]',
  meter: 'meter read --port PATH --driver scpi|ut61e [--count N] [--baud N] [--json]',
  scan: 'scan parse CODE [--json]',
} as const;

function usage(text: string): never {
  throw new AppError('CLI_USAGE', { usage: text });
}

function positiveInt(args: ParsedArgs, name: string, fallback: number, usageText: string): number {
  const raw = flagString(args, name);
  if (raw === undefined) return args.flags.has(name) ? usage(usageText) : fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) usage(usageText);
  return n;
}

/** `counterdesk devices list`: configured devices (when a store exists) and detected hardware. */
export async function devicesCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.positionals[1] !== 'list') usage(USAGE.devices);
  const dataDir = dataDirOf(args);
  let configured = null;
  let detected;
  if (existsSync(dbPath(dataDir))) {
    const core = composeCore({ dataDir, host: 'cli', firstRun: 'refuse', log: { error: () => undefined } });
    try {
      const m = core.ctx.services.devices;
      configured = m.list();
      detected = await m.detect();
    } finally {
      core.close();
    }
  } else {
    detected = await detectHardware([]);
  }
  if (out.json) {
    out.data({ dataDir, devices: configured, detected });
    return EXIT.OK;
  }
  if (configured === null) out.print(out.t('devices.cli.noStore'));
  else {
    out.print(out.t('devices.cli.configured'));
    if (configured.length === 0) out.print(`  ${out.t('devices.cli.noDevices')}`);
    for (const d of configured) {
      const state = out.t(d.status.messageKey, d.status.params);
      out.print(
        `  #${d.id} ${d.name} [${out.t(`devices.kind.${d.kind}`)}, ${d.role}, ${out.t(`devices.driver.${d.driver}`)}] — ${state}`,
      );
    }
  }
  out.print(out.t('devices.cli.serialPorts'));
  if (!detected.serial.ok) out.print(`  ${out.t(detected.serial.messageKey, detected.serial.params)}`);
  else if (detected.serial.ports.length === 0) out.print(`  ${out.t('devices.cli.noSerialPorts')}`);
  else
    for (const p of detected.serial.ports) {
      const about = [p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : undefined]
        .filter(Boolean)
        .join(' ');
      const note = p.messageKey ? ` — ${out.t(p.messageKey, p.params)}` : '';
      out.print(`  ${p.path}${about ? ` (${about})` : ''}${note}`);
    }
  out.print(out.t('devices.cli.hidScanners'));
  if (!detected.hid.ok) out.print(`  ${out.t(detected.hid.messageKey, detected.hid.params)}`);
  else if (detected.hid.scanners.length === 0) out.print(`  ${out.t('devices.cli.noHidScanners')}`);
  else
    for (const s of detected.hid.scanners) {
      const hex = (n: number): string => n.toString(16).padStart(4, '0');
      out.print(
        `  ${hex(s.vendorId)}:${hex(s.productId)} ${s.manufacturer ?? ''} ${s.product ?? ''}`.trimEnd(),
      );
    }
  return EXIT.OK;
}

function printerTransport(args: ParsedArgs): ByteTransport {
  const port = flagString(args, 'port');
  const tcp = flagString(args, 'tcp');
  const file = flagString(args, 'file');
  if ([port, tcp, file].filter((v) => v !== undefined).length !== 1) usage(USAGE.printTest);
  if (port !== undefined)
    return createSerialTransport({ path: port, baudRate: positiveInt(args, 'baud', 9600, USAGE.printTest) });
  if (tcp !== undefined) {
    const m = /^(.+):(\d{1,5})$/.exec(tcp);
    const host = m?.[1];
    const portNo = Number(m?.[2]);
    if (!host || !(portNo >= 1 && portNo <= 65535)) usage(USAGE.printTest);
    return createTcpTransport({ host, port: portNo });
  }
  return createFileTransport(file as string);
}

/** `counterdesk print-test`: the test page through the ESC/POS driver (status before and after). */
export async function printTestCommand(args: ParsedArgs, out: Out): Promise<number> {
  const widthText = flagString(args, 'width') ?? '80';
  if (widthText !== '58' && widthText !== '80') usage(USAGE.printTest);
  const paper: PaperWidth = widthText === '58' ? 58 : 80;
  const transport = printerTransport(args);
  const now = Date.now();
  const layout = testPageLayout({
    deviceName: 'counterdesk print-test',
    connection: transport.id,
    storeName: 'CounterDesk',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    locale: pickLocale(flagString(args, 'lang')),
    now,
  });
  const printer = new EscPosPrinter({ transport });
  try {
    const report = await printer.print(encodeJob(layout, { paper, copies: 1, openDrawer: false }));
    const word = (s: PrinterStatus): string => out.t(printerStatusKey(s));
    if (out.json) out.data({ paper, ...report });
    else
      out.print(
        out.t('devices.cli.printed', {
          printer: report.printer,
          bytes: report.bytesWritten,
          before: word(report.before),
          after: word(report.after),
        }),
      );
    return EXIT.OK;
  } finally {
    await printer.close().catch(() => undefined);
  }
}

async function scpiReadings(
  path: string,
  baudRate: number,
  count: number,
): Promise<{ identity: ScpiIdentity; readings: Reading[] }> {
  const meter = new ScpiMeter({
    transport: createSerialTransport({ path, baudRate }),
    autoReconnect: false,
  });
  try {
    await meter.connect();
    const identity = await meter.identify();
    const readings: Reading[] = [];
    for (let i = 0; i < count; i++) readings.push(await meter.read());
    return { identity, readings };
  } finally {
    await meter.stop();
  }
}

async function ut61eReadings(path: string, count: number): Promise<Reading[]> {
  const meter = new Ut61eDriver({ path, autoReconnect: false, silenceMs: 3000 });
  const readings: Reading[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      meter.onReading((r) => {
        readings.push(r);
        if (readings.length >= count) resolve();
      });
      meter.onStatus((s) => {
        if (s.state === 'disconnected' || s.state === 'no-response') {
          const e = s.error;
          reject(e ? new AppError(e.code, e.details) : new AppError('METER_NO_DATA', { port: meter.id }));
        }
      });
      void meter.start();
    });
    return readings.slice(0, count);
  } finally {
    await meter.stop();
  }
}

/** `counterdesk meter read`: N readings from a SCPI meter or a UT61E on a serial port. */
export async function meterCommand(args: ParsedArgs, out: Out): Promise<number> {
  const path = flagString(args, 'port');
  const driver = flagString(args, 'driver');
  if (args.positionals[1] !== 'read' || !path || (driver !== 'scpi' && driver !== 'ut61e'))
    usage(USAGE.meter);
  const count = positiveInt(args, 'count', 1, USAGE.meter);
  let identity: ScpiIdentity | undefined;
  let readings: Reading[];
  if (driver === 'scpi') {
    ({ identity, readings } = await scpiReadings(path, positiveInt(args, 'baud', 9600, USAGE.meter), count));
  } else {
    readings = await ut61eReadings(path, count);
  }
  if (out.json) {
    out.data({ port: path, driver, ...(identity ? { identity } : {}), readings });
    return EXIT.OK;
  }
  if (identity) out.print(out.t('devices.cli.identity', { ...identity }));
  for (const r of readings)
    out.print(
      out.t('devices.cli.reading', { display: r.display, fn: out.t(`meter.function.${r.function}`) }),
    );
  out.print(out.t('devices.cli.readingCount', { count: readings.length, port: path }));
  return EXIT.OK;
}

/** `counterdesk scan parse CODE`: the classification of a code and the screen a scan of it opens. */
export function scanCommand(args: ParsedArgs, out: Out): number {
  const code = args.positionals[2];
  if (args.positionals[1] !== 'parse' || code === undefined) usage(USAGE.scan);
  const classification = classifyScan(code);
  const route = routeFor(classification);
  if (out.json) {
    out.data({ classification, route });
    return EXIT.OK;
  }
  out.print(`${classification.code}`);
  out.print(out.t('devices.cli.scanKind', { kind: out.t(`scanner.kind.${classification.kind}`) }));
  if (classification.kind === 'unknown')
    out.print(
      out.t('devices.cli.scanReason', { reason: out.t(`scanner.unknownReason.${classification.reason}`) }),
    );
  out.print(out.t('devices.cli.scanRoute', { route: out.t(`scanner.route.${route}`) }));
  return EXIT.OK;
}

/** The commands this file adds to `counterdesk` (registered in core/cli/main.ts). */
export const DEVICE_COMMANDS: Record<string, { run: Command; usage: string }> = {
  devices: { run: devicesCommand, usage: USAGE.devices },
  'print-test': { run: printTestCommand, usage: USAGE.printTest },
  meter: { run: meterCommand, usage: USAGE.meter },
  scan: { run: scanCommand, usage: USAGE.scan },
};
