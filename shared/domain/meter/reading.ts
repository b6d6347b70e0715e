/**
 * One multimeter reading as every driver emits it and the bench stores it: the value in the
 * SI base unit (V, A, Ω, F, Hz, °C, %), the function the meter was in, overload, the
 * annunciator flags, the text the meter showed, and when it arrived.
 */
import { z } from 'zod';
import { METER_UNITS, type MeterUnit } from './units';

export const METER_FUNCTIONS = [
  'DCV',
  'ACV',
  'DCA',
  'ACA',
  'OHM',
  'CONT',
  'DIODE',
  'CAP',
  'FREQ',
  'TEMP',
  'DUTY',
] as const;
export type MeterFunction = (typeof METER_FUNCTIONS)[number];

export const meterFunctionSchema = z.enum(METER_FUNCTIONS);
export const meterUnitSchema = z.enum(METER_UNITS);

const FUNCTION_UNIT: Record<MeterFunction, MeterUnit> = {
  DCV: 'V',
  ACV: 'V',
  DCA: 'A',
  ACA: 'A',
  OHM: 'Ω',
  CONT: 'Ω',
  DIODE: 'V',
  CAP: 'F',
  FREQ: 'Hz',
  TEMP: '°C',
  DUTY: '%',
};

/** The base unit a function's value is expressed in (DCV → V, CONT → Ω, DUTY → %). */
export function unitOfFunction(fn: MeterFunction): MeterUnit {
  return FUNCTION_UNIT[fn];
}

export const readingFlagsSchema = z.object({
  hold: z.boolean(),
  auto: z.boolean(),
  rel: z.boolean(),
  min: z.boolean(),
  max: z.boolean(),
  lowBattery: z.boolean(),
  /** Peak-hold maximum / minimum shown (ES51922 Pmax/Pmin). */
  peakMax: z.boolean().optional(),
  peakMin: z.boolean().optional(),
  /** The meter reported under-range (ES51922 UL); such a reading is also `overload`. */
  underflow: z.boolean().optional(),
});
export type ReadingFlags = z.infer<typeof readingFlagsSchema>;

/** All flags off. */
export const NO_FLAGS: ReadingFlags = Object.freeze({
  hold: false,
  auto: false,
  rel: false,
  min: false,
  max: false,
  lowBattery: false,
});

export const instrumentSchema = z.object({
  /** Driver that produced the reading: 'scpi', 'ut61e', ... */
  driver: z.string().min(1),
  /** Transport id, e.g. `serial:/dev/ttyUSB0`. */
  port: z.string().optional(),
  manufacturer: z.string().optional(),
  model: z.string().optional(),
  serial: z.string().optional(),
  firmware: z.string().optional(),
});

export const readingSchema = z
  .object({
    /** Value in the SI base unit of `unit`; null when overloaded or when the meter gave no number. */
    value: z.number().finite().nullable(),
    unit: meterUnitSchema,
    function: meterFunctionSchema,
    /** Range the meter was on, as the meter names it (e.g. "22 V", "AUTO", "10"). */
    range: z.string().optional(),
    overload: z.boolean(),
    flags: readingFlagsSchema,
    /** What the meter's display showed, e.g. "19.470 V" or "OL". */
    display: z.string(),
    /** Arrival time, UTC epoch ms. */
    at: z.number().int().nonnegative(),
    instrument: instrumentSchema.optional(),
  })
  .refine((r) => !r.overload || r.value === null, {
    message: 'an overloaded reading has no value',
    path: ['value'],
  })
  .refine((r) => r.unit === '' || r.unit === FUNCTION_UNIT[r.function], {
    message: 'unit does not match the function',
    path: ['unit'],
  });
export type Reading = z.infer<typeof readingSchema>;
