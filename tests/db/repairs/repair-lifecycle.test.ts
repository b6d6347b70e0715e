/**
 * A repair job through the contract as the counter, the bench and QC use it, on a real SQLite file:
 * idempotent intake with an encrypted passcode (never in the file in plain text, wiped at pickup),
 * role-checked and table-checked moves (refusals change nothing), quote and approval, parts with
 * stock (out of stock refused whole), tests passed before QC, QC never by the person who repaired,
 * pickup with balance, CSAT and NPS, and the audit chain intact after all of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dbPath } from '../../../core/data-dir';
import { pngDataUrl, signaturePng } from '../../helpers/png';
import { verifyAudit } from '../../../db/audit/chain';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { contractApi, makeCore } from '../../helpers/core-fixture';

const PASSCODE = '246810';

const api = contractApi;

const intakeInput = (key: string) => ({
  idempotencyKey: key,
  customer: { name: '王磊', phone: '13500001234' },
  device: { categoryCode: 'phone', brand: '小米', model: '14', serial: '861234560001111' },
  fault: { code: 'screen', text: '屏幕碎裂' },
  condition: repairCategory('phone').checklist.map((item) => ({ item, state: 'ok', note: '' })),
  accessoriesLeft: ['case'],
  passcode: { policy: 'stored_encrypted', passcode: PASSCODE },
  estimateMinor: 8000,
  deposit: { amountMinor: 3000, tender: 'wechat' },
  signature: pngDataUrl(signaturePng(160, 48, 3)),
  termsAccepted: true,
});

describe('repair job lifecycle through the contract', () => {
  it('intake → diagnosis → quote → approval → parts → bench → QC → pickup, every refusal changing nothing', async () => {
    const f = makeCore({ now: Date.UTC(2026, 10, 23, 2) });
    try {
      const { ok, code } = api(f);
      const db = f.core.ctx.db.sqlite;
      const clerk = await f.as('C001');
      const tech = await f.as('T001');
      const inspector = await f.as('I001');
      const manager = await f.as('M001');

      // Intake, twice with the same key: one job.
      const first = await ok(clerk, 'repairs.intake', intakeInput('lifecycle-intake-1'));
      const again = await ok(clerk, 'repairs.intake', intakeInput('lifecycle-intake-1'));
      expect(again.replayed).toBe(true);
      expect(again.job.id).toBe(first.job.id);
      expect((db.prepare('SELECT count(*) AS n FROM repair_jobs').get() as { n: number }).n).toBe(1);
      const jobId = first.job.id;
      expect(first.job).toMatchObject({ status: 'received', depositMinor: 3000, passcodeStored: true });
      expect(first.printJobs.map((p) => p.kind).sort()).toEqual(['repair_intake', 'shelf_tag']);
      // The passcode is not in the database file (or its WAL) in plain text.
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(readFileSync(dbPath(f.dataDir)).includes(Buffer.from(PASSCODE))).toBe(false);

      // Roles and the table: a clerk cannot start a diagnosis; received → ready is no move at all.
      expect(await code(clerk, 'repairs.transition', { jobId, to: 'diagnosing' })).toBe(
        'REPAIR_TRANSITION_ROLE',
      );
      expect(await code(tech, 'repairs.transition', { jobId, to: 'ready' })).toBe(
        'REPAIR_TRANSITION_ILLEGAL',
      );
      expect((await ok(tech, 'repairs.get', { jobId })).status).toBe('received');
      await ok(tech, 'repairs.transition', { jobId, to: 'diagnosing', expectedStatus: 'received' });
      // Someone else moved it meanwhile: a stale screen is refused.
      expect(
        await code(tech, 'repairs.transition', { jobId, to: 'repairing', expectedStatus: 'received' }),
      ).toBe('REPAIR_STALE_STATUS');
      // Quote needed to ask the customer; then the clerk records how the customer approved.
      expect(await code(tech, 'repairs.transition', { jobId, to: 'awaiting_approval' })).toBe(
        'REPAIR_QUOTE_REQUIRED',
      );
      await ok(tech, 'repairs.transition', { jobId, to: 'awaiting_approval', quoteMinor: 12000 });
      expect(await code(clerk, 'repairs.transition', { jobId, to: 'repairing' })).toBe(
        'REPAIR_APPROVAL_REQUIRED',
      );
      const approved = await ok(clerk, 'repairs.transition', {
        jobId,
        to: 'repairing',
        approval: { method: 'phone', approved: true },
      });
      expect(approved.approval).toMatchObject({ method: 'phone', approved: true, amountMinor: 12000 });

      // The technician reads the passcode (audited).
      // Only the assigned technician may read it: the technician takes the job.
      await ok(tech, 'repairs.assign', {
        jobId,
        technicianId: (
          f.core.ctx.db.sqlite.prepare("SELECT id FROM staff WHERE code = 'T001'").get() as { id: number }
        ).id,
      });
      expect(await ok(tech, 'repairs.revealPasscode', { jobId })).toEqual({ passcode: PASSCODE });

      // Parts: out of stock is refused whole; an in-stock part moves stock and lands on the job.
      db.prepare(
        "INSERT INTO spare_parts (sku, name, stock_qty, low_stock_at, cost_minor, price_minor) VALUES ('SCR-1', '屏幕总成', 1, 1, 45000, 68000)",
      ).run();
      expect(await code(tech, 'repairs.addPart', { jobId, sku: 'SCR-1', qty: 2 })).toBe(
        'REPAIR_PART_OUT_OF_STOCK',
      );
      expect(db.prepare("SELECT stock_qty AS q FROM spare_parts WHERE sku = 'SCR-1'").get()).toEqual({
        q: 1,
      });
      const booked = await ok(tech, 'repairs.addPart', { jobId, sku: 'SCR-1', qty: 1 });
      expect(booked.stockLeft).toBe(0);
      expect(booked.lowStock).toMatchObject({ sku: 'SCR-1', left: 0 });
      // The technician sees the price, not the cost (parts.cost); the manager sees both.
      expect(booked.job).toMatchObject({ partsPriceMinor: 68000 });
      expect(booked.job.partsCostMinor).toBeUndefined();
      expect(await ok(manager, 'repairs.get', { jobId })).toMatchObject({
        partsCostMinor: 45000,
        partsPriceMinor: 68000,
      });

      // Tests must pass before QC: a one-step plan with manual entry allowed.
      await ok(manager, 'bench.savePlan', {
        categoryCode: 'phone',
        name: 'Phone quick check',
        steps: [
          {
            label: '充电电流',
            measure: 'DCA',
            unit: 'A',
            limits: { min: 0.5, max: 3 },
            meterRequired: false,
            allowManual: true,
            stableCount: 3,
          },
        ],
      });
      await ok(tech, 'repairs.transition', { jobId, to: 'testing' });
      expect(await code(tech, 'repairs.transition', { jobId, to: 'qc' })).toBe('REPAIR_TESTS_NOT_PASSED');
      await ok(tech, 'bench.start', { jobId });
      const entered = await ok(tech, 'bench.manualEntry', { jobId, stepIndex: 0, value: 1.2 });
      expect(entered.result).toMatchObject({ verdict: 'pass', manual: true });
      await ok(tech, 'repairs.transition', { jobId, to: 'qc' });

      // QC: the technician has no QC permission; a manager who worked on it is refused; the inspector passes it.
      const qc = {
        jobId,
        checklist: [
          'fault_fixed',
          'functional_test',
          'bench_tests_passed',
          'no_new_damage',
          'fasteners',
          'accessories_ready',
        ].map((item) => ({ item, state: 'ok', note: '' })),
        passed: true,
      };
      expect(await code(tech, 'repairs.qc', qc)).toBe('FORBIDDEN');
      const ready = await ok(inspector, 'repairs.qc', qc);
      expect(ready.status).toBe('ready');
      expect(ready.qcBy?.code).toBe('I001');
      const messages = await ok(clerk, 'repairs.notifications', { jobId });
      expect(
        messages.some((m) => m.template === 'ready' && m.status === 'queued' && m.toPhone === '13500001234'),
      ).toBe(true);

      // Pickup: charge 120.00 + 680.00 parts = 800.00, less the 30.00 deposit = 770.00 due.
      expect(ready.balanceDueMinor).toBe(77000);
      const pickup = {
        jobId,
        idempotencyKey: 'lifecycle-pickup-1',
        payment: null,
        signature: pngDataUrl(signaturePng(160, 48, 4)),
        csat: 4,
        nps: 9,
      };
      expect(await code(clerk, 'repairs.pickup', pickup)).toBe('REPAIR_PAYMENT_REQUIRED');
      const handed = await ok(clerk, 'repairs.pickup', {
        ...pickup,
        payment: { tender: 'cash', amountMinor: 77000 },
      });
      expect(handed.job).toMatchObject({ status: 'picked_up', csat: 4, nps: 9, passcodeStored: false });
      expect(handed.printJobs.map((p) => p.kind)).toContain('pickup');
      expect(await code(tech, 'repairs.revealPasscode', { jobId })).toBe('REPAIR_PASSCODE_WIPED');
      const replay = await ok(clerk, 'repairs.pickup', {
        ...pickup,
        payment: { tender: 'cash', amountMinor: 77000 },
      });
      expect(replay.replayed).toBe(true);
      expect(
        await code(clerk, 'repairs.pickup', {
          ...pickup,
          idempotencyKey: 'lifecycle-pickup-2',
          payment: { tender: 'cash', amountMinor: 77000 },
        }),
      ).toMatch(/REPAIR_JOB_CLOSED|REPAIR_TRANSITION_ILLEGAL/);

      // Every change is in the timeline and the audit chain, which still verifies.
      const job = await ok(manager, 'repairs.get', { jobId });
      expect(job.timeline.map((e) => e.to)).toEqual(
        expect.arrayContaining([
          'received',
          'diagnosing',
          'awaiting_approval',
          'repairing',
          'testing',
          'qc',
          'ready',
          'picked_up',
        ]),
      );
      const actions = (
        db.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id').all(jobId) as {
          action: string;
        }[]
      ).map((a) => a.action);
      expect(actions.length).toBeGreaterThanOrEqual(9);
      expect(actions).toContain('repair.passcode_viewed');
      expect(verifyAudit(db).ok).toBe(true);
    } finally {
      f.close();
    }
  });

  it('a manager who repaired the device cannot also pass its QC', async () => {
    const f = makeCore({ now: Date.UTC(2026, 10, 23, 2) });
    try {
      const { ok, code } = api(f);
      const clerk = await f.as('C001');
      const manager = await f.as('M001');
      const { job } = await ok(clerk, 'repairs.intake', {
        ...intakeInput('qc-same-1'),
        passcode: { policy: 'customer_removed' },
      });
      for (const to of ['diagnosing', 'repairing', 'testing'])
        await ok(manager, 'repairs.transition', { jobId: job.id, to });
      // No plan for phones in this store: nothing to test, so QC may be asked for.
      await ok(manager, 'repairs.transition', { jobId: job.id, to: 'qc' });
      const qc = {
        jobId: job.id,
        checklist: [
          'fault_fixed',
          'functional_test',
          'bench_tests_passed',
          'no_new_damage',
          'fasteners',
          'accessories_ready',
        ].map((item) => ({ item, state: item === 'bench_tests_passed' ? 'na' : 'ok', note: '' })),
        passed: true,
      };
      expect(await code(manager, 'repairs.qc', qc)).toBe('REPAIR_QC_SAME_TECHNICIAN');
      expect((await ok(manager, 'repairs.get', { jobId: job.id })).status).toBe('qc');
    } finally {
      f.close();
    }
  });
});
