import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './catalog';
import { sales } from './sales';
import { stores } from './store';

/** A repair job, J-YYYYMMDD-NNNN: intake → diagnosis → … → picked up. Timeline in repair_events. */
export const repairJobs = sqliteTable(
  'repair_jobs',
  {
    id: text('id').primaryKey(),
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id),
    customerId: integer('customer_id').references(() => customers.id),
    saleId: text('sale_id').references(() => sales.id),
    categoryCode: text('category_code').notNull(),
    brand: text('brand').notNull().default(''),
    model: text('model').notNull().default(''),
    serial: text('serial'),
    faultCode: text('fault_code').notNull(),
    faultText: text('fault_text').notNull().default(''),
    /** JSON: condition checklist results, accessories left, photos refs. */
    intake: text('intake').notNull(),
    passcodePolicy: text('passcode_policy').notNull(), // customer_removed | stored_encrypted | none
    passcodeEnc: text('passcode_enc'),
    warranty: text('warranty').notNull(), // sanbao | manufacturer | store | repair_warranty | none
    repeatOfJobId: text('repeat_of_job_id'),
    estimateMinor: integer('estimate_minor').notNull().default(0),
    depositMinor: integer('deposit_minor').notNull().default(0),
    paidMinor: integer('paid_minor').notNull().default(0),
    promisedAt: integer('promised_at').notNull(),
    status: text('status').notNull(),
    assignedTo: integer('assigned_to'),
    createdAt: integer('created_at').notNull(),
    createdBy: integer('created_by').notNull(),
    businessDay: text('business_day').notNull(),
    firstDiagnosisAt: integer('first_diagnosis_at'),
    completedAt: integer('completed_at'),
    pickedUpAt: integer('picked_up_at'),
    qcBy: integer('qc_by'),
    repairWarrantyDays: integer('repair_warranty_days').notNull().default(90),
    csat: integer('csat'),
    nps: integer('nps'),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('repair_jobs_status').on(t.status, t.promisedAt),
    index('repair_jobs_created').on(t.createdAt),
    index('repair_jobs_serial').on(t.serial),
    index('repair_jobs_customer').on(t.customerId),
    index('repair_jobs_assigned').on(t.assignedTo, t.status),
    index('repair_jobs_day').on(t.businessDay),
  ],
);

export const repairEvents = sqliteTable(
  'repair_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: text('job_id')
      .notNull()
      .references(() => repairJobs.id),
    at: integer('at').notNull(),
    staffId: integer('staff_id'),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    data: text('data').notNull().default('{}'),
  },
  (t) => [index('repair_events_job').on(t.jobId, t.at), index('repair_events_at').on(t.at, t.toStatus)],
);

export const spareParts = sqliteTable('spare_parts', {
  sku: text('sku').primaryKey(),
  name: text('name').notNull(),
  stockQty: integer('stock_qty').notNull(),
  lowStockAt: integer('low_stock_at').notNull().default(2),
  costMinor: integer('cost_minor').notNull(),
  priceMinor: integer('price_minor').notNull(),
  categoryCode: text('category_code'),
});

export const repairParts = sqliteTable(
  'repair_parts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: text('job_id')
      .notNull()
      .references(() => repairJobs.id),
    partSku: text('part_sku')
      .notNull()
      .references(() => spareParts.sku),
    qty: integer('qty').notNull(),
    unitCostMinor: integer('unit_cost_minor').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    at: integer('at').notNull(),
    staffId: integer('staff_id'),
  },
  (t) => [index('repair_parts_job').on(t.jobId)],
);

/** Bench test plans per category, as data (steps JSON: measure, unit, limits, meter required). */
export const testPlans = sqliteTable('test_plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  categoryCode: text('category_code').notNull(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  steps: text('steps').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});

export const instruments = sqliteTable('instruments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  deviceId: integer('device_id'),
  model: text('model').notNull(),
  serial: text('serial').notNull(),
  calibrationDue: text('calibration_due'), // YYYY-MM-DD store-local
});

export const testResults = sqliteTable(
  'test_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: text('job_id')
      .notNull()
      .references(() => repairJobs.id),
    planId: integer('plan_id').notNull(),
    stepIndex: integer('step_index').notNull(),
    attempt: integer('attempt').notNull(),
    at: integer('at').notNull(),
    value: real('value'),
    unit: text('unit').notNull(),
    fn: text('fn').notNull(),
    display: text('display').notNull(),
    verdict: text('verdict').notNull(), // pass | fail
    reason: text('reason'),
    manual: integer('manual', { mode: 'boolean' }).notNull(),
    instrumentId: integer('instrument_id'),
    calibrationOverdue: integer('calibration_overdue', { mode: 'boolean' }).notNull().default(false),
    staffId: integer('staff_id'),
  },
  (t) => [index('test_results_job').on(t.jobId, t.stepIndex), index('test_results_at').on(t.at)],
);

/** Raw meter readings streamed from bench instruments (ingest log; captured ones become test_results). */
export const meterReadings = sqliteTable(
  'meter_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    deviceId: integer('device_id'),
    jobId: text('job_id'),
    value: real('value'),
    unit: text('unit').notNull(),
    fn: text('fn').notNull(),
    overload: integer('overload', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('meter_readings_at').on(t.at), index('meter_readings_job').on(t.jobId)],
);

/** Customer messages queued at each milestone; the shipped sender is "show / copy / print" (offline). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jobId: text('job_id'),
    at: integer('at').notNull(),
    channel: text('channel').notNull(),
    toPhone: text('to_phone'),
    template: text('template').notNull(),
    text: text('text').notNull(),
    status: text('status').notNull(), // queued | shown | sent | failed
    sentAt: integer('sent_at'),
  },
  (t) => [index('notifications_status').on(t.status, t.at)],
);

/** Complaints: accept → investigate → resolve → follow up. Id C-YYYYMMDD-NNNN. */
export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    storeId: integer('store_id').notNull(),
    customerId: integer('customer_id').references(() => customers.id),
    at: integer('at').notNull(),
    businessDay: text('business_day').notNull(),
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    status: text('status').notNull(), // accepted | investigating | resolved | closed
    resolution: text('resolution'),
    resolvedAt: integer('resolved_at'),
    followedUpAt: integer('followed_up_at'),
    staffId: integer('staff_id').notNull(),
  },
  (t) => [index('complaints_day').on(t.businessDay), index('complaints_status').on(t.status)],
);
