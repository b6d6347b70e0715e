/**
 * The shape a saved draft must have to be resumed: drafts come back from the database as unknown
 * JSON (another version of the app may have written them), so they are parsed, never trusted.
 */
import { z } from 'zod';
import { commitInput } from '../../../../shared/contract/methods/returns';
import { COUNTER_PAYMENT_TENDERS } from '../../../../shared/domain/money/tenders';
import { CONDITION_GRADES, RETURN_REASONS } from '../../../../shared/domain/policy/vocabulary';
import { DISPOSITIONS } from '../../../../shared/domain/returns/dispositions';
import { RETURN_RESOLUTIONS } from '../../../../shared/domain/returns/resolutions';
import { STEPS, type ReturnWork } from './work';

const lineWork = z.object({
  lineNo: z.number().int().positive(),
  selected: z.boolean(),
  qty: z.number().int().min(0).max(10_000),
  reason: z.enum(RETURN_REASONS).nullable(),
  grade: z.enum(CONDITION_GRADES).nullable(),
  answers: z.record(z.string().max(40), z.boolean()),
  serialScanned: z.string().max(60),
  notes: z.string().max(1000),
  disposition: z.enum(DISPOSITIONS).nullable(),
});

const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('receipt'), receiptNo: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal('no_receipt'),
    code: z.string().max(64),
    codeKind: z.enum(['sku', 'gtin']),
    customerPhone: z.string().max(20),
    customerName: z.string().max(40),
    idDocument: z.string().max(40),
    product: z.object({ sku: z.string(), name: z.string(), categoryCode: z.string().nullable() }).nullable(),
  }),
]);

const workSchema = z.object({
  v: z.literal(1),
  attemptKey: z.string().min(8).max(100),
  step: z.enum(STEPS),
  source: source.nullable(),
  lines: z.array(lineWork).max(50),
  resolution: z.enum(RETURN_RESOLUTIONS).nullable(),
  exchangeItems: z
    .array(z.object({ sku: z.string().min(1).max(64), qty: z.number().int().positive().max(100) }))
    .max(20),
  exchangeTender: z.enum(COUNTER_PAYMENT_TENDERS).nullable(),
  waiveFee: z.boolean(),
  note: z.string().max(500),
  pending: z.unknown().nullable(),
});

/** The draft's data as a ReturnWork, or null when it is not one this version can resume. */
export function parseWork(data: unknown): ReturnWork | null {
  const r = workSchema.safeParse(data);
  if (!r.success) return null;
  const pending = r.data.pending === null ? null : commitInput.safeParse(r.data.pending);
  if (pending && !pending.success) return null;
  return { ...r.data, pending: pending ? withoutToken(pending.data) : null };
}

function withoutToken(input: z.infer<typeof commitInput>): ReturnWork['pending'] {
  const { overrideToken: _token, ...rest } = input;
  return rest;
}
