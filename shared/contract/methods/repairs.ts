/**
 * Repairs: intake at the counter, the job lifecycle (a table in shared/domain/repairs), assignment
 * and the bench queue, spare parts, QC, pickup, customer notifications, slips. Access is per
 * permissions.ts; who may make each status change is the transition table's business.
 */
import { z } from 'zod';
import {
  ACCESSORY_CODES,
  CONDITION_ITEMS,
  CONDITION_STATES,
  QC_ITEMS,
} from '../../domain/repairs/categories';
import { REPAIR_STATUSES } from '../../domain/repairs/statuses';
import { APPROVAL_METHODS, EXIT_REASONS } from '../../domain/repairs/transitions';
import { WARRANTY_KINDS } from '../../domain/repairs/warranty';
import { NOTIFICATION_TEMPLATE_NAMES } from '../../domain/repairs/notification-templates';
import { receiptDocumentSchema } from '../../domain/receipt/layout';
import { REPAIR_PAYMENT_TENDERS } from '../../domain/money/tenders';
import { method } from '../define';
import { currency, day, epochMs, idempotencyKey, minor, nonNegativeMinor, role } from '../schemas';

/** Job numbers `J-YYYYMMDD-NNNN` (upper case; the service trims and upper-cases scans). */
export const jobId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^J-\d{8}-\d{4,6}$/, 'J-YYYYMMDD-NNNN');
export const repairStatus = z.enum(REPAIR_STATUSES);
export const warrantyKind = z.enum(WARRANTY_KINDS);
export const phone = z
  .string()
  .trim()
  .regex(/^\+?\d{5,15}$/, 'digits only');

/**
 * How a repair deposit or pickup is paid. `store_credit` is debited from the ledger in the same
 * transaction (STORE_CREDIT_INSUFFICIENT above the balance): from the job customer's balance, or
 * from one credit slip when `creditCode` (the R-… number on the slip) is given. `gift_card` is not
 * accepted (core cannot check a gift card's balance).
 */
export const repairTender = z.enum(REPAIR_PAYMENT_TENDERS);
export const repairPayment = z
  .object({
    tender: repairTender,
    amountMinor: nonNegativeMinor.min(1),
    creditCode: z.string().trim().toUpperCase().min(1).max(64).optional(),
  })
  .strict()
  .refine((p) => p.creditCode === undefined || p.tender === 'store_credit', {
    message: 'a credit code only with store_credit',
    path: ['creditCode'],
  });

/** Images come from the UI as data URLs; the service checks the bytes (magic numbers) and the size. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const MAX_SIGNATURE_BYTES = 512 * 1024;
export const imageDataUrl = z
  .string()
  .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 64)
  .regex(/^data:image\/(png|jpeg|webp);base64,/, 'a data:image/png|jpeg|webp;base64 URL');
export const signatureDataUrl = z
  .string()
  .max(Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + 64)
  .regex(/^data:image\/png;base64,/, 'a data:image/png;base64 URL');

export const staffRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

/** A sentence for the screen: an i18n key (`policy.reason.*` or `repairs.*`) and raw params. */
export const reasonText = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const warrantyInfo = z.object({
  kind: warrantyKind,
  reasons: z.array(reasonText),
  /** What the customer may choose instead of a repair (三包 return/exchange windows). */
  options: z.array(z.string()),
  coveredUntil: day.nullable(),
  sale: z
    .object({
      id: z.string(),
      receiptNo: z.string(),
      soldAt: epochMs,
      purchasedOn: day,
      lineName: z.string(),
    })
    .nullable(),
  voidReason: z.string().nullable(),
});

export const repeatInfo = z.object({
  previousJobIds: z.array(z.string()),
  repairNo: z.number().int(),
  maxFailedRepairs: z.number().int(),
  rule: z.enum(['repeat', 'next_failure_replacement', 'replacement_due']),
  reason: reasonText,
});

export const repairCustomer = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string().nullable(),
});

export const repairJobSummary = z.object({
  id: z.string(),
  status: repairStatus,
  categoryCode: z.string(),
  brand: z.string(),
  model: z.string(),
  serial: z.string().nullable(),
  faultCode: z.string(),
  customer: repairCustomer.nullable(),
  assignedTo: staffRef.nullable(),
  warranty: warrantyKind,
  promisedAt: epochMs,
  promisedDay: day,
  overdue: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type RepairJobSummary = z.infer<typeof repairJobSummary>;

export const conditionEntry = z
  .object({
    item: z.enum(CONDITION_ITEMS),
    state: z.enum(CONDITION_STATES),
    note: z.string().trim().max(200).default(''),
  })
  .strict();

export const timelineEntry = z.object({
  id: z.number().int(),
  at: epochMs,
  staff: staffRef.nullable(),
  from: repairStatus.nullable(),
  to: repairStatus,
  /** intake | transition | assign | part | bench_start | bench_retest | qc | pickup | passcode_viewed | notification */
  kind: z.string(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const repairPartLine = z.object({
  id: z.number().int(),
  sku: z.string(),
  name: z.string(),
  qty: z.number().int(),
  /** Only for callers holding `parts.cost`. */
  unitCostMinor: nonNegativeMinor.optional(),
  unitPriceMinor: nonNegativeMinor,
  at: epochMs,
  staff: staffRef.nullable(),
});

export const approvalRecord = z.object({
  method: z.enum(APPROVAL_METHODS),
  approved: z.boolean(),
  amountMinor: nonNegativeMinor,
  at: epochMs,
  recordedBy: staffRef.nullable(),
});

export const nextStep = z.object({
  to: repairStatus,
  /** The caller's role may make this move. */
  allowed: z.boolean(),
  needs: z.array(z.string()),
  via: z.string(),
  roles: z.array(role),
});

export const repairJob = repairJobSummary.extend({
  saleId: z.string().nullable(),
  faultText: z.string(),
  condition: z.array(conditionEntry),
  accessoriesLeft: z.array(z.string()),
  accessoriesNote: z.string(),
  photoIds: z.array(z.number().int()),
  signatureId: z.number().int().nullable(),
  pickupSignatureId: z.number().int().nullable(),
  note: z.string(),
  passcodePolicy: z.enum(['customer_removed', 'stored_encrypted', 'none']),
  /** An encrypted passcode is on file (false after pickup: it is wiped). */
  passcodeStored: z.boolean(),
  warrantyInfo,
  repeat: repeatInfo.nullable(),
  currency,
  estimateMinor: nonNegativeMinor,
  depositMinor: nonNegativeMinor,
  depositTender: z.string().nullable(),
  partsPriceMinor: nonNegativeMinor,
  /** Only for callers holding `parts.cost`. */
  partsCostMinor: nonNegativeMinor.optional(),
  chargeMinor: nonNegativeMinor,
  balanceDueMinor: nonNegativeMinor,
  refundDueMinor: nonNegativeMinor,
  /** The job customer's store credit balance (0 without a customer): what pickup may spend. */
  storeCreditBalanceMinor: nonNegativeMinor,
  paidMinor: minor,
  approval: approvalRecord.nullable(),
  createdBy: staffRef.nullable(),
  businessDay: day,
  firstDiagnosisAt: epochMs.nullable(),
  completedAt: epochMs.nullable(),
  pickedUpAt: epochMs.nullable(),
  qcBy: staffRef.nullable(),
  repairWarrantyDays: z.number().int(),
  repairWarrantyUntil: day.nullable(),
  csat: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  parts: z.array(repairPartLine),
  timeline: z.array(timelineEntry),
  nextSteps: z.array(nextStep),
});
export type RepairJob = z.infer<typeof repairJob>;

export const passcodeInput = z.discriminatedUnion('policy', [
  z.object({ policy: z.literal('customer_removed') }).strict(),
  z.object({ policy: z.literal('none') }).strict(),
  z.object({ policy: z.literal('stored_encrypted'), passcode: z.string().min(1).max(64) }).strict(),
]);

export const customerInput = z.union([
  z.object({ id: z.number().int().positive() }).strict(),
  z.object({ name: z.string().trim().min(1).max(40), phone }).strict(),
]);

export const deviceInput = z
  .object({
    categoryCode: z.string().trim().min(1).max(40),
    brand: z.string().trim().max(40).default(''),
    model: z.string().trim().max(60).default(''),
    serial: z.string().trim().min(4).max(40).nullable(),
  })
  .strict();

export const intakeInput = z
  .object({
    idempotencyKey,
    /** Find-or-create by phone, an existing customer by id, or null for an anonymous walk-in. */
    customer: customerInput.nullable(),
    device: deviceInput,
    /** The sale, when the customer has the receipt; otherwise it is looked up by serial. */
    receiptNo: z.string().trim().min(1).max(64).optional(),
    fault: z
      .object({ code: z.string().min(1).max(40), text: z.string().trim().max(500).default('') })
      .strict(),
    condition: z.array(conditionEntry).max(20),
    accessoriesLeft: z.array(z.enum(ACCESSORY_CODES)).max(20),
    accessoriesNote: z.string().trim().max(200).default(''),
    photos: z
      .array(z.object({ dataUrl: imageDataUrl, caption: z.string().trim().max(100).default('') }).strict())
      .max(6)
      .default([]),
    passcode: passcodeInput,
    /** Quoted labour (0 under warranty); parts are charged on top at their price. */
    estimateMinor: nonNegativeMinor,
    deposit: repairPayment.nullable().default(null),
    /** Defaults to the category's SLA in business days. */
    promisedDay: day.optional(),
    /** The customer's consent signature, drawn on screen (PNG). */
    signature: signatureDataUrl,
    termsAccepted: z.literal(true),
    /** The clerk found the warranty void (physical or liquid damage …). */
    voidWarranty: z
      .object({ reason: z.string().trim().min(1).max(200) })
      .strict()
      .nullable()
      .default(null),
    note: z.string().trim().max(500).default(''),
    /** Assign on intake: a technician's staff id, or 'auto' (skill + load). */
    assign: z
      .union([z.number().int().positive(), z.literal('auto')])
      .nullable()
      .default(null),
  })
  .strict();
export type IntakeInput = z.infer<typeof intakeInput>;

export const printJobRef = z.object({ id: z.number().int(), kind: z.string() });

export const technicianLoad = z.object({
  staff: staffRef,
  role,
  skills: z.array(z.string()),
  openJobs: z.number().int(),
  overdueJobs: z.number().int(),
});

export const sparePart = z.object({
  sku: z.string(),
  name: z.string(),
  categoryCode: z.string().nullable(),
  stockQty: z.number().int(),
  lowStockAt: z.number().int(),
  low: z.boolean(),
  /** Only for callers holding `parts.cost`. */
  costMinor: nonNegativeMinor.optional(),
  priceMinor: nonNegativeMinor,
});

export const lowStockWarning = z.object({
  sku: z.string(),
  name: z.string(),
  left: z.number().int(),
  lowStockAt: z.number().int(),
  messageKey: z.literal('repairs.lowStock'),
});

export const NOTIFICATION_STATUSES = ['queued', 'shown', 'sent', 'failed'] as const;
export const notification = z.object({
  id: z.number().int(),
  jobId: z.string().nullable(),
  at: epochMs,
  channel: z.string(),
  /** i18n key naming the channel, e.g. the offline "show / copy / print" adapter. */
  channelLabelKey: z.string(),
  toPhone: z.string().nullable(),
  template: z.enum(NOTIFICATION_TEMPLATE_NAMES),
  text: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  sentAt: epochMs.nullable(),
});

export const qcEntry = z
  .object({
    item: z.enum(QC_ITEMS),
    state: z.enum(['ok', 'fail', 'na']),
    note: z.string().trim().max(200).default(''),
  })
  .strict();

const findInput = z
  .object({
    jobId: z.string().trim().min(4).max(20).optional(),
    phone: z
      .string()
      .regex(/^\d{4,15}$/)
      .optional(),
    serial: z.string().trim().min(4).max(40).optional(),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine((v) => v.jobId !== undefined || v.phone !== undefined || v.serial !== undefined, {
    message: 'give a job number, a phone number (or its last digits) or a serial',
    params: { rule: 'at_least_one', fields: ['jobId', 'phone', 'serial'] },
  });

export const repairsMethods = {
  'repairs.precheck': method({
    summary:
      'Before intake: the sale, warranty (三包 / store / manufacturer / none), repeat repairs and promised day.',
    access: 'repairs.intake',
    input: z
      .object({
        categoryCode: z.string().trim().min(1).max(40),
        faultCode: z.string().min(1).max(40),
        serial: z.string().trim().min(4).max(40).optional(),
        receiptNo: z.string().trim().min(1).max(64).optional(),
        voidWarranty: z
          .object({ reason: z.string().trim().min(1).max(200) })
          .strict()
          .nullable()
          .default(null),
      })
      .strict(),
    output: z.object({
      warranty: warrantyInfo,
      repeat: repeatInfo.nullable(),
      openJobId: z.string().nullable(),
      promisedDay: day,
      slaBusinessDays: z.number().int(),
    }),
  }),
  'repairs.findCustomer': method({
    summary:
      'Intake: the existing customer with this phone number (oldest first), or null; with their repair count.',
    access: 'repairs.intake',
    input: z.object({ phone }).strict(),
    output: z.object({
      customer: repairCustomer.nullable(),
      /** Repair jobs of this customer so far (every status). */
      repairJobs: z.number().int(),
    }),
  }),
  'repairs.intake': method({
    summary: 'Register a device for repair (idempotent); prints the intake receipt and the shelf tag.',
    access: 'repairs.intake',
    input: intakeInput,
    output: z.object({ job: repairJob, printJobs: z.array(printJobRef), replayed: z.boolean() }),
  }),
  'repairs.get': method({
    summary: 'One repair job with its timeline, parts, warranty and the next steps the caller may take.',
    access: 'repairs.read',
    input: z.object({ jobId }).strict(),
    output: repairJob,
  }),
  'repairs.find': method({
    summary: 'Find jobs by job number, customer phone (or its last digits) or serial/IMEI.',
    access: 'repairs.read',
    input: findInput,
    output: z.array(repairJobSummary),
  }),
  'repairs.list': method({
    summary:
      'The repair queue: by status, technician (or mine / unassigned), overdue; soonest promise first.',
    access: 'repairs.read',
    input: z
      .object({
        statuses: z.array(repairStatus).max(11).optional(),
        technicianId: z.number().int().positive().optional(),
        mine: z.boolean().default(false),
        unassigned: z.boolean().default(false),
        overdue: z.boolean().default(false),
        includeClosed: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(repairJobSummary),
  }),
  'repairs.transition': method({
    summary: 'Move a job to its next status (table-checked: legal move, role, what the move needs).',
    access: 'repairs.read',
    input: z
      .object({
        jobId,
        to: repairStatus,
        /** The status the screen showed; a different current status is refused (someone else moved it). */
        expectedStatus: repairStatus.optional(),
        note: z.string().trim().max(500).default(''),
        reason: z.enum(EXIT_REASONS).optional(),
        quoteMinor: nonNegativeMinor.optional(),
        approval: z
          .object({ method: z.enum(APPROVAL_METHODS), approved: z.boolean() })
          .strict()
          .optional(),
        promisedDay: day.optional(),
      })
      .strict(),
    output: repairJob,
  }),
  'repairs.assign': method({
    summary: 'Assign a job to a technician (null = unassign). Technicians may only take jobs themselves.',
    access: 'repairs.read',
    input: z.object({ jobId, technicianId: z.number().int().positive().nullable() }).strict(),
    output: repairJob,
  }),
  'repairs.autoAssign': method({
    summary: 'Assign a job automatically: a technician skilled in the category with the fewest open jobs.',
    access: 'repairs.read',
    input: z.object({ jobId }).strict(),
    output: z.object({ job: repairJob, technician: technicianLoad, skillMatch: z.boolean() }),
  }),
  'repairs.technicians': method({
    summary:
      'Technicians with their skills (categories), open and overdue jobs: the bench queues at a glance.',
    access: 'repairs.read',
    input: z.object({}).strict(),
    output: z.array(technicianLoad),
  }),
  'repairs.setSkills': method({
    summary: 'Set the categories a technician repairs (used by automatic assignment).',
    access: 'settings.manage',
    input: z
      .object({
        technicianId: z.number().int().positive(),
        categories: z.array(z.string().trim().min(1).max(40)).max(30),
      })
      .strict(),
    output: technicianLoad,
  }),
  'repairs.addPart': method({
    summary:
      'Book a spare part onto a job: stock −qty (stock move), cost on the job; warns when stock runs low.',
    access: 'repairs.work',
    input: z
      .object({ jobId, sku: z.string().trim().min(1).max(64), qty: z.number().int().min(1).max(100) })
      .strict(),
    output: z.object({
      job: repairJob,
      part: repairPartLine,
      stockLeft: z.number().int(),
      lowStock: lowStockWarning.nullable(),
    }),
  }),
  'repairs.parts': method({
    summary: 'Spare parts stock (备件), with low-stock flags.',
    access: 'repairs.read',
    input: z
      .object({
        categoryCode: z.string().trim().min(1).max(40).optional(),
        lowOnly: z.boolean().default(false),
      })
      .strict(),
    output: z.array(sparePart),
  }),
  'repairs.qc': method({
    summary:
      'QC sign-off by an inspector who did not work on the repair: pass → ready (customer told), fail → repairing.',
    access: 'repairs.qc',
    input: z
      .object({
        jobId,
        checklist: z.array(qcEntry).max(20),
        passed: z.boolean(),
        note: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: repairJob,
  }),
  'repairs.pickup': method({
    summary:
      'Hand the device back: balance paid, customer signature, CSAT 1–5 and NPS 0–10; prints the pickup slip.',
    access: 'repairs.intake',
    input: z
      .object({
        jobId,
        idempotencyKey,
        payment: repairPayment.nullable(),
        signature: signatureDataUrl,
        csat: z.number().int().min(1).max(5).nullable(),
        nps: z.number().int().min(0).max(10).nullable(),
        note: z.string().trim().max(500).default(''),
      })
      .strict(),
    output: z.object({
      job: repairJob,
      balanceDueMinor: nonNegativeMinor,
      refundDueMinor: nonNegativeMinor,
      repairWarrantyUntil: day,
      printJobs: z.array(printJobRef),
      replayed: z.boolean(),
    }),
  }),
  'repairs.notifications': method({
    summary: 'Customer messages queued at milestones (and their status), newest first.',
    access: 'repairs.read',
    input: z
      .object({
        status: z.enum(NOTIFICATION_STATUSES).optional(),
        jobId: jobId.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(notification),
  }),
  'repairs.markNotificationShown': method({
    summary: 'Offline channel: the clerk showed, copied or printed the message to the customer.',
    access: 'repairs.read',
    input: z
      .object({ id: z.number().int().positive(), how: z.enum(['shown', 'copied', 'printed']) })
      .strict(),
    output: z.object({ notification, printJob: printJobRef.nullable() }),
  }),
  'repairs.revealPasscode': method({
    summary: 'Show the device passcode to the technician (audited); wiped at pickup.',
    access: 'repairs.work',
    input: z.object({ jobId }).strict(),
    output: z.object({ passcode: z.string() }),
  }),
  'repairs.attachment': method({
    summary: 'A photo or signature of a job as a data URL.',
    access: 'repairs.read',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({
      id: z.number().int(),
      kind: z.string(),
      mime: z.string(),
      dataUrl: z.string(),
      createdAt: epochMs,
    }),
  }),
  'repairs.slip': method({
    summary:
      'The intake receipt, shelf tag or pickup slip of a job (layout for the preview); print = queue a copy.',
    access: 'repairs.read',
    input: z
      .object({ jobId, kind: z.enum(['intake', 'tag', 'pickup']), print: z.boolean().default(false) })
      .strict(),
    output: z.object({
      document: receiptDocumentSchema,
      /** The printer's HTML preview of the document (same lines as the paper). */
      html: z.string(),
      printJob: printJobRef.nullable(),
    }),
  }),
};
