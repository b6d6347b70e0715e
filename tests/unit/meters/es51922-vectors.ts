/**
 * Hand-derived ES51922 (UT61E) packets with the reading each one means, worked out byte by
 * byte from the datasheet's serial format (range · 5 digits · function · status · option1–4 ·
 * CR LF; every byte 0x3X). Shared by the parser tests and the hostile-input properties.
 */
import type { MeterFunction } from '../../../shared/domain/meter/reading';

export interface Vector {
  name: string;
  bytes: number[];
  function: MeterFunction;
  value: number | null;
  display: string;
  range?: string;
}

const CRLF = [0x0d, 0x0a];

export const VECTORS: Vector[] = [
  {
    // range '1' = 22.000 V; digits 1 9 4 7 0; function 0x3B voltage; status 0; option3 = DC|AUTO (0x38|0x32).
    name: '19.470 V DC on the 22 V range, auto',
    bytes: [0x31, 0x31, 0x39, 0x34, 0x37, 0x30, 0x3b, 0x30, 0x30, 0x30, 0x3a, 0x30, ...CRLF],
    function: 'DCV',
    value: 19.47,
    display: '19.470 V',
    range: '22 V',
  },
  {
    // range '4' = 220.00 mV; digits 0 1 2 3 4 → 12.34 mV; status SIGN (bit 2); option3 DC only (manual).
    name: '-12.34 mV DC on the 220 mV range, manual',
    bytes: [0x34, 0x30, 0x31, 0x32, 0x33, 0x34, 0x3b, 0x34, 0x30, 0x30, 0x38, 0x30, ...CRLF],
    function: 'DCV',
    value: -0.01234,
    display: '-12.34 mV',
    range: '220 mV',
  },
  {
    // range '3' = 2200.0 V; digits 0 2 3 0 1 → 230.1 V; option3 AC|AUTO = 0x36.
    name: '230.1 V AC',
    bytes: [0x33, 0x30, 0x32, 0x33, 0x30, 0x31, 0x3b, 0x30, 0x30, 0x30, 0x36, 0x30, ...CRLF],
    function: 'ACV',
    value: 230.1,
    display: '230.1 V',
    range: '2200 V',
  },
  {
    // range '2' = 22.000 kΩ; digits 0 4 7 0 0 → 4.700 kΩ; function 0x33 resistance; option3 AUTO.
    name: '4.700 kΩ',
    bytes: [0x32, 0x30, 0x34, 0x37, 0x30, 0x30, 0x33, 0x30, 0x30, 0x30, 0x32, 0x30, ...CRLF],
    function: 'OHM',
    value: 4700,
    display: '4.700 kΩ',
    range: '22 kΩ',
  },
  {
    // range '6' = 220.00 MΩ; status OL (bit 0) → open circuit.
    name: 'OL on the 220 MΩ range',
    bytes: [0x36, 0x30, 0x30, 0x30, 0x30, 0x30, 0x33, 0x31, 0x30, 0x30, 0x32, 0x30, ...CRLF],
    function: 'OHM',
    value: null,
    display: 'OL',
    range: '220 MΩ',
  },
  {
    // range '1' = 220.00 nF; digits 1 0 0 0 0 → 100.00 nF; function 0x36 capacitance.
    name: '100.00 nF',
    bytes: [0x31, 0x31, 0x30, 0x30, 0x30, 0x30, 0x36, 0x30, 0x30, 0x30, 0x32, 0x30, ...CRLF],
    function: 'CAP',
    value: 1e-7,
    display: '100.00 nF',
    range: '220 nF',
  },
  {
    // range '1' = 220.0 Hz; digits 0 0 5 0 0 → 50.0 Hz; function 0x32 frequency, judge bit clear.
    name: '50.0 Hz',
    bytes: [0x31, 0x30, 0x30, 0x35, 0x30, 0x30, 0x32, 0x30, 0x30, 0x30, 0x32, 0x30, ...CRLF],
    function: 'FREQ',
    value: 50,
    display: '50.0 Hz',
    range: '220 Hz',
  },
  {
    // function 0x32 with the judge bit (status 0x38) is duty cycle, 0.1 % per count: 00500 → 50.0 %.
    name: '50.0 % duty cycle',
    bytes: [0x30, 0x30, 0x30, 0x35, 0x30, 0x30, 0x32, 0x38, 0x30, 0x30, 0x32, 0x30, ...CRLF],
    function: 'DUTY',
    value: 50,
    display: '50.0 %',
  },
  {
    // function 0x3F auto mA, range '0' = 22.000 mA; digits 1 2 3 4 5; option3 DC|AUTO.
    name: '12.345 mA DC',
    bytes: [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x3f, 0x30, 0x30, 0x30, 0x3a, 0x30, ...CRLF],
    function: 'DCA',
    value: 0.012345,
    display: '12.345 mA',
    range: '22 mA',
  },
  {
    // function 0x3D auto µA, range '0' = 220.00 µA; digits 1 2 3 4 5; option3 AC|AUTO.
    name: '123.45 µA AC',
    bytes: [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x3d, 0x30, 0x30, 0x30, 0x36, 0x30, ...CRLF],
    function: 'ACA',
    value: 0.00012345,
    display: '123.45 µA',
    range: '220 µA',
  },
  {
    // function 0x30 22 A, range '0' = 22.000 A; digits 0 1 2 3 4; option3 DC.
    name: '1.234 A DC',
    bytes: [0x30, 0x30, 0x31, 0x32, 0x33, 0x34, 0x30, 0x30, 0x30, 0x30, 0x38, 0x30, ...CRLF],
    function: 'DCA',
    value: 1.234,
    display: '1.234 A',
    range: '22 A',
  },
  {
    // function 0x31 diode, range '0' = 2.2000 V; digits 0 5 1 2 3.
    name: 'diode 0.5123 V',
    bytes: [0x30, 0x30, 0x35, 0x31, 0x32, 0x33, 0x31, 0x30, 0x30, 0x30, 0x30, 0x30, ...CRLF],
    function: 'DIODE',
    value: 0.5123,
    display: '0.5123 V',
    range: '2.2 V',
  },
  {
    // function 0x35 continuity, range '0' = 220.00 Ω; digits 0 1 2 3 4.
    name: 'continuity 12.34 Ω',
    bytes: [0x30, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x30, 0x30, 0x30, 0x30, 0x30, ...CRLF],
    function: 'CONT',
    value: 12.34,
    display: '12.34 Ω',
    range: '220 Ω',
  },
  {
    // Voltage function with VAHZ (option3 bit 0, here with AUTO: 0x33): the Hz key in V → frequency.
    name: '50.0 Hz measured from the V function (VAHZ)',
    bytes: [0x31, 0x30, 0x30, 0x35, 0x30, 0x30, 0x3b, 0x30, 0x30, 0x30, 0x33, 0x30, ...CRLF],
    function: 'FREQ',
    value: 50,
    display: '50.0 Hz',
    range: '220 Hz',
  },
];

/** The first vector: 19.470 V DC. */
export const V_19_470 = VECTORS[0] as Vector;
