/**
 * The one receipt layout model. A document is a paper width plus a list of blocks; the same
 * document renders to fixed-width lines (render-lines), to an HTML preview (render-html) and
 * to ESC/POS bytes (core/hardware/printers/escpos-encoder). Print jobs may be stored as JSON,
 * so the model is a zod schema: parse stored or foreign documents with `receiptDocumentSchema`.
 */
import { z } from 'zod';

/** Paper widths in millimetres and how many Font A columns (12 dots each) they print. */
export const PAPER_COLUMNS = { 58: 32, 80: 48 } as const;
export type PaperWidth = keyof typeof PAPER_COLUMNS;

/** QR byte-mode capacity of a version 40 symbol at error correction level M. */
export const QR_MAX_BYTES_LEVEL_M = 2331;

export const alignSchema = z.enum(['left', 'center', 'right']);
export type Align = z.infer<typeof alignSchema>;

/** normal; double-height (tall); double-width (wide, half the columns); double (both). */
export const textSizeSchema = z.enum(['normal', 'double-height', 'double-width', 'double']);
export type TextSize = z.infer<typeof textSizeSchema>;

const text = z.string().max(4000);

export const textBlockSchema = z.object({
  kind: z.literal('text'),
  text,
  align: alignSchema.optional(),
  bold: z.boolean().optional(),
  size: textSizeSchema.optional(),
});

/** One cell of a columns row: a flexible `weight` share of the free width, or a fixed `cols` width. */
export const columnCellSchema = z.object({
  text,
  align: alignSchema.optional(),
  weight: z.number().int().min(1).max(100).optional(),
  cols: z.number().int().min(1).max(48).optional(),
  /** `wrap` (default) continues long text on the next lines; `truncate` cuts it at the cell width. */
  overflow: z.enum(['wrap', 'truncate']).optional(),
});

export const columnsBlockSchema = z.object({
  kind: z.literal('columns'),
  cells: z.array(columnCellSchema).min(1).max(8),
  bold: z.boolean().optional(),
  /** Spaces between cells (default 1). */
  gap: z.number().int().min(0).max(4).optional(),
});

export const separatorBlockSchema = z.object({
  kind: z.literal('separator'),
  char: z.enum(['-', '=']).optional(),
});

export const feedBlockSchema = z.object({
  kind: z.literal('feed'),
  lines: z.number().int().min(1).max(20).optional(),
});

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

export const qrBlockSchema = z.object({
  kind: z.literal('qr'),
  data: z
    .string()
    .min(1)
    .refine((s) => utf8Length(s) <= QR_MAX_BYTES_LEVEL_M, 'QR data too long'),
  /** Module size in printer dots, 1–16 (default 6). */
  moduleSize: z.number().int().min(1).max(16).optional(),
  align: alignSchema.optional(),
});

export const barcodeBlockSchema = z.discriminatedUnion('symbology', [
  z.object({
    kind: z.literal('barcode'),
    symbology: z.literal('code128'),
    /** Printable ASCII, printed in code set B. */
    data: z.string().regex(/^[\x20-\x7e]{1,80}$/),
    height: z.number().int().min(1).max(255).optional(),
    hri: z.boolean().optional(),
    align: alignSchema.optional(),
  }),
  z.object({
    kind: z.literal('barcode'),
    symbology: z.literal('ean13'),
    /** 12 digits (the printer adds the check digit) or 13 digits. */
    data: z.string().regex(/^\d{12,13}$/),
    height: z.number().int().min(1).max(255).optional(),
    hri: z.boolean().optional(),
    align: alignSchema.optional(),
  }),
]);

export const cutBlockSchema = z.object({
  kind: z.literal('cut'),
  mode: z.enum(['full', 'partial']).optional(),
});

export const drawerKickBlockSchema = z.object({
  kind: z.literal('drawer-kick'),
  /** Drawer kick-out connector pin (2 = drawer 1, 5 = drawer 2); default 2. */
  pin: z.union([z.literal(2), z.literal(5)]).optional(),
});

export const copyKindSchema = z.enum(['store', 'customer']);
export type CopyKind = z.infer<typeof copyKindSchema>;

/** "STORE COPY" / "CUSTOMER COPY" in the document's locale (texts from shared/i18n/areas/printer). */
export const copyLabelBlockSchema = z.object({
  kind: z.literal('copy-label'),
  copy: copyKindSchema,
});

export const receiptBlockSchema = z.discriminatedUnion('kind', [
  textBlockSchema,
  columnsBlockSchema,
  separatorBlockSchema,
  feedBlockSchema,
  qrBlockSchema,
  barcodeBlockSchema,
  cutBlockSchema,
  drawerKickBlockSchema,
  copyLabelBlockSchema,
]);

export const receiptDocumentSchema = z.object({
  paper: z.union([z.literal(58), z.literal(80)]),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
  blocks: z.array(receiptBlockSchema).max(1000),
});

export type ColumnsBlock = z.infer<typeof columnsBlockSchema>;
export type ReceiptBlock = z.infer<typeof receiptBlockSchema>;
export type ReceiptDocument = z.infer<typeof receiptDocumentSchema>;

/** Columns of Font A text on the document's paper (58 mm → 32, 80 mm → 48). */
export function paperColumns(paper: PaperWidth): number {
  return PAPER_COLUMNS[paper];
}
