/**
 * Reads an inspection: the clerk's flags AND the category checklist's answers (any ✗ wins), the
 * scanned serial against the sale, and the grade a ✗ on a damage item forces. What it returns is
 * what the policy decision and the disposition are based on.
 */
import { AppError } from '../../../shared/contract/errors';
import type { InspectionInput } from '../../../shared/contract/methods/returns';
import type { ConditionGrade } from '../../../shared/domain/policy';
import {
  checklistFor,
  isChecklistItem,
  requiredChecklistItems,
  CHECKLIST_ITEMS,
  type ChecklistEffect,
} from '../../../shared/domain/returns/checklists';
import { inspectedGrade, sameSerial } from '../../../shared/domain/returns/inspection';

export interface EvaluatedInspection {
  grade: ConditionGrade;
  gradeAdjusted: boolean;
  accessoriesComplete: boolean;
  packagingIntact: boolean;
  serialMatches: boolean | null;
  faultConfirmed: boolean | null;
  checklist: { item: string; ok: boolean; note: string }[];
  checklistItems: string[];
  missingItems: string[];
  /** A ✗ on factory reset / account removal: the item cannot be taken back yet. */
  deviceLocked: boolean;
  /** A ✗ on "powers on". */
  notWorking: boolean;
}

/** Combines yes/no answers: any false → false, else any true → true, else null (not checked). */
function all(values: readonly (boolean | null | undefined)[]): boolean | null {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === true) ? true : null;
}

/** Evaluates one line's inspection (RETURN_CHECKLIST_INVALID for unknown or repeated items). */
export function evaluateInspection(
  input: InspectionInput,
  opts: { lineNo: number; category: string | null; saleSerial: string | null; faultClaimed: boolean },
): EvaluatedInspection {
  const list = checklistFor(opts.category);
  const seen = new Set<string>();
  const byEffect = new Map<ChecklistEffect, boolean[]>();
  for (const a of input.checklist) {
    if (!isChecklistItem(a.item) || !list.includes(a.item)) {
      throw new AppError('RETURN_CHECKLIST_INVALID', { lineNo: opts.lineNo, item: a.item, why: 'unknown' });
    }
    if (seen.has(a.item)) {
      throw new AppError('RETURN_CHECKLIST_INVALID', { lineNo: opts.lineNo, item: a.item, why: 'duplicate' });
    }
    seen.add(a.item);
    const effect = CHECKLIST_ITEMS[a.item];
    byEffect.set(effect, [...(byEffect.get(effect) ?? []), a.ok]);
  }
  const answers = (e: ChecklistEffect): boolean[] => byEffect.get(e) ?? [];

  let serialMatches: boolean | null = null;
  if (opts.saleSerial !== null) {
    const scanned =
      input.serialScanned === undefined ? null : sameSerial(input.serialScanned, opts.saleSerial);
    serialMatches = all([scanned, input.serialMatches, ...answers('serial')]);
  } else if (answers('serial').includes(false) || input.serialMatches === false) {
    // The sale has no serial but the clerk says the item's does not match: trust the ✗.
    serialMatches = false;
  }

  const grade: ConditionGrade = inspectedGrade(input.grade, input.checklist);
  const missing = requiredChecklistItems(opts.category, {
    hasSerial: opts.saleSerial !== null,
    faultClaimed: opts.faultClaimed,
  }).filter((id) => !seen.has(id));

  return {
    grade,
    gradeAdjusted: grade !== input.grade,
    accessoriesComplete: all([input.accessoriesComplete, ...answers('accessory')]) !== false,
    packagingIntact: all([input.packagingIntact, ...answers('packaging')]) !== false,
    serialMatches,
    faultConfirmed: opts.faultClaimed ? all([input.faultReproduced, ...answers('fault')]) : null,
    checklist: input.checklist.map((a) => ({ item: a.item, ok: a.ok, note: a.note ?? '' })),
    checklistItems: [...list],
    missingItems: missing,
    deviceLocked: answers('account_lock').includes(false),
    notWorking: answers('function').includes(false),
  };
}
