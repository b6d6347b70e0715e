/**
 * Returns and exchanges at the counter: open a sale for return, quote (policy + inspection + money),
 * commit in one transaction (idempotent), read back, reprint, preview the slip, and drafts.
 * Core recomputes every amount and decision; nothing the renderer sends is trusted beyond the request.
 */
import { z } from 'zod';
import { CONDITION_GRADES, OUTCOMES, RESOLUTIONS, RETURN_REASONS } from '../../domain/policy/vocabulary';
import { COUNTER_PAYMENT_TENDERS, REFUND_TENDERS } from '../../domain/money/tenders';
import { DISPOSITIONS } from '../../domain/returns/dispositions';
import { RETURN_RESOLUTIONS } from '../../domain/returns/resolutions';
import { method } from '../define';
import { currency, day, epochMs, idempotencyKey, minor, nonNegativeMinor, staffSummary } from '../schemas';
import { sale } from './sales';

export const returnResolution = z.enum(RETURN_RESOLUTIONS);
export type ReturnResolution = z.infer<typeof returnResolution>;

/** A sentence of an explanation: an i18n key and its raw params (amounts in minor units, days as YYYY-MM-DD). */
export const reasonSentence = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ReasonSentence = z.infer<typeof reasonSentence>;

const checklistAnswer = z
  .object({
    item: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    ok: z.boolean(),
    note: z.string().max(200).optional(),
  })
  .strict();

export const inspectionInput = z
  .object({
    grade: z.enum(CONDITION_GRADES),
    checklist: z.array(checklistAnswer).max(40).default([]),
    accessoriesComplete: z.boolean(),
    packagingIntact: z.boolean(),
    /** The clerk's check that the item's serial/IMEI is the one sold (null: no serial on the item). */
    serialMatches: z.boolean().nullable().default(null),
    /** The serial/IMEI scanned from the item; when given, core compares it with the sale itself. */
    serialScanned: z.string().trim().min(1).max(40).optional(),
    /** For fault reasons: the fault shows at the counter (null: not tested). */
    faultReproduced: z.boolean().nullable().default(null),
    notes: z.string().max(1000).default(''),
  })
  .strict();
export type InspectionInput = z.infer<typeof inspectionInput>;

export const returnLineInput = z
  .object({
    /** The sale's line number; 1 for the single line of a no-receipt return. */
    lineNo: z.number().int().positive(),
    qty: z.number().int().positive().max(10_000),
    reason: z.enum(RETURN_REASONS),
    inspection: inspectionInput,
    disposition: z.enum(DISPOSITIONS).optional(),
  })
  .strict();
export type ReturnLineInput = z.infer<typeof returnLineInput>;

export const noReceiptInput = z
  .object({
    productSku: z.string().trim().min(1).max(64).optional(),
    gtin: z
      .string()
      .regex(/^\d{8,14}$/)
      .optional(),
    customerPhone: z.string().regex(/^\+?\d{7,15}$/),
    /** Used when the phone is not a known customer yet (the commit records the customer). */
    customerName: z.string().trim().max(40).optional(),
    /** ID document number shown by the customer (recorded; shown masked). */
    idDocument: z.string().trim().min(4).max(40),
  })
  .strict()
  .refine((v) => (v.productSku === undefined) !== (v.gtin === undefined), {
    message: 'exactly one of productSku or gtin',
    params: { rule: 'exactly_one', fields: ['productSku', 'gtin'] },
  });
export type NoReceiptInput = z.infer<typeof noReceiptInput>;

export const exchangeItemInput = z
  .object({
    sku: z.string().trim().min(1).max(64),
    qty: z.number().int().positive().max(100),
    serial: z.string().trim().min(1).max(40).optional(),
  })
  .strict();

const quoteShape = {
  receiptNo: z.string().trim().min(1).max(64).optional(),
  noReceipt: noReceiptInput.optional(),
  lines: z.array(returnLineInput).min(1).max(50),
  resolution: returnResolution,
  exchangeItems: z.array(exchangeItemInput).max(20).optional(),
  /** How the customer pays a positive exchange difference. */
  exchangePaymentTender: z.enum(COUNTER_PAYMENT_TENDERS).optional(),
  /** The manager waives the restocking fee (needs a manager override). */
  waiveRestockingFee: z.boolean().default(false),
};

const oneSource = (v: { receiptNo?: string | undefined; noReceipt?: unknown }) =>
  (v.receiptNo === undefined) !== (v.noReceipt === undefined);
const sourceMessage = {
  message: 'exactly one of receiptNo or noReceipt',
  params: { rule: 'exactly_one', fields: ['receiptNo', 'noReceipt'] },
};

export const quoteInput = z.object(quoteShape).strict().refine(oneSource, sourceMessage);
export type QuoteInput = z.infer<typeof quoteInput>;

/** What a commit asks for besides its key and grant: also what a manager approves (auth.requestOverride `request`). */
const requestShape = {
  ...quoteShape,
  /** The signed total the clerk confirmed (quote.totals.totalMinor); a difference refuses the commit. */
  expectedTotalMinor: minor,
  note: z.string().max(500).default(''),
  /** ID document for a receipted return when the store asks for one. */
  idDocument: z.string().trim().min(4).max(40).optional(),
};

export const commitInput = z
  .object({
    ...requestShape,
    idempotencyKey,
    /** One-time grant from auth.requestOverride with action 'returns.commit', for this very request. */
    overrideToken: z.string().min(8).max(200).optional(),
  })
  .strict()
  .refine(oneSource, sourceMessage);
export type CommitInput = z.infer<typeof commitInput>;

/**
 * The return request a manager approves (a commit without its key and grant). The grant is bound to
 * its hash (sale, lines, quantities, resolution, fee waiver, expected total, ID document; not the note).
 */
export const approvalRequest = z.object(requestShape).strict().refine(oneSource, sourceMessage);
export type ApprovalRequest = z.infer<typeof approvalRequest>;

export const LINE_STATUSES = ['allowed', 'needs_manager', 'refused', 'blocked', 'incomplete'] as const;
export const lineStatus = z.enum(LINE_STATUSES);

export const lineMoney = z.object({
  unitPriceMinor: nonNegativeMinor,
  grossMinor: nonNegativeMinor,
  lineDiscountMinor: nonNegativeMinor,
  orderDiscountShareMinor: nonNegativeMinor,
  discountShareMinor: nonNegativeMinor,
  netMinor: nonNegativeMinor,
  taxMinor: nonNegativeMinor,
  taxRateBp: z.number().int(),
  paidMinor: nonNegativeMinor,
  restockingFeeBp: z.number().int(),
  restockingFeeComputedMinor: nonNegativeMinor,
  restockingFeeWaived: z.boolean(),
  restockingFeeMinor: nonNegativeMinor,
  capReductionMinor: nonNegativeMinor,
  /** What goes back to the customer for these units (as money, store credit or exchange credit). */
  refundMinor: nonNegativeMinor,
  lineRefundableAfterMinor: nonNegativeMinor,
});

export const quoteLine = z.object({
  lineNo: z.number().int(),
  productId: z.number().int().nullable(),
  sku: z.string(),
  name: z.string(),
  categoryCode: z.string().nullable(),
  policyProfile: z.string(),
  qty: z.number().int(),
  serial: z.string().nullable(),
  reason: z.enum(RETURN_REASONS),
  inspection: z.object({
    /** The grade core uses (a ✗ on a damage item makes it C-damaged). */
    grade: z.enum(CONDITION_GRADES),
    gradeAdjusted: z.boolean(),
    accessoriesComplete: z.boolean(),
    packagingIntact: z.boolean(),
    serialMatches: z.boolean().nullable(),
    faultConfirmed: z.boolean().nullable(),
    checklist: z.array(z.object({ item: z.string(), ok: z.boolean(), note: z.string() })),
    checklistItems: z.array(z.string()),
    missingItems: z.array(z.string()),
    notes: z.string(),
  }),
  decision: z.object({
    outcome: z.enum(OUTCOMES),
    options: z.array(z.enum(RESOLUTIONS)),
    reasons: z.array(reasonSentence),
    decidingRule: z.string(),
    restockingFeeBp: z.number().int(),
    overrideRefundMode: z.literal('store_credit').nullable(),
    window: z.object({ purchasedOn: day, today: day, days: z.number().int() }).nullable(),
  }),
  /** The decision applied to the requested resolution, plus the service's own checks. */
  status: lineStatus,
  statusReasons: z.array(reasonSentence),
  overridable: z.boolean(),
  disposition: z.enum(DISPOSITIONS),
  allowedDispositions: z.array(z.enum(DISPOSITIONS)),
  money: lineMoney,
});
export type QuoteLine = z.infer<typeof quoteLine>;

export const TENDER_SOURCES = [
  'original',
  'fallback',
  'store_credit_only',
  'customer_payment',
  'exchange_goods',
] as const;
/**
 * Where a part of the return's value goes: a tender (money or store credit back, or the customer's
 * top-up), or `exchange_goods` — the new items of an exchange (their total, source `exchange_goods`).
 * A return's rows always add up to its refund total (docs/RETURNS.md, "The refund ledger").
 */
export const refundTender = z.enum(REFUND_TENDERS);
export const quoteTender = z.object({
  tender: refundTender,
  /** > 0 to the customer (money, store credit or new items); < 0 from the customer (exchange top-up). */
  amountMinor: minor,
  ref: z.string().nullable(),
  saleTenderIndex: z.number().int().nullable(),
  source: z.enum(TENDER_SOURCES),
});

export const MANAGER_CAUSES = ['refused', 'needs_manager', 'resolution_not_offered', 'fee_waiver'] as const;

export const quoteOutput = z.object({
  mode: z.enum(['receipt', 'no_receipt']),
  sale: z.object({ id: z.string(), receiptNo: z.string(), soldAt: epochMs, businessDay: day }).nullable(),
  customer: z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() }).nullable(),
  currency,
  resolution: returnResolution,
  lines: z.array(quoteLine),
  exchange: z
    .object({
      items: z.array(
        z.object({
          productId: z.number().int(),
          sku: z.string(),
          name: z.string(),
          qty: z.number().int(),
          serial: z.string().nullable(),
          unitPriceMinor: nonNegativeMinor,
          grossMinor: nonNegativeMinor,
          taxMinor: nonNegativeMinor,
          totalMinor: nonNegativeMinor,
        }),
      ),
      creditMinor: nonNegativeMinor,
      newTotalMinor: nonNegativeMinor,
      /** newTotal − credit: > 0 the customer pays, < 0 the customer gets it back. */
      differenceMinor: minor,
      /** The customer owes a difference and exchangePaymentTender is not chosen yet. */
      paymentTenderRequired: z.boolean(),
    })
    .nullable(),
  tenders: z.array(quoteTender),
  totals: z.object({
    grossMinor: nonNegativeMinor,
    discountShareMinor: nonNegativeMinor,
    taxMinor: nonNegativeMinor,
    restockingFeeComputedMinor: nonNegativeMinor,
    restockingFeeMinor: nonNegativeMinor,
    /** Value given back for the returned units (money, store credit or exchange credit). */
    refundMinor: nonNegativeMinor,
    storeCreditIssuedMinor: nonNegativeMinor,
    /** Signed money to the customer: refund, or −(what the customer pays) in an exchange. Commit echoes it. */
    totalMinor: minor,
  }),
  opensDrawer: z.boolean(),
  manager: z.object({
    required: z.boolean(),
    /** How an override pays out: as requested, or store credit only (overriding a refusal). */
    payout: z.enum(['as_requested', 'store_credit']),
    because: z.array(
      z.object({
        lineNo: z.number().int().nullable(),
        cause: z.enum(MANAGER_CAUSES),
        reason: reasonSentence,
      }),
    ),
  }),
  /** Whether commit can go ahead now, needs a manager, is blocked, or the inspection is incomplete. */
  commit: z.enum(['ready', 'needs_manager', 'blocked', 'incomplete', 'not_a_return']),
  noReceipt: z
    .object({
      lowestPriceMinor: nonNegativeMinor,
      priceSource: z.enum(['sales_90d', 'current_price']),
      monthUsedMinor: nonNegativeMinor,
      monthlyLimitMinor: nonNegativeMinor,
      idDocumentMasked: z.string(),
    })
    .nullable(),
  /** Set for resolution 'repair': what the repair intake screen starts from (nothing is recorded). */
  repairPrefill: z
    .object({
      saleId: z.string().nullable(),
      receiptNo: z.string().nullable(),
      lineNo: z.number().int().nullable(),
      customer: z
        .object({ id: z.number().int().nullable(), name: z.string(), phone: z.string().nullable() })
        .nullable(),
      product: z.object({
        productId: z.number().int().nullable(),
        sku: z.string(),
        name: z.string(),
        categoryCode: z.string().nullable(),
      }),
      serial: z.string().nullable(),
      soldAt: epochMs.nullable(),
      faultText: z.string(),
      warranty: z.boolean(),
      decidingRule: z.string(),
    })
    .nullable(),
});
export type Quote = z.infer<typeof quoteOutput>;

export const commitOutput = z.object({
  returnId: z.string(),
  /** True when this call replayed an earlier commit with the same idempotency key. */
  replayed: z.boolean(),
  kind: z.enum(['refund', 'exchange', 'store_credit']),
  createdAt: epochMs,
  businessDay: day,
  currency,
  totalMinor: minor,
  refundTotalMinor: nonNegativeMinor,
  restockingFeeMinor: nonNegativeMinor,
  exchangeDueMinor: minor,
  tenders: z.array(quoteTender),
  storeCredit: z.object({ code: z.string(), amountMinor: nonNegativeMinor }).nullable(),
  printJobId: z.number().int(),
  openDrawer: z.boolean(),
  overrideId: z.number().int().nullable(),
});
export type CommitResult = z.infer<typeof commitOutput>;

export const saleForReturnLine = z.object({
  lineNo: z.number().int(),
  productId: z.number().int().nullable(),
  sku: z.string(),
  name: z.string(),
  qty: z.number().int(),
  returnedQty: z.number().int(),
  remainingQty: z.number().int(),
  paidMinor: nonNegativeMinor,
  refundedMinor: nonNegativeMinor,
  refundableMinor: nonNegativeMinor,
  categoryCode: z.string().nullable(),
  policyProfile: z.string(),
  serial: z.string().nullable(),
  checklist: z.array(z.string()),
});

export const returnSummary = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  createdAt: epochMs,
  refundTotalMinor: minor,
  exchangeDueMinor: minor,
  staffName: z.string().nullable(),
  lines: z.array(z.object({ lineNo: z.number().int().nullable(), sku: z.string(), qty: z.number().int() })),
});

export const saleForReturnOutput = z.object({
  sale,
  lines: z.array(saleForReturnLine),
  returns: z.array(returnSummary),
  salePaidMinor: nonNegativeMinor,
  saleRefundedMinor: nonNegativeMinor,
  storeCreditBalanceMinor: minor.nullable(),
});

export const printJobState = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  createdAt: epochMs,
  printedAt: epochMs.nullable(),
  reprintOf: z.number().int().nullable(),
  openDrawer: z.boolean(),
  lastError: z.string().nullable(),
});

export const returnDetail = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.string(),
  sale: z.object({ id: z.string(), receiptNo: z.string() }).nullable(),
  customer: z.object({ id: z.number().int(), name: z.string(), phone: z.string().nullable() }).nullable(),
  createdAt: epochMs,
  businessDay: day,
  staff: staffSummary.nullable(),
  reasonCode: z.string(),
  note: z.string(),
  currency,
  refundTotalMinor: minor,
  restockingFeeMinor: minor,
  exchangeDueMinor: minor,
  idDocumentMasked: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.number().int(),
      saleLineNo: z.number().int().nullable(),
      productId: z.number().int().nullable(),
      sku: z.string(),
      name: z.string(),
      qty: z.number().int(),
      unitPriceMinor: minor,
      grossMinor: minor,
      discountShareMinor: minor,
      taxMinor: minor,
      restockingFeeMinor: minor,
      refundMinor: minor,
      grade: z.string(),
      disposition: z.string(),
      policyOutcome: z.string(),
      policyRule: z.string(),
      serial: z.string().nullable(),
      inspection: z
        .object({
          checklist: z.array(z.object({ item: z.string(), ok: z.boolean(), note: z.string() })),
          grade: z.string(),
          notes: z.string(),
          inspectorId: z.number().int().nullable(),
        })
        .nullable(),
    }),
  ),
  tenders: z.array(
    z.object({ seq: z.number().int(), tender: refundTender, amountMinor: minor, ref: z.string().nullable() }),
  ),
  exchangeLines: z.array(
    z.object({
      productId: z.number().int().nullable(),
      sku: z.string(),
      name: z.string(),
      qty: z.number().int(),
      unitPriceMinor: minor,
      serial: z.string().nullable(),
    }),
  ),
  storeCredit: z.object({ code: z.string(), amountMinor: minor }).nullable(),
  override: z
    .object({
      id: z.number().int(),
      manager: staffSummary.nullable(),
      requestedBy: staffSummary.nullable(),
      reasonCode: z.string(),
      note: z.string(),
      at: epochMs,
    })
    .nullable(),
  printJobs: z.array(printJobState),
});
export type ReturnDetail = z.infer<typeof returnDetail>;

export const timelineEntry = z.object({
  auditId: z.number().int(),
  at: epochMs,
  action: z.string(),
  staff: staffSummary.nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const draftSummary = z.object({
  id: z.string(),
  title: z.string(),
  staff: staffSummary.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  sizeBytes: z.number().int(),
});

/** Largest draft payload (UTF-8 bytes of its JSON). */
export const DRAFT_MAX_BYTES = 200 * 1024;

const returnId = z.string().regex(/^R-\d{8}-\d{4,6}$/);
const draftId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const returnProduct = z.object({
  productId: z.number().int(),
  sku: z.string(),
  name: z.string(),
  priceMinor: nonNegativeMinor,
  taxRateBp: z.number().int(),
  categoryCode: z.string().nullable(),
  policyProfile: z.string(),
  serialized: z.boolean(),
  active: z.boolean(),
  checklist: z.array(z.string()),
});

export const returnsMethods = {
  'returns.saleForReturn': method({
    summary:
      'Open a sale for a return: lines with returned/remaining qty, refundable amounts, policy profile.',
    access: 'returns.read',
    input: z.object({ receiptNo: z.string().trim().min(1).max(64) }).strict(),
    output: saleForReturnOutput,
  }),
  'returns.product': method({
    summary: 'A product by scanned barcode (GTIN) or SKU: price, category, policy profile, checklist.',
    access: 'returns.read',
    input: z.object({ code: z.string().trim().min(1).max(64) }).strict(),
    output: returnProduct,
  }),
  'returns.quote': method({
    summary:
      'Policy decision, inspection result and money of a proposed return or exchange (writes nothing).',
    access: 'returns.read',
    input: quoteInput,
    output: quoteOutput,
  }),
  'returns.commit': method({
    summary: 'Commit a return/exchange in one transaction (idempotent by key); queues the slip.',
    access: 'returns.create',
    input: commitInput,
    output: commitOutput,
  }),
  'returns.get': method({
    summary: 'A committed return with lines, inspection, tenders, override and print jobs.',
    access: 'returns.read',
    input: z.object({ returnId }).strict(),
    output: returnDetail,
  }),
  'returns.forSale': method({
    summary: 'The returns of a sale, oldest first.',
    access: 'returns.read',
    input: z.object({ saleId: z.string().min(1).max(100) }).strict(),
    output: z.array(returnSummary),
  }),
  'returns.timeline': method({
    summary: 'The audit rows of a return (and its override grant) in order: who, when, what.',
    access: 'returns.read',
    input: z.object({ returnId }).strict(),
    output: z.array(timelineEntry),
  }),
  'returns.reprint': method({
    summary: 'Queue the slip of a return again (audited).',
    access: 'returns.create',
    input: z.object({ returnId }).strict(),
    output: z.object({ printJobId: z.number().int(), reprintOf: z.number().int() }),
  }),
  'returns.slipPreview': method({
    summary: 'The HTML preview of a return slip (store and customer copy).',
    access: 'returns.read',
    input: z.object({ returnId }).strict(),
    output: z.object({ html: z.string() }),
  }),
  'returns.saveDraft': method({
    summary: 'Save a half-done return (JSON up to 200 KB) so it survives a crash or a clerk switch.',
    access: 'returns.create',
    input: z
      .object({ draftId: draftId.optional(), title: z.string().trim().min(1).max(120), data: z.unknown() })
      .strict(),
    output: z.object({ id: z.string(), updatedAt: epochMs }),
  }),
  'returns.drafts': method({
    summary: 'Saved return drafts, newest first (with data when an id is given).',
    access: 'returns.read',
    input: z.object({ draftId: draftId.optional() }).strict(),
    output: z.object({ drafts: z.array(draftSummary), data: z.unknown().optional() }),
  }),
  'returns.deleteDraft': method({
    summary: 'Delete a return draft (after commit or when abandoned).',
    access: 'returns.create',
    input: z.object({ draftId }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
};
