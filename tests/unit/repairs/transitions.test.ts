/**
 * The repair lifecycle table, checked move by move against the workflow written out by hand below
 * (from the issue: received → diagnosing → awaiting approval → awaiting parts → repairing → testing →
 * QC → ready → picked up; cancel / hand back unrepaired). Every (from, to, role) triple of the 11
 * statuses × 5 roles is asserted, so an added, removed or widened move fails here.
 */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/contract/permissions';
import {
  REPAIR_STATUSES,
  isOverdue,
  isTerminal,
  type RepairStatus,
} from '../../../shared/domain/repairs/statuses';
import {
  TRANSITIONS,
  checkTransition,
  nextStatuses,
  transitionsFor,
} from '../../../shared/domain/repairs/transitions';

type Move = [from: RepairStatus, to: RepairStatus, roles: Role[], needs: string[], via: string];
const M: Role[] = ['manager', 'admin'];
const T = 'repairs.transition';

/** The workflow as the store runs it (manager and admin may stand in for anyone). */
const EXPECTED: Move[] = [
  ['received', 'diagnosing', ['technician', ...M], [], T],
  ['diagnosing', 'awaiting_approval', ['technician', ...M], ['quote'], T],
  ['diagnosing', 'awaiting_parts', ['technician', ...M], [], T],
  ['diagnosing', 'repairing', ['technician', ...M], [], T],
  ['awaiting_approval', 'awaiting_parts', ['clerk', 'technician', ...M], ['approval'], T],
  ['awaiting_approval', 'repairing', ['clerk', 'technician', ...M], ['approval'], T],
  ['awaiting_parts', 'repairing', ['technician', ...M], [], T],
  ['repairing', 'awaiting_parts', ['technician', ...M], [], T],
  ['repairing', 'awaiting_approval', ['technician', ...M], ['quote'], T],
  ['repairing', 'testing', ['technician', ...M], [], T],
  ['testing', 'repairing', ['technician', ...M], [], T],
  ['testing', 'qc', ['technician', ...M], ['testsPassed'], T],
  ['qc', 'ready', ['inspector', ...M], ['qcChecklist'], 'repairs.qc'],
  ['qc', 'repairing', ['inspector', ...M], ['qcChecklist'], 'repairs.qc'],
  ['ready', 'picked_up', ['clerk', ...M], ['pickup'], 'repairs.pickup'],
  ['received', 'cancelled', ['clerk', ...M], ['reason'], T],
  ['diagnosing', 'cancelled', ['clerk', ...M], ['reason'], T],
  ['awaiting_approval', 'cancelled', ['clerk', ...M], ['reason'], T],
  ['awaiting_parts', 'cancelled', ['clerk', ...M], ['reason'], T],
  ['diagnosing', 'returned_unrepaired', ['clerk', ...M], ['reason'], T],
  ['awaiting_approval', 'returned_unrepaired', ['clerk', ...M], ['reason'], T],
  ['awaiting_parts', 'returned_unrepaired', ['clerk', ...M], ['reason'], T],
  ['repairing', 'returned_unrepaired', ['clerk', ...M], ['reason'], T],
];

const expectedMove = (from: RepairStatus, to: RepairStatus): Move | undefined =>
  EXPECTED.find(([f, t]) => f === from && t === to);

describe('repair transition table', () => {
  it('has exactly the expected moves, with their needs and owning method', () => {
    expect(TRANSITIONS).toHaveLength(EXPECTED.length);
    for (const [from, to, roles, needs, via] of EXPECTED) {
      const rule = TRANSITIONS.find((t) => t.from === from && t.to === to);
      expect(rule, `${from} → ${to}`).toBeDefined();
      expect([...(rule?.roles ?? [])].sort(), `${from} → ${to} roles`).toEqual([...roles].sort());
      expect([...(rule?.needs ?? [])], `${from} → ${to} needs`).toEqual(needs);
      expect(rule?.via, `${from} → ${to} via`).toBe(via);
    }
  });

  it('checks every (from, to, role): legal moves for their roles, refusals with the reason otherwise', () => {
    let legal = 0;
    let illegal = 0;
    let wrongRole = 0;
    for (const from of REPAIR_STATUSES) {
      for (const to of REPAIR_STATUSES) {
        for (const role of ROLES) {
          const check = checkTransition(from, to, role);
          const move = expectedMove(from, to);
          const label = `${from} → ${to} as ${role}`;
          if (!move) {
            illegal++;
            expect(check.ok, label).toBe(false);
            if (!check.ok)
              expect(check.reason, label).toBe(from === to ? 'same_status' : 'no_such_transition');
          } else if (move[2].includes(role)) {
            legal++;
            expect(check.ok, label).toBe(true);
          } else {
            wrongRole++;
            expect(check, label).toMatchObject({ ok: false, reason: 'role_not_allowed' });
            if (!check.ok && check.reason === 'role_not_allowed')
              expect([...check.allowedRoles].sort(), label).toEqual([...move[2]].sort());
          }
        }
      }
    }
    // 23 moves; 11 × 11 × 5 triples in all.
    expect(legal + illegal + wrongRole).toBe(605);
    expect(illegal).toBe((121 - 23) * 5);
  });

  it('an illegal move names where the job can go instead', () => {
    expect(checkTransition('received', 'ready', 'manager')).toEqual({
      ok: false,
      reason: 'no_such_transition',
      allowedTo: ['diagnosing', 'cancelled'],
    });
    expect(checkTransition('testing', 'testing', 'technician')).toMatchObject({
      ok: false,
      reason: 'same_status',
    });
  });

  it('ended jobs go nowhere; every other status can move on', () => {
    for (const s of REPAIR_STATUSES) {
      expect(nextStatuses(s).length === 0, s).toBe(isTerminal(s));
    }
  });

  it('a clerk cannot start a diagnosis; a technician cannot sign off QC or hand a device over', () => {
    expect(transitionsFor('received', 'clerk').map((t) => t.to)).toEqual(['cancelled']);
    expect(transitionsFor('qc', 'technician')).toEqual([]);
    expect(transitionsFor('ready', 'technician')).toEqual([]);
    expect(transitionsFor('ready', 'inspector')).toEqual([]);
  });

  it('overdue means work still owed after the promised instant (not once ready or ended)', () => {
    const promised = Date.UTC(2026, 10, 30, 15, 59, 59, 999);
    expect(isOverdue('repairing', promised, promised)).toBe(false);
    expect(isOverdue('repairing', promised, promised + 1)).toBe(true);
    expect(isOverdue('qc', promised, promised + 1)).toBe(true);
    expect(isOverdue('ready', promised, promised + 1)).toBe(false);
    expect(isOverdue('picked_up', promised, promised + 1)).toBe(false);
  });
});
