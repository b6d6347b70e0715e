/**
 * The demo store's repair side, seeded on the demo's first run through the same service code the
 * counter uses (intake, transitions, parts, QC, pickup): bench test plans, two instruments (the
 * SCPI bench meter is past its calibration date), spare parts with opening stock moves, the
 * technician's skills, and a handful of jobs:
 * - laptop PF4XK2AB (journey 5's sale): an earlier 三包 repair of "does not charge", picked up, so
 *   a new intake of the same fault shows "second repair … next failure → replacement";
 * - journey 6: another customer's laptop charger job, diagnosing on 老陈's bench;
 * - a phone waiting for the customer to approve a quote; a kettle waiting for a part that is out of
 *   stock (overdue); a speaker ready for pickup with a balance; headphones just received.
 * Deterministic for a given `now`. Also exports a tiny PNG maker for demo and test signatures.
 */
import { deflateSync } from 'node:zlib';
import { appendAudit } from '../../db/audit/chain';
import type { SqliteDb } from '../../db/open';
import type { IntakeInput } from '../../shared/contract/methods/repairs';
import type { Role } from '../../shared/contract/permissions';
import { judgeReading } from '../../shared/domain/meter/judge';
import { NO_FLAGS, unitOfFunction } from '../../shared/domain/meter/reading';
import { formatQuantity, toBase } from '../../shared/domain/meter/units';
import { DEFAULT_TEST_PLANS } from '../../shared/domain/repairs/default-test-plans';
import { parseStepUnit, stepLimits } from '../../shared/domain/repairs/test-plan';
import { addDays, businessDay } from '../../shared/domain/time/business-day';
import { saveInstrument } from '../services/bench/instruments-repo';
import { activePlan, savePlan } from '../services/bench/plans-repo';
import { insertResult } from '../services/bench/results-repo';
import { attemptsSoFar } from '../services/bench/run-state';
import { writeSkills } from '../services/repairs/assignment';
import { intakeRepair } from '../services/repairs/intake';
import { loadJob } from '../services/repairs/job-record';
import { offlineShowCopyPrintSender } from '../services/repairs/notification-sender';
import { bookPart } from '../services/repairs/parts';
import { pickupJob } from '../services/repairs/pickup';
import { qcJob } from '../services/repairs/qc';
import type { RepairEnv } from '../services/repairs/repair-env';
import { recordEvent } from '../services/repairs/repair-events';
import { storeInfo } from '../services/repairs/store-info';
import { applyTransition, type Actor, type TransitionRequest } from '../services/repairs/transition';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// --- a tiny PNG writer (grayscale, one IDAT) for signatures drawn "on screen" in demo and tests ---

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A white grayscale PNG with a dark wavy stroke (a "signature"); `seed` shifts the wave. */
export function signaturePng(width = 160, height = 48, seed = 1): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width + 1, 0xff);
    row[0] = 0; // filter: none
    for (let x = 8; x < width - 8; x++) {
      const cy = height / 2 + (height / 3) * Math.sin((x + seed * 7) / 9) * Math.cos(x / 23);
      if (Math.abs(y - cy) < 1.5) row[x + 1] = 0x20;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `data:image/png;base64,…` of a PNG. */
export function pngDataUrl(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

// --- demo data ---

export const DEMO_SPARE_PARTS = [
  {
    sku: 'LT-DCJACK-01',
    name: '笔记本 DC 电源接口 · Laptop DC jack',
    qty: 8,
    low: 2,
    cost: 1_200,
    price: 3_500,
    cat: 'laptop',
  },
  {
    sku: 'LT-ADP-65W',
    name: '65W 笔记本电源适配器 · 65 W laptop adapter',
    qty: 3,
    low: 1,
    cost: 9_000,
    price: 19_900,
    cat: 'laptop',
  },
  {
    sku: 'LT-BAT-XX14',
    name: '小新 Pro 14 电池 · Xiaoxin Pro 14 battery',
    qty: 2,
    low: 1,
    cost: 26_000,
    price: 45_000,
    cat: 'laptop',
  },
  {
    sku: 'PH-SCR-MI14',
    name: '小米 14 屏幕总成 · Xiaomi 14 screen assembly',
    qty: 1,
    low: 1,
    cost: 52_000,
    price: 68_000,
    cat: 'phone',
  },
  {
    sku: 'PH-USBC-FLEX',
    name: '手机尾插排线 USB-C · USB-C charge port flex',
    qty: 6,
    low: 2,
    cost: 1_500,
    price: 8_000,
    cat: 'phone',
  },
  {
    sku: 'AU-DRV-50MM',
    name: '50mm 喇叭单元 · 50 mm speaker driver',
    qty: 4,
    low: 2,
    cost: 2_500,
    price: 6_000,
    cat: 'audio',
  },
  {
    sku: 'SA-FUSE-TH',
    name: '水壶温控保险丝 · Kettle thermal fuse',
    qty: 0,
    low: 3,
    cost: 300,
    price: 2_000,
    cat: 'small_appliance',
  },
  { sku: 'GEN-SCREW-KIT', name: '螺丝套装 · Screw kit', qty: 50, low: 10, cost: 100, price: 0, cat: null },
] as const;

/** Instrument serials: the UT61E on bench 2 is in calibration; the SCPI simulator's is past due. */
export const DEMO_INSTRUMENTS = {
  ut61e: { model: 'UT61E', serial: 'C190512345', dueInDays: 200 },
  scpi: { model: 'SIM-DMM-1', serial: 'SIM000001', dueInDays: -20 },
} as const;

export interface DemoRepairsResult {
  /** Journey 5's laptop: its earlier repair (picked up). */
  previousLaptopJobId: string;
  /** Journey 6's laptop charger job, diagnosing, assigned to 老陈. */
  benchJobId: string;
  quoteJobId: string;
  overdueJobId: string;
  readyJobId: string;
  receivedJobId: string;
}

function staffId(db: SqliteDb, storeId: number, code: string): number {
  const row = db.prepare('SELECT id FROM staff WHERE store_id = ? AND code = ?').get(storeId, code) as
    { id: number } | undefined;
  if (!row) throw new Error(`demo staff ${code} missing`);
  return row.id;
}

function laptopChecklist(casingNote = ''): IntakeInput['condition'] {
  return [
    { item: 'casing', state: casingNote ? 'issue' : 'ok', note: casingNote },
    { item: 'screen', state: 'ok', note: '' },
    { item: 'ports', state: 'ok', note: '' },
    { item: 'buttons', state: 'ok', note: '' },
    { item: 'water_indicator', state: 'ok', note: '' },
    { item: 'powers_on', state: 'issue', note: '电池耗尽 · battery flat' },
    { item: 'missing_parts', state: 'ok', note: '' },
  ];
}

function checklistOf(items: readonly string[]): IntakeInput['condition'] {
  return items.map((item) => ({
    item: item as IntakeInput['condition'][number]['item'],
    state: 'ok',
    note: '',
  }));
}

/** Seeds plans, instruments, parts, skills and the demo jobs (see the file comment). */
export function seedDemoRepairs(
  db: SqliteDb,
  storeId: number,
  now: number,
  dataDir: string,
): DemoRepairsResult | null {
  if ((db.prepare('SELECT count(*) AS n FROM repair_jobs').get() as { n: number }).n > 0) return null;
  const store = storeInfo(db, storeId);
  const today = businessDay(now, store.timeZone);
  const ids = {
    clerk: staffId(db, storeId, '1001'),
    tech: staffId(db, storeId, '2001'),
    inspector: staffId(db, storeId, '3001'),
    manager: staffId(db, storeId, '9001'),
  };
  const actor = (id: number, role: Role): Actor => ({ staffId: id, role });
  const clerk = actor(ids.clerk, 'clerk');
  const tech = actor(ids.tech, 'technician');
  const inspector = actor(ids.inspector, 'inspector');
  const env: RepairEnv = { db, storeId, dataDir, sender: offlineShowCopyPrintSender };
  const setupAt = now - 200 * DAY;

  let ut61eId = 0;
  db.transaction(() => {
    for (const plan of DEFAULT_TEST_PLANS) savePlan(db, storeId, plan, ids.manager, setupAt);
    ut61eId = saveInstrument(
      db,
      storeId,
      ids.manager,
      {
        ...DEMO_INSTRUMENTS.ut61e,
        calibrationDue: addDays(today, DEMO_INSTRUMENTS.ut61e.dueInDays),
        deviceId: null,
      },
      setupAt,
      today,
    ).id;
    saveInstrument(
      db,
      storeId,
      ids.manager,
      {
        ...DEMO_INSTRUMENTS.scpi,
        calibrationDue: addDays(today, DEMO_INSTRUMENTS.scpi.dueInDays),
        deviceId: null,
      },
      setupAt,
      today,
    );
    const insPart = db.prepare(
      `INSERT INTO spare_parts (sku, name, stock_qty, low_stock_at, cost_minor, price_minor, category_code)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insMove = db.prepare(
      `INSERT INTO stock_moves (at, store_id, product_id, sku, qty_delta, bucket, reason, ref_type, ref_id, staff_id)
       VALUES (?, ?, NULL, ?, ?, 'spare_parts', 'opening_stock', 'demo_seed', 'spare_parts', ?)`,
    );
    for (const p of DEMO_SPARE_PARTS) {
      insPart.run(p.sku, p.name, p.qty, p.low, p.cost, p.price, p.cat);
      if (p.qty === 0) continue;
      const move = insMove.run(setupAt, storeId, p.sku, p.qty, ids.manager);
      appendAudit(db, {
        at: setupAt,
        storeId,
        staffId: ids.manager,
        action: 'stock.move',
        entityType: 'stock_move',
        entityId: String(move.lastInsertRowid),
        data: { sku: p.sku, qtyDelta: p.qty, bucket: 'spare_parts', reason: 'opening_stock' },
      });
    }
    writeSkills(
      db,
      storeId,
      ids.manager,
      ids.tech,
      ['laptop', 'phone', 'audio', 'headphones', 'small_appliance'],
      setupAt,
    );
  })();

  let keyNo = 0;
  const intake = (
    input: Omit<IntakeInput, 'idempotencyKey' | 'signature' | 'termsAccepted'>,
    at: number,
  ): string =>
    intakeRepair(
      env,
      clerk,
      {
        ...input,
        idempotencyKey: `demo-repair-intake-${++keyNo}`,
        signature: pngDataUrl(signaturePng(160, 48, keyNo)),
        termsAccepted: true,
      },
      at,
    ).jobId;
  const move = (jobId: string, who: Actor, req: TransitionRequest, at: number): void => {
    db.transaction(() =>
      applyTransition(
        { db, store, sender: env.sender, actor: who, now: at, via: 'repairs.transition' },
        loadJob(db, storeId, jobId),
        req,
      ),
    )();
  };
  const part = (jobId: string, sku: string, at: number): void => {
    db.transaction(() => bookPart(db, storeId, tech, loadJob(db, storeId, jobId), sku, 1, at))();
  };
  /** A bench run where the UT61E measured these values (in each step's unit), judged honestly. */
  const benchRun = (jobId: string, categoryCode: string, values: number[], at: number): void => {
    const plan = activePlan(db, categoryCode);
    if (!plan) return;
    db.transaction(() => {
      const job = loadJob(db, storeId, jobId);
      recordEvent(db, {
        jobId,
        at,
        staffId: ids.tech,
        from: job.status,
        to: job.status,
        kind: 'bench_start',
        data: {
          planId: plan.id,
          planVersion: plan.version,
          baseline: attemptsSoFar(db, jobId, plan.id),
          meterSource: 'bench-2-meter',
          instrumentId: ut61eId,
        },
      });
      plan.steps.forEach((step, i) => {
        const v = toBase(values[i] ?? 0, parseStepUnit(step.unit, step.measure)?.prefix ?? '');
        const unit = unitOfFunction(step.measure);
        const reading = {
          value: v,
          unit,
          function: step.measure,
          overload: false,
          flags: NO_FLAGS,
          display: formatQuantity(v, unit),
          at: at + (i + 1) * 60_000,
        };
        const j = judgeReading(reading, stepLimits(step));
        const r = insertResult(db, {
          jobId,
          planId: plan.id,
          stepIndex: i,
          at: reading.at,
          value: v,
          unit,
          fn: step.measure,
          display: reading.display,
          verdict: j.verdict === 'PASS' ? 'pass' : 'fail',
          reason: j.verdict === 'PASS' ? null : (j.reason ?? null),
          manual: false,
          instrumentId: ut61eId,
          calibrationOverdue: false,
          staffId: ids.tech,
        });
        appendAudit(db, {
          at: reading.at,
          storeId,
          staffId: ids.tech,
          action: 'bench.result',
          entityType: 'repair_job',
          entityId: jobId,
          data: {
            resultId: r.id,
            planId: plan.id,
            stepIndex: i,
            attempt: r.attempt,
            value: v,
            verdict: j.verdict,
          },
        });
      });
    })();
  };
  const qcPass = (jobId: string, at: number): void => {
    qcJob(
      env,
      inspector,
      {
        jobId,
        passed: true,
        note: '',
        checklist: [
          { item: 'fault_fixed', state: 'ok', note: '' },
          { item: 'functional_test', state: 'ok', note: '' },
          { item: 'bench_tests_passed', state: 'ok', note: '' },
          { item: 'no_new_damage', state: 'ok', note: '' },
          { item: 'fasteners', state: 'ok', note: '' },
          { item: 'accessories_ready', state: 'ok', note: '' },
        ],
      },
      at,
    );
  };

  // 1. Journey 5's laptop: an earlier 三包 repair of the same fault, about five months ago.
  const t1 = now - 150 * DAY;
  const previousLaptopJobId = intake(
    {
      customer: { name: '刘洋', phone: '18800002222' },
      device: { categoryCode: 'laptop', brand: '联想', model: '小新 Pro 14', serial: 'PF4XK2AB' },
      fault: { code: 'not_charging', text: '插上充电器不充电 · does not charge' },
      condition: laptopChecklist(),
      accessoriesLeft: ['charger'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: ids.tech,
    },
    t1,
  );
  move(previousLaptopJobId, tech, { to: 'diagnosing', note: '' }, t1 + 2 * HOUR);
  move(previousLaptopJobId, tech, { to: 'repairing', note: 'DC 接口松动 · loose DC jack' }, t1 + 3 * HOUR);
  part(previousLaptopJobId, 'LT-DCJACK-01', t1 + 4 * HOUR);
  move(previousLaptopJobId, tech, { to: 'testing', note: '' }, t1 + 5 * HOUR);
  benchRun(previousLaptopJobId, 'laptop', [19.48, 0.05, 0.4], t1 + 5 * HOUR);
  move(previousLaptopJobId, tech, { to: 'qc', note: '' }, t1 + 6 * HOUR);
  qcPass(previousLaptopJobId, t1 + DAY);
  pickupJob(
    env,
    clerk,
    {
      jobId: previousLaptopJobId,
      idempotencyKey: 'demo-repair-pickup-1',
      payment: null,
      signature: pngDataUrl(signaturePng(160, 48, 101)),
      csat: 5,
      nps: 9,
      note: '',
    },
    t1 + 2 * DAY,
  );

  // 2. Journey 6: another customer's laptop that will not charge, on 老陈's bench.
  const other = db
    .prepare(
      `SELECT l.serial, l.name, s.customer_id AS customerId FROM sale_lines l JOIN sales s ON s.id = l.sale_id
       JOIN products p ON p.id = l.product_id JOIN categories c ON c.id = p.category_id
       WHERE c.code = 'laptop' AND l.serial IS NOT NULL AND l.serial <> 'PF4XK2AB' AND s.customer_id IS NOT NULL
       ORDER BY s.sold_at DESC, l.id LIMIT 1`,
    )
    .get() as { serial: string; name: string; customerId: number } | undefined;
  const [brand = 'ThinkPad', ...modelWords] = (other?.name ?? 'ThinkPad E14').split(' ');
  const t2 = now - 5 * HOUR;
  const benchJobId = intake(
    {
      customer: other ? { id: other.customerId } : { name: '黄晓明', phone: '13900006666' },
      device: {
        categoryCode: 'laptop',
        brand: brand.slice(0, 40),
        model: modelWords.join(' ').slice(0, 60),
        serial: other?.serial ?? 'PF5DEMO01',
      },
      fault: { code: 'not_charging', text: '充电灯不亮 · charge light stays off' },
      condition: laptopChecklist('A 面轻微划痕 · light scratch on the lid'),
      accessoriesLeft: ['charger'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: ids.tech,
    },
    t2,
  );
  move(benchJobId, tech, { to: 'diagnosing', note: '' }, t2 + HOUR);

  // 3. A phone waiting for the customer to approve a quote (out of warranty, no sale).
  const t3 = now - 2 * DAY;
  const quoteJobId = intake(
    {
      customer: { name: '王磊', phone: '13500001234' },
      device: { categoryCode: 'phone', brand: '小米', model: '14', serial: '861234560009998' },
      fault: { code: 'screen', text: '摔落后屏幕碎裂 · cracked after a drop' },
      condition: checklistOf([
        'casing',
        'screen',
        'ports',
        'buttons',
        'water_indicator',
        'powers_on',
        'missing_parts',
      ]).map((c) => (c.item === 'screen' ? { ...c, state: 'issue', note: '屏幕碎裂 · cracked' } : c)),
      accessoriesLeft: ['case'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'customer_removed' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: { reason: '人为摔坏 · dropped by the customer' },
      note: '',
      assign: ids.tech,
    },
    t3,
  );
  move(quoteJobId, tech, { to: 'diagnosing', note: '' }, t3 + HOUR);
  move(
    quoteJobId,
    tech,
    { to: 'awaiting_approval', note: '更换屏幕总成 · replace the screen', quoteMinor: 15_000 },
    t3 + 3 * HOUR,
  );

  // 4. A kettle waiting for a thermal fuse that is out of stock; its promise has passed.
  const t4 = now - 9 * DAY;
  const overdueJobId = intake(
    {
      customer: { name: '周敏', phone: '13700004444' },
      device: { categoryCode: 'small_appliance', brand: '美的', model: '电水壶 1.7L', serial: null },
      fault: { code: 'heating', text: '通电不加热 · no heat' },
      condition: checklistOf(['casing', 'power_cord', 'buttons', 'powers_on', 'missing_parts', 'seals']),
      accessoriesLeft: [],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'none' },
      estimateMinor: 3_000,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: ids.tech,
    },
    t4,
  );
  move(overdueJobId, tech, { to: 'diagnosing', note: '' }, t4 + 2 * HOUR);
  move(
    overdueJobId,
    tech,
    { to: 'awaiting_parts', note: '温控保险丝熔断，缺货 · thermal fuse blown, none in stock' },
    t4 + 3 * HOUR,
  );

  // 5. A speaker, repaired and through QC, ready for pickup with a balance to pay.
  const t5 = now - 4 * DAY;
  const readyJobId = intake(
    {
      customer: { name: '孙丽', phone: '13600005555' },
      device: { categoryCode: 'audio', brand: '漫步者', model: 'M330', serial: 'EDF-M330-7781' },
      fault: { code: 'noise', text: '大音量破音 · distorts at high volume' },
      condition: checklistOf(['casing', 'ports', 'buttons', 'powers_on', 'missing_parts']),
      accessoriesLeft: ['charger'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'none' },
      estimateMinor: 8_000,
      deposit: { amountMinor: 3_000, tender: 'wechat' },
      voidWarranty: null,
      note: '',
      assign: ids.tech,
    },
    t5,
  );
  move(readyJobId, tech, { to: 'diagnosing', note: '' }, t5 + HOUR);
  move(readyJobId, tech, { to: 'repairing', note: '喇叭单元破损 · torn driver' }, t5 + 2 * HOUR);
  part(readyJobId, 'AU-DRV-50MM', t5 + 3 * HOUR);
  move(readyJobId, tech, { to: 'testing', note: '' }, t5 + 4 * HOUR);
  benchRun(readyJobId, 'audio', [3.92, 5.02], t5 + 4 * HOUR);
  move(readyJobId, tech, { to: 'qc', note: '' }, t5 + 5 * HOUR);
  qcPass(readyJobId, t5 + DAY);

  // 6. Headphones just received, not yet assigned.
  const receivedJobId = intake(
    {
      customer: { name: '李娜', phone: '13687654321' },
      device: { categoryCode: 'headphones', brand: '索尼', model: 'WH-1000XM5', serial: 'SNY-XM5-55102' },
      fault: { code: 'connectivity', text: '蓝牙经常断开 · Bluetooth keeps dropping' },
      condition: checklistOf(['casing', 'ports', 'buttons', 'powers_on', 'missing_parts']),
      accessoriesLeft: ['charging_case', 'cable'],
      accessoriesNote: '',
      photos: [],
      passcode: { policy: 'none' },
      estimateMinor: 0,
      deposit: null,
      voidWarranty: null,
      note: '',
      assign: null,
    },
    now - 2 * HOUR,
  );
  return { previousLaptopJobId, benchJobId, quoteJobId, overdueJobId, readyJobId, receivedJobId };
}
