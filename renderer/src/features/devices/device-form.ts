/**
 * The add/edit device form as plain data (pure): which drivers fit a kind, which connections fit
 * a driver, the form's text fields, and the check that turns them into a `devices.save` input or
 * names what is wrong with each field (`devices.ui.form.problem.*` keys).
 */
import {
  DEVICE_DRIVERS,
  DRIVER_KIND,
  DRIVER_TRANSPORTS,
  deviceRole,
  type DeviceDriver,
  type DeviceKind,
  type DeviceOptions,
  type DeviceTransport,
  type DeviceView,
  type TransportType,
} from '../../../../shared/contract/methods/devices';
import type { MethodInput } from '../../../../shared/contract';

export type SaveDeviceInput = MethodInput<'devices.save'>;

export interface DeviceFormState {
  id?: number;
  kind: DeviceKind;
  name: string;
  role: string;
  driver: DeviceDriver;
  transportType: TransportType;
  serialPath: string;
  baudRate: string;
  tcpHost: string;
  tcpPort: string;
  filePath: string;
  /** USB vendor / product id as hex digits (empty = any HID-POS scanner). */
  hidVendor: string;
  hidProduct: string;
  enabled: boolean;
  /** Options and transport of the device being edited, kept as they are. */
  options: DeviceOptions;
  original?: DeviceTransport;
}

export type FormField =
  | 'name'
  | 'role'
  | 'serialPath'
  | 'baudRate'
  | 'tcpHost'
  | 'tcpPort'
  | 'filePath'
  | 'hidVendor'
  | 'hidProduct';

/** Field → i18n key of the problem (`devices.ui.form.problem.<name>`). */
export type FormProblems = Partial<Record<FormField, string>>;

/** The role a new device of this kind usually has. */
export const DEFAULT_ROLE: Record<DeviceKind, string> = {
  printer: 'receipt-printer',
  scanner: 'counter-scanner',
  meter: 'bench-1-meter',
};

/** Drivers of a kind, in the contract's order. */
export function driversFor(kind: DeviceKind): DeviceDriver[] {
  return DEVICE_DRIVERS.filter((d) => DRIVER_KIND[d] === kind);
}

/** Connections a driver can use (simulated only where the contract offers it). */
export function transportsFor(driver: DeviceDriver): readonly TransportType[] {
  return DRIVER_TRANSPORTS[driver];
}

/** True when the driver's serial line is fixed (the UT61E always talks 19200 7O1). */
export function fixedSerialLine(driver: DeviceDriver): boolean {
  return driver === 'ut61e';
}

/** An empty form for a new device of `kind`. */
export function emptyForm(kind: DeviceKind): DeviceFormState {
  const driver = driversFor(kind)[0] ?? 'escpos';
  return {
    kind,
    name: '',
    role: DEFAULT_ROLE[kind],
    driver,
    transportType: transportsFor(driver)[0] ?? 'serial',
    serialPath: '',
    baudRate: '',
    tcpHost: '',
    tcpPort: '',
    filePath: '',
    hidVendor: '',
    hidProduct: '',
    enabled: true,
    options: {},
  };
}

const hex = (n: number | undefined) => (n === undefined ? '' : n.toString(16).padStart(4, '0'));

/** The form for editing a configured device. */
export function formFromDevice(d: DeviceView): DeviceFormState {
  const f: DeviceFormState = {
    ...emptyForm(d.kind),
    id: d.id,
    name: d.name,
    role: d.role,
    driver: d.driver,
    transportType: d.transport.type,
    enabled: d.enabled,
    options: d.options,
    original: d.transport,
  };
  const t = d.transport;
  if (t.type === 'serial') return { ...f, serialPath: t.path, baudRate: t.baudRate?.toString() ?? '' };
  if (t.type === 'tcp') return { ...f, tcpHost: t.host, tcpPort: t.port?.toString() ?? '' };
  if (t.type === 'file') return { ...f, filePath: t.path };
  if (t.type === 'hid') return { ...f, hidVendor: hex(t.vendorId), hidProduct: hex(t.productId) };
  return f;
}

/** The form with another kind: driver and connection reset to ones that fit. */
export function withKind(f: DeviceFormState, kind: DeviceKind): DeviceFormState {
  if (kind === f.kind) return f;
  const driver = driversFor(kind)[0] ?? f.driver;
  const role = f.role === DEFAULT_ROLE[f.kind] || f.role === '' ? DEFAULT_ROLE[kind] : f.role;
  return withDriver({ ...f, kind, role }, driver);
}

/** The form with another driver: the connection kept if the driver can use it, else its first one. */
export function withDriver(f: DeviceFormState, driver: DeviceDriver): DeviceFormState {
  const allowed = transportsFor(driver);
  const transportType = allowed.includes(f.transportType) ? f.transportType : (allowed[0] ?? 'serial');
  return { ...f, driver, transportType };
}

const TCP_HOST = /^[A-Za-z0-9.:-]{1,253}$/;
const HEX_ID = /^[0-9a-fA-F]{1,4}$/;

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** The transport the form describes, or the problems of its fields. */
function transportOf(f: DeviceFormState, problems: FormProblems): DeviceTransport | null {
  switch (f.transportType) {
    case 'serial': {
      const path = f.serialPath.trim();
      if (!path) problems.serialPath = 'pathRequired';
      const keep = f.original?.type === 'serial' ? f.original : undefined;
      const t: DeviceTransport = { ...keep, type: 'serial', path };
      if (fixedSerialLine(f.driver) || f.baudRate.trim() === '') delete t.baudRate;
      else {
        const baud = intIn(f.baudRate, 50, 4_000_000);
        if (baud === null) problems.baudRate = 'baudRate';
        else t.baudRate = baud;
      }
      return t;
    }
    case 'tcp': {
      const host = f.tcpHost.trim();
      if (!TCP_HOST.test(host)) problems.tcpHost = 'host';
      const keep = f.original?.type === 'tcp' ? f.original : undefined;
      const t: DeviceTransport = { ...keep, type: 'tcp', host };
      if (f.tcpPort.trim() === '') delete t.port;
      else {
        const port = intIn(f.tcpPort, 1, 65_535);
        if (port === null) problems.tcpPort = 'port';
        else t.port = port;
      }
      return t;
    }
    case 'file': {
      const path = f.filePath.trim();
      if (!path) problems.filePath = 'pathRequired';
      return { type: 'file', path };
    }
    case 'hid': {
      const v = f.hidVendor.trim();
      const p = f.hidProduct.trim();
      if (v === '' && p === '') return { type: 'hid' };
      if (!HEX_ID.test(v)) problems.hidVendor = 'usbId';
      if (!HEX_ID.test(p)) problems.hidProduct = 'usbId';
      return { type: 'hid', vendorId: parseInt(v || '0', 16), productId: parseInt(p || '0', 16) };
    }
    case 'simulated':
      return { type: 'simulated' };
  }
}

/** Checks the form; on success the `devices.save` input, else the problem of each field. */
export function toSaveInput(
  f: DeviceFormState,
): { ok: true; input: SaveDeviceInput } | { ok: false; problems: FormProblems } {
  const problems: FormProblems = {};
  const name = f.name.trim();
  if (name.length < 1 || name.length > 60) problems.name = 'name';
  const role = f.role.trim();
  if (!deviceRole.safeParse(role).success) problems.role = 'role';
  const transport = transportOf(f, problems);
  if (Object.keys(problems).length > 0 || !transport) return { ok: false, problems };
  const input: SaveDeviceInput = {
    kind: f.kind,
    role,
    name,
    driver: f.driver,
    transport,
    options: f.options,
    enabled: f.enabled,
  };
  if (f.id !== undefined) input.id = f.id;
  return { ok: true, input };
}
