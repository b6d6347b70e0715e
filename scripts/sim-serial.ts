/**
 * Simulated serial devices for manual trials: for each device named on the command line it
 * starts a socat pseudo-terminal pair, runs the simulator on one end over the real
 * serialport stack and prints the other end's path (plus a stable symlink) to configure in
 * CounterDesk or any terminal program. Ctrl-C stops everything and removes the links.
 *
 *   npx tsx scripts/sim-serial.ts ut61e scpi [--value 19.47] [--function DCV] [--noise 0.0005]
 *                                 [--interval 500] [--link-dir /tmp/counterdesk-sim]
 *
 * Devices: scpi (SCPI bench meter, 9600 8N1), ut61e (UNI-T UT61E, 19200 7O1),
 * printer-echo (ESC/POS printer that prints what it gets and answers DLE EOT with "ready"),
 * scanner (serial barcode scanner sending a code + CR every few seconds).
 * While running, type a line to steer the simulators: "ACV 0.35", "19.5", "OL" for meters;
 * any other text is sent by the scanner as a scan.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  createScpiMeterSimulator,
  type ScpiMeterSimulator,
} from '../core/hardware/meters/scpi-meter-simulator';
import { UT61E_SERIAL_SETTINGS } from '../core/hardware/meters/ut61e-driver';
import { createUt61eSimulator, type Ut61eSimulator } from '../core/hardware/meters/ut61e-simulator';
import { constantSource, noisySource, type SimValue } from '../core/hardware/meters/value-source';
import { createSerialTransport, type SerialTransport } from '../core/hardware/transport/serial-transport';
import { METER_FUNCTIONS, type MeterFunction } from '../shared/domain/meter/reading';
import { startSocatPair, stopAllSocatPairs } from '../tests/helpers/socat-pair';

const DEVICES = ['scpi', 'ut61e', 'printer-echo', 'scanner'] as const;
type Device = (typeof DEVICES)[number];

interface Options {
  devices: Device[];
  value: number;
  fn: MeterFunction;
  noise: number;
  intervalMs: number;
  linkDir: string;
}

function usage(message?: string): never {
  if (message) console.error(`sim-serial: ${message}`);
  console.error(
    'usage: npx tsx scripts/sim-serial.ts <scpi|ut61e|printer-echo|scanner>... ' +
      '[--value 19.47] [--function DCV] [--noise 0.0005] [--interval 500] [--link-dir DIR]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    devices: [],
    value: 19.47,
    fn: 'DCV',
    noise: 0.0005,
    intervalMs: 500,
    linkDir: '/tmp/counterdesk-sim',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === '--value') o.value = Number(next());
    else if (arg === '--noise') o.noise = Number(next());
    else if (arg === '--interval') o.intervalMs = Number(next());
    else if (arg === '--link-dir') o.linkDir = next();
    else if (arg === '--function') {
      const fn = next().toUpperCase();
      if (!(METER_FUNCTIONS as readonly string[]).includes(fn)) usage(`unknown function ${fn}`);
      o.fn = fn as MeterFunction;
    } else if ((DEVICES as readonly string[]).includes(arg)) o.devices.push(arg as Device);
    else usage(`unknown argument ${arg}`);
  }
  if (o.devices.length === 0) usage('name at least one device');
  if (!Number.isFinite(o.value) || !Number.isFinite(o.noise) || !(o.intervalMs > 0)) usage('bad number');
  return o;
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const printable = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');

/** Sample codes a counter scanner would read: an EAN-13 and a 15-digit IMEI, both with valid check digits. */
const SAMPLE_SCANS = ['4006381333931', '490154203237518'];

interface Running {
  device: Device;
  port: SerialTransport;
  steer(line: string): boolean;
  stop(): void;
}

async function startDevice(device: Device, o: Options): Promise<Running> {
  const links: [string, string] = [join(o.linkDir, device), join(o.linkDir, `${device}.sim`)];
  const pair = await startSocatPair({ links });
  const settings = device === 'ut61e' ? UT61E_SERIAL_SETTINGS : { baudRate: 9600 };
  const port = createSerialTransport({ path: links[1], ...settings });
  await port.open();
  const lineInfo = device === 'ut61e' ? '19200 baud, 7 data bits, odd parity, 1 stop bit' : '9600 8N1';
  console.log(`${device.padEnd(12)} open ${pair.ptyA}  (link ${links[0]}; ${lineInfo})`);
  port.onClose((e) => console.log(`${device}: simulator end closed${e ? `: ${e.message}` : ''}`));

  const meterValue = (text: string): { fn?: MeterFunction; value?: SimValue } | null => {
    const parts = text.trim().split(/\s+/);
    const out: { fn?: MeterFunction; value?: SimValue } = {};
    for (const p of parts) {
      const upper = p.toUpperCase();
      if ((METER_FUNCTIONS as readonly string[]).includes(upper)) out.fn = upper as MeterFunction;
      else if (upper === 'OL') out.value = 'OL';
      else if (p !== '' && Number.isFinite(Number(p))) out.value = Number(p);
      else return null;
    }
    return out;
  };

  if (device === 'ut61e') {
    const sim: Ut61eSimulator = createUt61eSimulator({
      transport: port,
      intervalMs: o.intervalMs,
      initial: { function: o.fn, value: noisySource(o.value, o.noise, 1) },
    });
    sim.start();
    return {
      device,
      port,
      steer(line) {
        const v = meterValue(line);
        if (!v) return false;
        sim.set({
          ...(v.fn ? { function: v.fn } : {}),
          ...(v.value !== undefined
            ? { value: v.value === 'OL' ? 'OL' : noisySource(v.value, o.noise, 1) }
            : {}),
        });
        console.log(`ut61e: now ${line.trim()}`);
        return true;
      },
      stop: () => sim.stop(),
    };
  }

  if (device === 'scpi') {
    const sim: ScpiMeterSimulator = createScpiMeterSimulator({
      transport: port,
      source: noisySource(o.value, o.noise, 1),
      initialFunction: o.fn,
    });
    sim.start();
    let seen = 0;
    const logger = setInterval(() => {
      for (; seen < sim.received.length; seen++) console.log(`scpi <- ${sim.received[seen]}`);
    }, 200);
    return {
      device,
      port,
      steer(line) {
        const v = meterValue(line);
        if (!v || v.value === undefined) return false;
        sim.setSource(v.value === 'OL' ? constantSource('OL') : noisySource(v.value, o.noise, 1));
        console.log(`scpi: now ${line.trim()}`);
        return true;
      },
      stop: () => {
        clearInterval(logger);
        sim.stop();
      },
    };
  }

  if (device === 'printer-echo') {
    let tail: number[] = []; // last bytes of the previous chunk, for a DLE EOT split across chunks
    port.onData((chunk) => {
      console.log(`printer <- ${hex(chunk)}  |${printable(chunk)}|`);
      const bytes = [...tail, ...chunk];
      // DLE EOT n (n = 1…4): real-time status; 0x12 = online, cover closed, paper present, no error.
      for (let i = 0; i + 2 < bytes.length; i++) {
        const n = bytes[i + 2] ?? 0;
        if (bytes[i] === 0x10 && bytes[i + 1] === 0x04 && n >= 1 && n <= 4) {
          void port.write(Uint8Array.of(0x12)).catch(() => undefined);
          i += 2;
        }
      }
      tail = bytes.slice(-2);
      if (tail.length === 2 && tail[0] === 0x10 && tail[1] === 0x04) return;
      tail = tail.slice(-1)[0] === 0x10 ? tail.slice(-1) : [];
    });
    return { device, port, steer: () => false, stop: () => undefined };
  }

  // scanner
  let next = 0;
  const send = (code: string): void => {
    void port.write(new TextEncoder().encode(`${code}\r`)).catch(() => undefined);
    console.log(`scanner -> ${code}`);
  };
  const timer = setInterval(() => send(SAMPLE_SCANS[next++ % SAMPLE_SCANS.length] as string), 3000);
  return {
    device,
    port,
    steer(line) {
      if (line.trim() === '') return false;
      send(line.trim());
      return true;
    },
    stop: () => clearInterval(timer),
  };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(o.linkDir, { recursive: true });
  const running: Running[] = [];
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping simulators…');
    for (const r of running) {
      r.stop();
      if (r.port.isOpen) await r.port.close();
    }
    await stopAllSocatPairs(); // socat removes its links on exit
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  for (const device of o.devices) running.push(await startDevice(device, o));
  console.log('running; type a line to steer (e.g. "ACV 0.35", "OL", or a code to scan); Ctrl-C to stop');
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const handled = running.some((r) => r.steer(line));
    if (!handled) console.log(`nothing understood "${line}"`);
  });
  rl.on('close', () => {
    // stdin closed (e.g. run in the background): keep running until a signal.
  });
}

main().catch(async (e: unknown) => {
  console.error(`sim-serial: ${e instanceof Error ? e.message : String(e)}`);
  await stopAllSocatPairs();
  process.exit(1);
});
