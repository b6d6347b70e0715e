/**
 * Costs and passcodes through the contract: parts cost (what the store paid) reaches only callers
 * holding `parts.cost` — not in a clerk's or technician's `repairs.get` (total, lines, timeline) or
 * `repairs.parts`; a manager's has it. A stored device passcode is revealed only to the assigned
 * technician or a manager, and only while the job is at the bench: another technician, a clerk,
 * the assigned technician before the bench or after the job left it are all refused.
 */
import { describe, expect, it } from 'vitest';
import { createStaff } from '../../../core/store/create-staff';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { pngDataUrl, signaturePng } from '../../helpers/png';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';

const PASSCODE = '246813';

const intake = (key: string) => {
  const cat = repairCategory('phone');
  return {
    idempotencyKey: key,
    customer: { name: '陈静', phone: '13900004321' },
    device: { categoryCode: 'phone', brand: '华为', model: 'P60', serial: `CP-${key}` },
    fault: { code: cat.faults[0] ?? 'other', text: '' },
    condition: cat.checklist.map((item) => ({ item, state: 'ok', note: '' })),
    accessoriesLeft: [],
    passcode: { policy: 'stored_encrypted', passcode: PASSCODE },
    estimateMinor: 0,
    signature: pngDataUrl(signaturePng(160, 48, 7)),
    termsAccepted: true,
  };
};

const idOf = (f: CoreFixture, code: string) =>
  (f.core.ctx.db.sqlite.prepare('SELECT id FROM staff WHERE code = ?').get(code) as { id: number }).id;

describe('parts cost only with parts.cost', () => {
  it("a clerk's and a technician's job and parts list carry no cost; a manager's do", async () => {
    const f = makeCore();
    try {
      const { ok } = contractApi(f);
      const clerk = await f.as('C001');
      const tech = await f.as('T001');
      const manager = await f.as('M001');
      f.core.ctx.db.sqlite
        .prepare(
          "INSERT INTO spare_parts (sku, name, stock_qty, low_stock_at, cost_minor, price_minor) VALUES ('BAT-9', '电池', 5, 1, 8800, 19900)",
        )
        .run();
      const { job } = await ok(clerk, 'repairs.intake', intake('cost-job-1'));
      await ok(tech, 'repairs.transition', { jobId: job.id, to: 'diagnosing' });
      await ok(tech, 'repairs.addPart', { jobId: job.id, sku: 'BAT-9', qty: 1 });

      for (const conn of [clerk, tech]) {
        const seen = await ok(conn, 'repairs.get', { jobId: job.id });
        expect(seen.partsPriceMinor).toBe(19900);
        expect(seen.partsCostMinor).toBeUndefined();
        expect(JSON.stringify(seen)).not.toContain('8800');
        expect(seen.parts[0]).not.toHaveProperty('unitCostMinor');
        const parts = await ok(conn, 'repairs.parts', {});
        expect(parts.map((p) => p.sku)).toContain('BAT-9');
        for (const p of parts) expect(p).not.toHaveProperty('costMinor');
      }
      const mine = await ok(manager, 'repairs.get', { jobId: job.id });
      expect(mine.partsCostMinor).toBe(8800);
      expect(mine.parts[0]?.unitCostMinor).toBe(8800);
      expect((await ok(manager, 'repairs.parts', {})).find((p) => p.sku === 'BAT-9')?.costMinor).toBe(8800);
    } finally {
      f.close();
    }
  });
});

describe('passcode reveal: assigned technician or manager, at the bench', () => {
  it('refuses another technician, a clerk, before the bench and after the job left it', async () => {
    const f = makeCore();
    try {
      const { ok, code } = contractApi(f);
      createStaff(
        f.core.ctx.db,
        f.core.ctx.storeId,
        { code: 'T002', name: '小刘', role: 'technician', pin: '2323', badge: 'CDB-TESTTECH2' },
        f.core.ctx.now(),
        null,
      );
      const other = f.core.connect();
      const signed = await f.core.dispatcher.call(other, 'auth.signIn', { code: 'T002', pin: '2323' });
      expect(signed.ok).toBe(true);
      const clerk = await f.as('C001');
      const tech = await f.as('T001');
      const manager = await f.as('M001');
      const { job } = await ok(clerk, 'repairs.intake', intake('passcode-job-1'));
      await ok(clerk, 'repairs.assign', { jobId: job.id, technicianId: idOf(f, 'T001') });

      // Not at the bench yet (received, on the shelf).
      expect(await code(tech, 'repairs.revealPasscode', { jobId: job.id })).toBe(
        'REPAIR_PASSCODE_NOT_AT_BENCH',
      );
      await ok(tech, 'repairs.transition', { jobId: job.id, to: 'diagnosing' });
      // Someone else's job; a clerk has no repairs.work at all.
      expect(await code(other, 'repairs.revealPasscode', { jobId: job.id })).toBe(
        'REPAIR_PASSCODE_NOT_ASSIGNED',
      );
      expect(await code(clerk, 'repairs.revealPasscode', { jobId: job.id })).toBe('FORBIDDEN');
      // The assigned technician and a manager may.
      expect(await ok(tech, 'repairs.revealPasscode', { jobId: job.id })).toEqual({ passcode: PASSCODE });
      expect(await ok(manager, 'repairs.revealPasscode', { jobId: job.id })).toEqual({ passcode: PASSCODE });
      const viewed = (await ok(manager, 'repairs.get', { jobId: job.id })).timeline.filter(
        (e) => e.kind === 'passcode_viewed',
      );
      expect(viewed).toHaveLength(2);

      // Left the bench (handed to QC): refused, even to the assigned technician.
      const db = f.core.ctx.db.sqlite;
      db.prepare("UPDATE repair_jobs SET status = 'qc' WHERE id = ?").run(job.id);
      expect(await code(tech, 'repairs.revealPasscode', { jobId: job.id })).toBe(
        'REPAIR_PASSCODE_NOT_AT_BENCH',
      );
      db.prepare("UPDATE repair_jobs SET status = 'ready' WHERE id = ?").run(job.id);
      expect(await code(manager, 'repairs.revealPasscode', { jobId: job.id })).toBe(
        'REPAIR_PASSCODE_NOT_AT_BENCH',
      );
    } finally {
      f.close();
    }
  });
});
