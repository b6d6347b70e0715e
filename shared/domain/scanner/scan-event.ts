/**
 * The decoded-scan contract: what every scanner driver (HID-POS, serial, keyboard wedge, simulator)
 * hands on, validated with zod so shared/contract can reuse these schemas for the `scanner.scan`
 * push event.
 */
import { z } from 'zod';
import { SYMBOLOGIES } from '../codes/aim';
import { UNKNOWN_SCAN_REASONS, type ScanClassification } from '../codes/classify';
import { DOCUMENT_TYPES } from '../codes/document-number';
import { GTIN_FORMATS } from '../codes/gtin';

export const SCAN_SOURCES = ['hid', 'serial', 'wedge', 'simulated'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const documentNumberSchema = z.object({
  text: z.string(),
  type: z.enum(DOCUMENT_TYPES),
  prefix: z.string().length(1),
  day: isoDay,
  sequence: z.number().int().min(1).max(999_999),
});

export const gs1PayloadSchema = z.object({
  elements: z.array(z.object({ ai: z.string().regex(/^\d{2,4}$/), value: z.string() })),
  sscc: z.string().optional(),
  gtin: z.string().optional(),
  contentGtin: z.string().optional(),
  batch: z.string().optional(),
  productionDate: isoDay.optional(),
  packagingDate: isoDay.optional(),
  bestBefore: isoDay.optional(),
  expiry: isoDay.optional(),
  serial: z.string().optional(),
  additionalId: z.string().optional(),
  customerPartNumber: z.string().optional(),
  orderNumber: z.string().optional(),
  shipToGln: z.string().optional(),
});

export const scanClassificationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sale-receipt'), code: z.string(), document: documentNumberSchema }),
  z.object({ kind: z.literal('document'), code: z.string(), document: documentNumberSchema }),
  z.object({
    kind: z.literal('gtin'),
    code: z.string(),
    gtin: z.object({
      format: z.enum(GTIN_FORMATS),
      gtin14: z.string().regex(/^\d{14}$/),
      restrictedCirculation: z.boolean(),
      addOn: z.string().optional(),
    }),
  }),
  z.object({ kind: z.literal('gs1'), code: z.string(), gs1: gs1PayloadSchema }),
  z.object({
    kind: z.literal('imei'),
    code: z.string(),
    imei: z.object({ imei: z.string().regex(/^\d{15}$/), tac: z.string(), serial: z.string() }),
  }),
  z.object({
    kind: z.literal('badge'),
    code: z.string(),
    badge: z.object({ text: z.string(), badgeCode: z.string() }),
  }),
  z.object({
    kind: z.literal('serial'),
    code: z.string(),
    serial: z.object({
      value: z.string(),
      imeisv: z.object({ tac: z.string(), serial: z.string(), softwareVersion: z.string() }).optional(),
    }),
  }),
  z.object({
    kind: z.literal('unknown'),
    code: z.string(),
    reason: z.enum(UNKNOWN_SCAN_REASONS),
    detail: z.string().optional(),
  }),
]);

export const scanEventSchema = z.object({
  source: z.enum(SCAN_SOURCES),
  /** Which device read it, e.g. `hid:1eab:1d06`, `serial:/dev/ttyUSB0`, `wedge`. */
  deviceId: z.string().optional(),
  /** The code as read, after the AIM prefix and the terminator were removed. */
  code: z.string(),
  /** AIM symbology identifier, e.g. `]E0`, when the scanner sent one. */
  aim: z.string().optional(),
  symbology: z.enum(SYMBOLOGIES).optional(),
  /** When it was read, UTC epoch ms. */
  at: z.number().int().nonnegative(),
  classification: scanClassificationSchema,
});

export type ScanEvent = z.infer<typeof scanEventSchema>;

// The schema and the classifier's own type must describe the same values, both ways.
type SchemaClassification = z.infer<typeof scanClassificationSchema>;
const toSchema = (c: ScanClassification): SchemaClassification => c;
const fromSchema = (c: SchemaClassification): ScanClassification => c;
void toSchema;
void fromSchema;
