/**
 * The repair repository's composed queries on a real core: the queue's filters (statuses, open only,
 * technician, unassigned, overdue), search by job-number tail, phone digits and serial, technician
 * loads, and the latest attempt of every bench step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { insertResultRow, latestAttemptRows } from '../../../db/repositories/bench/results';
import { queueRows, searchRows } from '../../../db/repositories/repairs/queries';
import { staffIdByCode, technicianRows } from '../../../db/repositories/repairs/technicians';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';
import { pngDataUrl, signaturePng } from '../../helpers/png';

let f: CoreFixture | null = null;
afterEach(() => {
  f?.close();
  f = null;
});

const intake = (key: string, phone: string, serial: string, assign: number | null) => {
  const cat = repairCategory('audio');
  return {
    idempotencyKey: `repo-test-${key}`,
    customer: { name: '王磊', phone },
    device: { categoryCode: 'audio', brand: '漫步者', model: 'M330', serial },
    fault: { code: cat.faults[0] ?? 'other', text: '' },
    condition: cat.checklist.map((item) => ({ item, state: 'ok', note: '' })),
    accessoriesLeft: [],
    passcode: { policy: 'none' },
    estimateMinor: 0,
    signature: pngDataUrl(signaturePng(160, 48, 3)),
    termsAccepted: true,
    assign,
  };
};

describe('repairs repository', () => {
  it('filters the queue and finds jobs by number tail, phone digits and serial', async () => {
    f = makeCore();
    const { db, storeId, now } = f.core.ctx;
    const { ok } = contractApi(f);
    const clerk = await f.as('C001');
    const tech = staffIdByCode(db, storeId, 'T001');
    if (tech === undefined) throw new Error('T001 missing');
    const a = (await ok(clerk, 'repairs.intake', intake('repo-a', '13500001234', 'SER-A', tech))).job;
    const b = (await ok(clerk, 'repairs.intake', intake('repo-b', '13900005678', 'SER-B', null))).job;
    const all = { unassigned: false, overdue: false, includeClosed: false, limit: 50 };

    expect(queueRows(db, storeId, all, now()).map((r) => r.id)).toEqual([a.id, b.id]);
    expect(queueRows(db, storeId, { ...all, statuses: ['diagnosing'] }, now())).toEqual([]);
    expect(queueRows(db, storeId, { ...all, statuses: ['diagnosing', 'received'] }, now())).toHaveLength(2);
    expect(queueRows(db, storeId, { ...all, technicianId: tech }, now()).map((r) => r.id)).toEqual([a.id]);
    expect(queueRows(db, storeId, { ...all, unassigned: true }, now()).map((r) => r.id)).toEqual([b.id]);
    expect(queueRows(db, storeId, { ...all, overdue: true }, now())).toEqual([]);
    expect(queueRows(db, storeId, { ...all, overdue: true }, a.promisedAt + 1)).toHaveLength(2);
    const row = queueRows(db, storeId, { ...all, technicianId: tech }, now())[0];
    expect(row).toMatchObject({ customerPhone: '13500001234', assignedCode: 'T001', status: 'received' });
    expect(row?.updatedAt).toBeGreaterThanOrEqual(row?.createdAt ?? Infinity);

    const find = (q: { jobId?: string; phoneRevPrefix?: string; serial?: string }) =>
      searchRows(db, storeId, { ...q, limit: 10 }).map((r) => r.id);
    expect(find({ jobId: a.id.slice(-4) })).toEqual([a.id]);
    expect(find({ jobId: a.id.toLowerCase() })).toEqual([a.id]);
    expect(find({ phoneRevPrefix: '8765' })).toEqual([b.id]);
    expect(find({ serial: ' SER-A ' })).toEqual([a.id]);
    expect(find({ jobId: '%' })).toEqual([]);
  });

  it('counts technicians’ open and overdue jobs, and keeps the latest attempt of each bench step', async () => {
    f = makeCore();
    const { db, storeId, now } = f.core.ctx;
    const { ok } = contractApi(f);
    const clerk = await f.as('C001');
    const tech = staffIdByCode(db, storeId, 'T001');
    if (tech === undefined) throw new Error('T001 missing');
    const job = (await ok(clerk, 'repairs.intake', intake('repo-c', '13500001234', 'SER-C', tech))).job;
    const loads = technicianRows(db, storeId, job.promisedAt + 1);
    expect(loads.find((t) => t.id === tech)).toMatchObject({
      openJobs: 1,
      overdueJobs: 1,
      role: 'technician',
    });
    expect(technicianRows(db, storeId, now()).find((t) => t.id === tech)?.overdueJobs).toBe(0);

    const result = (stepIndex: number, attempt: number, verdict: 'pass' | 'fail') =>
      db.transaction(() =>
        insertResultRow(db, {
          jobId: job.id,
          planId: 7,
          stepIndex,
          attempt,
          at: now(),
          value: 1,
          unit: 'V',
          fn: 'DCV',
          display: `#${attempt}`,
          verdict,
          reason: null,
          manual: attempt === 2,
          instrumentId: null,
          calibrationOverdue: false,
          staffId: tech,
        }),
      );
    result(0, 1, 'fail');
    result(0, 2, 'pass');
    result(1, 1, 'fail');
    expect(latestAttemptRows(db, job.id, 7)).toEqual([
      { stepIndex: 0, display: '#2', verdict: 'pass', manual: true },
      { stepIndex: 1, display: '#1', verdict: 'fail', manual: false },
    ]);
  });
});
