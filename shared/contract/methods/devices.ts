/**
 * Devices and the print queue: configured scanners, receipt printers and bench meters with their
 * live status, the hardware detected on this PC, the durable print queue (jobs, retry, cancel,
 * reprint, preview, test page), simulator controls for demo mode, and the schemas of the device
 * push events (`scanner.scan`, `device.status`, `meter.reading`, `print.job`, see ../events.ts).
 */
import { z } from 'zod';
import { SCAN_ROUTES } from '../../domain/codes/classify';
import { SYMBOLOGIES } from '../../domain/codes/aim';
import { METER_FUNCTIONS, readingSchema } from '../../domain/meter/reading';
import { scanEventSchema } from '../../domain/scanner/scan-event';
import { method } from '../define';
import { epochMs } from '../schemas';

export const DEVICE_KINDS = ['scanner', 'printer', 'meter'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const deviceKind = z.enum(DEVICE_KINDS);

export const DEVICE_DRIVERS = ['hid-pos', 'serial-scanner', 'escpos', 'scpi', 'ut61e'] as const;
export type DeviceDriver = (typeof DEVICE_DRIVERS)[number];
export const deviceDriver = z.enum(DEVICE_DRIVERS);

/** The kind of device each driver drives. */
export const DRIVER_KIND: Readonly<Record<DeviceDriver, DeviceKind>> = {
  'hid-pos': 'scanner',
  'serial-scanner': 'scanner',
  escpos: 'printer',
  scpi: 'meter',
  ut61e: 'meter',
};

export const TRANSPORT_TYPES = ['serial', 'tcp', 'file', 'hid', 'simulated'] as const;
export type TransportType = (typeof TRANSPORT_TYPES)[number];

/** Which transports each driver can talk over ('simulated' = an in-memory simulator speaking the same bytes). */
export const DRIVER_TRANSPORTS: Readonly<Record<DeviceDriver, readonly TransportType[]>> = {
  'hid-pos': ['hid', 'simulated'],
  'serial-scanner': ['serial', 'simulated'],
  escpos: ['serial', 'tcp', 'file', 'simulated'],
  scpi: ['serial', 'tcp', 'simulated'],
  ut61e: ['serial', 'simulated'],
};

/** Roles name what a device is for: `receipt-printer`, `counter-scanner`, `bench-1-meter`. */
export const deviceRole = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and -');

export const serialTransportSchema = z
  .object({
    type: z.literal('serial'),
    path: z.string().min(1).max(255),
    baudRate: z.number().int().min(50).max(4_000_000).optional(),
    dataBits: z.union([z.literal(5), z.literal(6), z.literal(7), z.literal(8)]).optional(),
    parity: z.enum(['none', 'even', 'odd', 'mark', 'space']).optional(),
    stopBits: z.union([z.literal(1), z.literal(1.5), z.literal(2)]).optional(),
    dtr: z.boolean().optional(),
    rts: z.boolean().optional(),
    rtscts: z.boolean().optional(),
  })
  .strict();

export const tcpTransportSchema = z
  .object({
    type: z.literal('tcp'),
    host: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, 'a host name or IP address'),
    /** Default 9100 (printers); SCPI meters on a LAN usually listen on 5025. */
    port: z.number().int().min(1).max(65_535).optional(),
    connectTimeoutMs: z.number().int().min(100).max(60_000).optional(),
  })
  .strict();

export const fileTransportSchema = z
  .object({ type: z.literal('file'), path: z.string().min(1).max(1024) })
  .strict();

export const hidTransportSchema = z
  .object({
    type: z.literal('hid'),
    /** For scanners that do not report usage page 0x8C: pick by vendor/product id. */
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
  })
  .strict();

export const simulatedTransportSchema = z.object({ type: z.literal('simulated') }).strict();

export const deviceTransportSchema = z.discriminatedUnion('type', [
  serialTransportSchema,
  tcpTransportSchema,
  fileTransportSchema,
  hidTransportSchema,
  simulatedTransportSchema,
]);
export type DeviceTransport = z.infer<typeof deviceTransportSchema>;

/** Per-device tuning; every field optional, each used by the drivers it concerns. */
export const deviceOptionsSchema = z
  .object({
    /** Printers: which drawer-pin level means "open". */
    drawerOpenLevel: z.enum(['low', 'high']).optional(),
    /** Printers: how long to wait for DLE EOT replies (ms). */
    replyTimeoutMs: z.number().int().min(100).max(10_000).optional(),
    /** Printers: ask the printer's status this often while idle (ms); 0 = never. */
    statusPollMs: z.number().int().min(0).max(3_600_000).optional(),
    /** SCPI meters: poll READ? this often (ms). */
    streamIntervalMs: z.number().int().min(50).max(60_000).optional(),
    /** SCPI meters: per-command answer timeout (ms). */
    timeoutMs: z.number().int().min(100).max(60_000).optional(),
    /** UT61E: no packet for this long → no response (ms). */
    silenceMs: z.number().int().min(500).max(60_000).optional(),
    /** Scanners: how often to look for an absent scanner / reopen its port (ms). */
    pollMs: z.number().int().min(100).max(60_000).optional(),
    /** Simulated meters: what they measure at start. */
    simFunction: z.enum(METER_FUNCTIONS).optional(),
    simValue: z.number().finite().optional(),
    simNoise: z.number().finite().min(0).optional(),
    /** Simulated UT61E: ms between packets (the meter sends ~2 per second). */
    simIntervalMs: z.number().int().min(10).max(10_000).optional(),
  })
  .strict();
export type DeviceOptions = z.infer<typeof deviceOptionsSchema>;

export const deviceConfigSchema = z
  .object({
    kind: deviceKind,
    role: deviceRole,
    name: z.string().trim().min(1).max(60),
    driver: deviceDriver,
    transport: deviceTransportSchema,
    options: deviceOptionsSchema,
    enabled: z.boolean(),
  })
  .strict();
export type DeviceConfig = z.infer<typeof deviceConfigSchema>;

export const DEVICE_STATES = ['stopped', 'connecting', 'connected', 'disconnected', 'error'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

/** A device's live status: state plus an i18n key (with params) that says it in words. */
export const deviceStatusSchema = z.object({
  state: z.enum(DEVICE_STATES),
  messageKey: z.string(),
  params: z.record(z.string(), z.unknown()),
  at: epochMs,
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

/** A configured device as listed: role and name as stored (a damaged row is shown, flagged `invalid`). */
export const deviceViewSchema = z.object({
  id: z.number().int(),
  kind: deviceKind,
  role: z.string(),
  name: z.string(),
  driver: deviceDriver,
  transport: deviceTransportSchema,
  options: deviceOptionsSchema,
  enabled: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
  status: deviceStatusSchema,
  /** True when the other end is an in-memory simulator (demo mode). */
  simulated: z.boolean(),
  /** Set when the stored row does not validate: the first problem; such a device is never opened. */
  invalid: z.string().optional(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

export const SERIAL_PORT_ACCESS = ['ok', 'denied', 'in-use', 'unknown'] as const;

export const detectedSerialPortSchema = z.object({
  path: z.string(),
  manufacturer: z.string().optional(),
  serialNumber: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  pnpId: z.string().optional(),
  access: z.enum(SERIAL_PORT_ACCESS),
  /** Why the port cannot be used as is (permission, used by a configured device). */
  messageKey: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  /** Id of the configured device that uses this port. */
  usedBy: z.number().int().optional(),
});

export const detectedHidScannerSchema = z.object({
  vendorId: z.number().int(),
  productId: z.number().int(),
  path: z.string().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  serialNumber: z.string().optional(),
  usagePage: z.number().int().optional(),
  usedBy: z.number().int().optional(),
});

/** An enumeration that could not run: an i18n key and the technical detail. */
const unavailable = z.object({
  ok: z.literal(false),
  messageKey: z.string(),
  params: z.record(z.string(), z.unknown()),
});

export const detectedHardwareSchema = z.object({
  serial: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), ports: z.array(detectedSerialPortSchema) }),
    unavailable,
  ]),
  hid: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), scanners: z.array(detectedHidScannerSchema) }),
    unavailable,
  ]),
});
export type DetectedHardware = z.infer<typeof detectedHardwareSchema>;

// ---- print queue -------------------------------------------------------------------------

export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed', 'cancelled'] as const;
export type PrintJobStatus = (typeof PRINT_JOB_STATUSES)[number];

/** Kinds the services print; any lower-case snake_case kind is accepted. */
export const PRINT_JOB_KINDS = [
  'return_slip',
  'exchange_slip',
  'repair_intake',
  'shelf_tag',
  'pickup',
  'daily_summary',
  'test',
] as const;
export const printJobKind = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const errorRef = z.object({ code: z.string(), messageKey: z.string() });

export const printAttemptSchema = z.object({
  id: z.number().int(),
  startedAt: epochMs,
  finishedAt: epochMs.nullable(),
  /** started = sent, and never finished (a crash or a stop mid-job); interrupted = found so at startup. */
  outcome: z.enum(['started', 'done', 'failed', 'interrupted']),
  error: errorRef.nullable(),
  /** Where in the job it failed: connect / before (nothing printed), during / after (maybe partly printed). */
  phase: z.enum(['connect', 'before', 'during', 'after']).nullable(),
  device: z.string().nullable(),
});

export const printJobSchema = z.object({
  id: z.number().int(),
  createdAt: epochMs,
  kind: z.string(),
  docRef: z.string().nullable(),
  role: z.string(),
  copies: z.number().int(),
  openDrawer: z.boolean(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: epochMs,
  lastError: errorRef.nullable(),
  printedAt: epochMs.nullable(),
  reprintOf: z.number().int().nullable(),
  staffId: z.number().int().nullable(),
  attemptLog: z.array(printAttemptSchema).optional(),
});
export type PrintJobView = z.infer<typeof printJobSchema>;

const jobIdInput = z.object({ jobId: z.number().int().positive() }).strict();
const deviceIdInput = z.object({ deviceId: z.number().int().positive() }).strict();

// ---- events --------------------------------------------------------------------------------

export const scannerScanPayload = scanEventSchema.safeExtend({ route: z.enum(SCAN_ROUTES) });
export const deviceStatusPayload = z.object({
  deviceId: z.number().int(),
  kind: deviceKind,
  role: z.string(),
  state: z.enum(DEVICE_STATES),
  messageKey: z.string(),
  params: z.record(z.string(), z.unknown()),
  at: epochMs,
});
export const meterReadingPayload = z.object({
  deviceId: z.number().int(),
  role: z.string(),
  reading: readingSchema,
});
export const printJobPayload = z.object({
  jobId: z.number().int(),
  status: z.enum(PRINT_JOB_STATUSES),
  kind: z.string(),
  docRef: z.string().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: epochMs.optional(),
  error: errorRef.optional(),
});

// ---- methods -------------------------------------------------------------------------------

const testReadOutput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meter'),
    reading: readingSchema,
    identity: z
      .object({ manufacturer: z.string(), model: z.string(), serial: z.string(), firmware: z.string() })
      .optional(),
  }),
  z.object({ kind: z.literal('printer'), status: deviceStatusSchema }),
  z.object({ kind: z.literal('scanner'), status: deviceStatusSchema }),
]);

export const devicesMethods = {
  'devices.list': method({
    summary: 'Configured devices with live status, plus scanners and serial ports found on this PC.',
    access: 'devices.read',
    input: z.object({ detect: z.boolean().optional() }).strict(),
    output: z.object({
      running: z.boolean(),
      devices: z.array(deviceViewSchema),
      detected: detectedHardwareSchema.nullable(),
    }),
  }),
  'devices.save': method({
    summary: 'Add a device, or change one (by id); it is reopened with the new settings.',
    access: 'devices.manage',
    input: z
      .object({
        id: z.number().int().positive().optional(),
        kind: deviceKind,
        role: deviceRole,
        name: z.string().trim().min(1).max(60),
        driver: deviceDriver,
        transport: deviceTransportSchema,
        options: deviceOptionsSchema.optional(),
        enabled: z.boolean().optional(),
      })
      .strict(),
    output: deviceViewSchema,
  }),
  'devices.remove': method({
    summary: 'Remove a device (closes it first).',
    access: 'devices.manage',
    input: deviceIdInput,
    output: z.object({ removed: z.boolean() }),
  }),
  'devices.testRead': method({
    summary: 'One reading from a meter (with its identity for SCPI), or the status of a printer or scanner.',
    access: 'devices.read',
    input: deviceIdInput,
    output: testReadOutput,
  }),
  'devices.testPrint': method({
    summary: 'Queue a test page (Chinese text, 58/80 mm rulers, a QR code) on this printer.',
    access: 'devices.read',
    input: deviceIdInput,
    output: z.object({ jobId: z.number().int() }),
  }),
  'devices.simulateScan': method({
    summary: 'Demo: scan a code on the simulated scanner (through the real HID-POS parser).',
    access: 'devices.read',
    input: z
      .object({ code: z.string().min(1).max(4000), symbology: z.enum(SYMBOLOGIES).optional() })
      .strict(),
    output: z.object({ deviceId: z.number().int() }),
  }),
  'devices.simulateMeter': method({
    summary: 'Demo: set what a simulated meter measures (function, value, noise, overload).',
    access: 'devices.read',
    input: z
      .object({
        deviceId: z.number().int().positive(),
        value: z.number().finite(),
        function: z.enum(METER_FUNCTIONS),
        noise: z.number().finite().min(0).optional(),
        overload: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ deviceId: z.number().int() }),
  }),
  'devices.simulatedPaper': method({
    summary: 'Demo: what the simulated printer has printed, as text lines, and how many bytes it received.',
    access: 'devices.read',
    input: deviceIdInput,
    output: z.object({
      deviceId: z.number().int(),
      lines: z.array(z.string()),
      bytes: z.number().int(),
      /** Items received while it could not print (paper out, cover open…); they print when it can. */
      held: z.number().int(),
    }),
  }),
  'print.jobs': method({
    summary: 'Print jobs, newest first, with filters (status, kind, document, time).',
    access: 'devices.read',
    input: z
      .object({
        status: z.array(z.enum(PRINT_JOB_STATUSES)).min(1).optional(),
        kind: printJobKind.optional(),
        docRef: z.string().min(1).max(80).optional(),
        since: epochMs.optional(),
        until: epochMs.optional(),
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).optional(),
        withAttempts: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ jobs: z.array(printJobSchema) }),
  }),
  'print.retry': method({
    summary: 'Try a queued or failed job again now.',
    access: 'signed-in',
    input: jobIdInput,
    output: printJobSchema,
  }),
  'print.cancel': method({
    summary: 'Cancel a job that has not printed (audited).',
    access: 'signed-in',
    input: jobIdInput,
    output: printJobSchema,
  }),
  'print.reprint': method({
    summary: 'Print a job again as a new job (no drawer kick; audited).',
    access: 'signed-in',
    input: z
      .object({ jobId: z.number().int().positive(), copies: z.number().int().min(1).max(5).optional() })
      .strict(),
    output: printJobSchema,
  }),
  'print.preview': method({
    summary: 'The job as an HTML preview, on the paper width it will print on.',
    access: 'devices.read',
    input: jobIdInput,
    output: z.object({
      jobId: z.number().int(),
      paper: z.union([z.literal(58), z.literal(80)]),
      html: z.string(),
    }),
  }),
};
