/**
 * A committed return (and a reprint of its slip) announces its print job and wakes the print queue
 * at once, like every other print: the slip reaches the simulated printer without waiting for the
 * queue's next poll. A replayed commit queues nothing and kicks nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceManager } from '../../../core/services/devices/device-manager';
import { seedDemoDevices } from '../../../core/services/devices/demo-devices';
import type { EventPayload } from '../../../shared/contract';
import type { MethodInput } from '../../../shared/contract';
import { waitFor } from '../../helpers/wait-for';
import { inspection, makeReturnsFixture, type ReturnsFixture } from '../returns/returns-fixture';

let f: ReturnsFixture;
let m: DeviceManager;
let jobs: EventPayload<'print.job'>[];

beforeEach(async () => {
  f = await makeReturnsFixture();
  jobs = [];
  f.core.ctx.events.subscribe((name, payload) => {
    if (name === 'print.job') jobs.push(payload as EventPayload<'print.job'>);
  });
  m = f.core.ctx.services.devices;
  seedDemoDevices(f.core.ctx.db, f.core.ctx.now());
  await m.start();
  await waitFor(
    () => m.list().find((d) => d.role === 'receipt-printer')?.status.state === 'connected',
    'receipt printer connected',
  );
});
afterEach(async () => {
  await m.stop();
  f.close();
});

function speakerCommit(key: string): MethodInput<'returns.commit'> {
  return {
    receiptNo: f.receipts.returnWithReceipt,
    resolution: 'refund',
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'performance_fault',
        disposition: 'rma_vendor',
        inspection: inspection('audio', {
          grade: 'A-defective',
          serialScanned: 'EDM330A2611001',
          faultReproduced: true,
        }),
      },
    ],
    idempotencyKey: key,
    expectedTotalMinor: 35_910,
    note: '',
  };
}

const statusesOf = (jobId: number) => jobs.filter((j) => j.jobId === jobId).map((j) => j.status);

describe('a committed return kicks the print queue', () => {
  it('announces the slip job, wakes the worker and the slip prints; the reprint too', async () => {
    const kick = vi.spyOn(m.worker, 'kick');
    const r = await f.call(f.clerk, 'returns.commit', speakerCommit('kick-0001'));
    expect(kick).toHaveBeenCalledTimes(1);
    expect(jobs.find((j) => j.jobId === r.printJobId)).toMatchObject({
      status: 'queued',
      kind: 'return_slip',
      docRef: r.returnId,
    });
    await waitFor(() => statusesOf(r.printJobId).includes('done'), 'slip printed');
    expect(statusesOf(r.printJobId)).toEqual(['queued', 'printing', 'done']);
    const printer = m.list().find((d) => d.role === 'receipt-printer');
    const paper = m.simulatedPrinter(printer?.id ?? 0)?.screen() ?? [];
    expect(paper.some((l) => l.includes(r.returnId))).toBe(true);

    const replay = await f.call(f.clerk, 'returns.commit', speakerCommit('kick-0001'));
    expect(replay.replayed).toBe(true);
    expect(kick).toHaveBeenCalledTimes(1);

    const again = await f.call(f.clerk, 'returns.reprint', { returnId: r.returnId });
    expect(kick).toHaveBeenCalledTimes(2);
    await waitFor(() => statusesOf(again.printJobId).includes('done'), 'reprint printed');
    const after = m.simulatedPrinter(printer?.id ?? 0)?.screen() ?? [];
    expect(after.some((l) => l.includes('*** 重印 ***'))).toBe(true);
  });
});
