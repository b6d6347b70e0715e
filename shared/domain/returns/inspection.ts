/**
 * Rules an inspection is read by, in core (the verdict) and in the renderer (what the clerk sees
 * before asking): what a ✗ on a checklist item means for the grade, and when two serials are the same.
 */
import type { ConditionGrade } from '../policy/vocabulary';
import { CHECKLIST_ITEMS, isChecklistItem, type ChecklistEffect } from './checklists';

/** One checklist answer: ✓ (`ok`) or ✗. */
export interface ChecklistAnswer {
  readonly item: string;
  readonly ok: boolean;
}

/** True when an answer is a ✗ on an item with this effect (unknown items count for nothing). */
export function failsEffect(answers: Iterable<ChecklistAnswer>, effect: ChecklistEffect): boolean {
  for (const a of answers)
    if (!a.ok && isChecklistItem(a.item) && CHECKLIST_ITEMS[a.item] === effect) return true;
  return false;
}

/** The grade an inspection stands at: a ✗ on a damage item makes it C-damaged, whatever grade was picked. */
export function inspectedGrade<G extends ConditionGrade | null>(
  grade: G,
  answers: Iterable<ChecklistAnswer>,
): G | 'C-damaged' {
  return failsEffect(answers, 'damage') ? 'C-damaged' : grade;
}

/** A serial as it is compared: without spaces or dashes, upper case (IMEIs are often typed in groups). */
export function normalizeSerial(serial: string): string {
  return serial.replace(/[\s-]/g, '').toUpperCase();
}

/** True when two serials are the same one (an empty serial matches nothing). */
export function sameSerial(a: string, b: string): boolean {
  const n = normalizeSerial(a);
  return n !== '' && n === normalizeSerial(b);
}
