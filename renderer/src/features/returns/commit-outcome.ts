/**
 * What an answer to `returns.commit` means for the return at the counter (the wire's `outcomeOf`
 * applied to this screen). A recorded refund is never shown as refused: an answer that may come
 * after core committed keeps the request frozen, and F9 sends it again with the same attempt key,
 * which core looks up first and answers with what it recorded (`replayed`) instead of refunding twice.
 */
import type { AppErrorValue, Result } from '../../../../shared/contract/errors';
import type { CommitResult } from '../../../../shared/contract/methods/returns';
import { outcomeOf, refusedBeforeHandler } from '../../../../shared/contract/wire';

export type CommitOutcome =
  /** Core recorded the return (now, or earlier under the same key: `result.replayed`). */
  | { status: 'done'; result: CommitResult }
  /** Core refused it in one transaction: nothing was recorded, the request may change again. */
  | { status: 'error'; error: AppErrorValue }
  /** Core may or may not have recorded it: keep the request as sent; F9 resends the same key. */
  | { status: 'unknown'; error: AppErrorValue };

/**
 * The outcome of one commit call. `resend` is true when this request (its attempt key) was sent
 * before without a settled answer (a lost answer, or a pending request resumed from a draft): a
 * refusal before the handler looked the key up then leaves the earlier call's outcome unknown.
 */
export function commitOutcome(answer: Result<CommitResult>, resend: boolean): CommitOutcome {
  if (answer.ok) return { status: 'done', result: answer.value };
  const { error } = answer;
  if (outcomeOf(error) === 'unknown') return { status: 'unknown', error };
  if (resend && refusedBeforeHandler(error)) return { status: 'unknown', error };
  return { status: 'error', error };
}
