/**
 * The exits and who gets the job, through the contract on a real SQLite file: a job cancelled or
 * returned unrepaired has its stored passcode wiped (a technician can no longer read it, the
 * ciphertext is gone from the row, the timeline says so) and a move without a reason is refused;
 * assignment by hand (a technician only to themselves) and automatic by skill, then by load (fewest
 * open jobs, ties by staff id), generalists when nobody has the skill, refused when nobody fits.
 * The intake's customer lookup by phone (`repairs.findCustomer`) is here too.
 */
import { describe, expect, it } from 'vitest';
import { pngDataUrl, signaturePng } from '../../helpers/png';
import { createStaff } from '../../../core/store/create-staff';
import { repairCategory } from '../../../shared/domain/repairs/categories';
import { contractApi, makeCore, type CoreFixture } from '../../helpers/core-fixture';

const PASSCODE = '135790';

const api = contractApi;

let serialNo = 0;
const intake = (key: string, over: Record<string, unknown> = {}) => {
  serialNo += 1;
  const categoryCode = (over.categoryCode as string | undefined) ?? 'phone';
  const cat = repairCategory(categoryCode);
  return {
    idempotencyKey: key,
    customer: { name: '王磊', phone: '13500001234' },
    device: { categoryCode, brand: '小米', model: '14', serial: `EXIT-${1000 + serialNo}` },
    fault: { code: cat.faults[0] ?? 'other', text: '' },
    condition: cat.checklist.map((item) => ({ item, state: 'ok', note: '' })),
    accessoriesLeft: [],
    passcode: cat.hasPasscode ? { policy: 'stored_encrypted', passcode: PASSCODE } : { policy: 'none' },
    estimateMinor: 0,
    signature: pngDataUrl(signaturePng(160, 48, serialNo)),
    termsAccepted: true,
    ...Object.fromEntries(Object.entries(over).filter(([k]) => k !== 'categoryCode')),
  };
};

const passcodeOf = (f: CoreFixture, jobId: string) =>
  (
    f.core.ctx.db.sqlite.prepare('SELECT passcode_enc AS p FROM repair_jobs WHERE id = ?').get(jobId) as {
      p: Buffer | string | null;
    }
  ).p;

describe('cancel and return unrepaired wipe the passcode', () => {
  it('cancelled at the counter: reason required, passcode gone, the technician is told it was wiped', async () => {
    const f = makeCore();
    try {
      const { ok, code } = api(f);
      const clerk = await f.as('C001');
      const tech = await f.as('T001');
      const { job } = await ok(clerk, 'repairs.intake', intake('exit-cancel-1'));
      expect(job.passcodeStored).toBe(true);
      expect(passcodeOf(f, job.id)).not.toBeNull();
      await ok(tech, 'repairs.transition', { jobId: job.id, to: 'diagnosing' }); // at the bench
      // Only the assigned technician may read it: the technician takes the job.
      await ok(tech, 'repairs.assign', {
        jobId: job.id,
        technicianId: (
          f.core.ctx.db.sqlite.prepare("SELECT id FROM staff WHERE code = 'T001'").get() as { id: number }
        ).id,
      });
      expect(await ok(tech, 'repairs.revealPasscode', { jobId: job.id })).toEqual({ passcode: PASSCODE });

      // No reason: refused, nothing changes (the passcode is still there).
      expect(await code(clerk, 'repairs.transition', { jobId: job.id, to: 'cancelled' })).toBe(
        'REPAIR_REASON_REQUIRED',
      );
      expect(passcodeOf(f, job.id)).not.toBeNull();
      // A technician may not cancel at all.
      expect(
        await code(tech, 'repairs.transition', {
          jobId: job.id,
          to: 'cancelled',
          reason: 'customer_request',
        }),
      ).toBe('REPAIR_TRANSITION_ROLE');

      const cancelled = await ok(clerk, 'repairs.transition', {
        jobId: job.id,
        to: 'cancelled',
        reason: 'customer_request',
        expectedStatus: 'diagnosing',
      });
      expect(cancelled).toMatchObject({ status: 'cancelled', passcodeStored: false });
      expect(passcodeOf(f, job.id)).toBeNull();
      expect(await code(tech, 'repairs.revealPasscode', { jobId: job.id })).toBe('REPAIR_PASSCODE_WIPED');
      const last = cancelled.timeline[cancelled.timeline.length - 1];
      expect(last).toMatchObject({
        to: 'cancelled',
        data: { reason: 'customer_request', passcodeWiped: true },
      });
      // Closed is closed: no further move.
      expect(await code(clerk, 'repairs.transition', { jobId: job.id, to: 'received' })).not.toBe('ok');
    } finally {
      f.close();
    }
  });

  it('returned unrepaired from the bench: passcode wiped, the customer is told', async () => {
    const f = makeCore();
    try {
      const { ok, code } = api(f);
      const clerk = await f.as('C001');
      const tech = await f.as('T001');
      const { job } = await ok(clerk, 'repairs.intake', intake('exit-return-1'));
      for (const to of ['diagnosing', 'repairing'])
        await ok(tech, 'repairs.transition', { jobId: job.id, to });
      expect(
        await code(tech, 'repairs.transition', {
          jobId: job.id,
          to: 'returned_unrepaired',
          reason: 'unrepairable',
        }),
      ).toBe('REPAIR_TRANSITION_ROLE');
      expect(passcodeOf(f, job.id)).not.toBeNull();
      const back = await ok(clerk, 'repairs.transition', {
        jobId: job.id,
        to: 'returned_unrepaired',
        reason: 'unrepairable',
        note: '主板损坏，无配件',
      });
      expect(back).toMatchObject({ status: 'returned_unrepaired', passcodeStored: false });
      expect(passcodeOf(f, job.id)).toBeNull();
      expect(await code(tech, 'repairs.revealPasscode', { jobId: job.id })).toBe('REPAIR_PASSCODE_WIPED');
      const messages = await ok(clerk, 'repairs.notifications', { jobId: job.id });
      expect(messages.some((m) => m.template === 'returned_unrepaired')).toBe(true);
      const audit = f.core.ctx.db.sqlite
        .prepare(
          "SELECT data FROM audit_log WHERE entity_id = ? AND action = 'repair.transition' ORDER BY id DESC LIMIT 1",
        )
        .get(job.id) as { data: string };
      expect(JSON.parse(audit.data)).toMatchObject({ to: 'returned_unrepaired', passcodeWiped: true });
    } finally {
      f.close();
    }
  });
});

describe('assignment by hand and by skill and load', () => {
  it('auto-assigns the skilled technician with the fewest open jobs; generalists otherwise; refusals', async () => {
    const f = makeCore();
    try {
      const { ok, code } = api(f);
      const db = f.core.ctx.db.sqlite;
      const now = f.core.ctx.now();
      // Two more technicians: T002 and T003 (T001 is the fixture's 老陈).
      const t2 = createStaff(
        f.core.ctx.db,
        f.core.ctx.storeId,
        { code: 'T002', name: '小刘', role: 'technician', pin: '2323', badge: 'CDB-TESTTECH2' },
        now,
        null,
      );
      const t3 = createStaff(
        f.core.ctx.db,
        f.core.ctx.storeId,
        { code: 'T003', name: '小孙', role: 'technician', pin: '2424', badge: 'CDB-TESTTECH3' },
        now,
        null,
      );
      const clerk = await f.as('C001');
      const manager = await f.as('M001');
      const tech1 = await f.as('T001');
      const techs = await ok(clerk, 'repairs.technicians', {});
      const t1 = techs.find((x) => x.staff.code === 'T001')?.staff.id ?? 0;
      expect(techs.map((x) => x.staff.code).sort()).toEqual(['T001', 'T002', 'T003']);

      // Nobody has skills: everyone is a generalist; all at 0 open jobs → the lowest staff id.
      const a = await ok(clerk, 'repairs.intake', intake('assign-a'));
      const autoA = await ok(clerk, 'repairs.autoAssign', { jobId: a.job.id });
      expect(autoA).toMatchObject({ skillMatch: false, technician: { staff: { id: t1 }, openJobs: 1 } });

      // Skills: T002 and T003 repair phones; T001 only laptops.
      expect(await code(clerk, 'repairs.setSkills', { technicianId: t2, categories: ['phone'] })).toBe(
        'FORBIDDEN',
      );
      await ok(manager, 'repairs.setSkills', { technicianId: t1, categories: ['laptop'] });
      await ok(manager, 'repairs.setSkills', { technicianId: t2, categories: ['phone', 'audio'] });
      await ok(manager, 'repairs.setSkills', { technicianId: t3, categories: ['phone'] });

      // A phone: T002 and T003 are skilled, both at 0 open jobs → T002 (lower id).
      const b = await ok(clerk, 'repairs.intake', intake('assign-b'));
      const autoB = await ok(clerk, 'repairs.autoAssign', { jobId: b.job.id });
      expect(autoB).toMatchObject({ skillMatch: true, technician: { staff: { id: t2 }, openJobs: 1 } });
      // The next phone goes to T003 (fewer open jobs), and on intake with assign 'auto' too.
      const c = await ok(clerk, 'repairs.intake', { ...intake('assign-c'), assign: 'auto' });
      expect(c.job.assignedTo?.id).toBe(t3);
      // Load decides among the skilled: T002 and T003 both have one → T002 again.
      const d = await ok(clerk, 'repairs.intake', { ...intake('assign-d'), assign: 'auto' });
      expect(d.job.assignedTo?.id).toBe(t2);
      // A laptop: only T001 is skilled, whatever his load.
      const e = await ok(clerk, 'repairs.intake', {
        ...intake('assign-e', { categoryCode: 'laptop' }),
        assign: 'auto',
      });
      expect(e.job.assignedTo?.id).toBe(t1);
      // Headphones: nobody has the skill and nobody is a generalist any more → refused in words.
      const h = await ok(clerk, 'repairs.intake', intake('assign-h', { categoryCode: 'headphones' }));
      expect(await code(clerk, 'repairs.autoAssign', { jobId: h.job.id })).toBe('REPAIR_NO_TECHNICIAN');
      expect((await ok(clerk, 'repairs.get', { jobId: h.job.id })).assignedTo).toBeNull();

      // The loads as the queue shows them.
      const loads = Object.fromEntries(
        (await ok(clerk, 'repairs.technicians', {})).map((x) => [x.staff.code, x.openJobs]),
      );
      expect(loads).toEqual({ T001: 2, T002: 2, T003: 1 });

      // By hand: the clerk assigns anyone; a technician only takes a job himself.
      await ok(clerk, 'repairs.assign', { jobId: h.job.id, technicianId: t3 });
      expect((await ok(clerk, 'repairs.get', { jobId: h.job.id })).assignedTo?.id).toBe(t3);
      expect(await code(tech1, 'repairs.assign', { jobId: h.job.id, technicianId: t2 })).toBe(
        'REPAIR_ASSIGN_NOT_ALLOWED',
      );
      const taken = await ok(tech1, 'repairs.assign', { jobId: h.job.id, technicianId: t1 });
      expect(taken.assignedTo?.id).toBe(t1);
      // A clerk is no assignee.
      const clerkId = (db.prepare("SELECT id FROM staff WHERE code = 'C001'").get() as { id: number }).id;
      expect(await code(manager, 'repairs.assign', { jobId: h.job.id, technicianId: clerkId })).toBe(
        'REPAIR_ASSIGNEE_INVALID',
      );
      // Every assignment is on the timeline with how it was made.
      const timeline = (await ok(clerk, 'repairs.get', { jobId: b.job.id })).timeline;
      expect(timeline.find((x) => x.kind === 'assign')?.data).toMatchObject({
        technicianId: t2,
        how: 'auto',
      });
    } finally {
      f.close();
    }
  });
});

describe('intake customer lookup by phone', () => {
  it('finds the existing customer with their repairs, none for a new number; clerks and managers only', async () => {
    const f = makeCore();
    try {
      const { ok, code } = api(f);
      const clerk = await f.as('C001');
      const tech = await f.as('T001');
      expect(await ok(clerk, 'repairs.findCustomer', { phone: '13500001234' })).toEqual({
        customer: null,
        repairJobs: 0,
      });
      const { job } = await ok(clerk, 'repairs.intake', intake('lookup-1'));
      const found = await ok(clerk, 'repairs.findCustomer', { phone: '13500001234' });
      expect(found).toEqual({
        customer: { id: job.customer?.id, name: '王磊', phone: '13500001234' },
        repairJobs: 1,
      });
      // Only the whole number finds a customer (no match on the last digits at intake).
      expect((await ok(clerk, 'repairs.findCustomer', { phone: '00001234' })).customer).toBeNull();
      expect(await code(clerk, 'repairs.findCustomer', { phone: '1234' })).toBe('INVALID_INPUT');
      expect(await code(clerk, 'repairs.findCustomer', { phone: '135-0000' })).toBe('INVALID_INPUT');
      // A technician does no intake.
      expect(await code(tech, 'repairs.findCustomer', { phone: '13500001234' })).toBe('FORBIDDEN');

      // The clerk corrects the name on the next intake: the customer keeps the id, the name follows.
      const next = await ok(clerk, 'repairs.intake', {
        ...intake('lookup-2'),
        customer: { name: '王蕾', phone: '13500001234' },
      });
      expect(next.job.customer).toEqual({ id: job.customer?.id, name: '王蕾', phone: '13500001234' });
      expect(await ok(clerk, 'repairs.findCustomer', { phone: '13500001234' })).toMatchObject({
        customer: { name: '王蕾' },
        repairJobs: 2,
      });
      const audit = f.core.ctx.db.sqlite
        .prepare("SELECT data FROM audit_log WHERE entity_id = ? AND action = 'repair.intake'")
        .get(next.job.id) as { data: string };
      expect(JSON.parse(audit.data)).toMatchObject({ customerRenamedFrom: '王磊' });
    } finally {
      f.close();
    }
  });
});
