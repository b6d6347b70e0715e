/**
 * A refund core recorded is never shown as refused. The real dispatcher and the real returns.commit,
 * whose answer fails the output check AFTER the commit (the dispatcher then answers INTERNAL): the
 * returns screen's rule calls that "unknown", keeps the request, and F9's resend with the same
 * attempt key gets the recorded return back (replayed), once. A resend the dispatcher refuses before
 * the handler looked the key up (signed out) says nothing about the earlier call: still unknown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers } from '../../core/compose';
import { createDispatcher, type Dispatcher } from '../../core/dispatch/dispatcher';
import type { MethodInput } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import { commitOutput, type CommitResult } from '../../shared/contract/methods/returns';
import { commitOutcome } from '../../renderer/src/features/returns/commit-outcome';
import { counts, inspection, makeReturnsFixture, type ReturnsFixture } from '../db/returns/returns-fixture';

let f: ReturnsFixture;
let dispatcher: Dispatcher;
/** Attempt keys whose next commit answer is spoiled after the handler ran. */
const spoil = new Set<string>();

beforeAll(async () => {
  f = await makeReturnsFixture();
  const commit = handlers['returns.commit'];
  dispatcher = createDispatcher(
    f.core.ctx,
    {
      ...handlers,
      'returns.commit': async (input, ctx) => {
        const out = await commit(input, ctx);
        if (!spoil.delete(input.idempotencyKey)) return out;
        // Committed, then an answer that breaks the output schema (an integer field that is not one).
        return { ...out, printJobId: out.printJobId + 0.5 };
      },
    },
    { error: () => undefined },
  );
});
afterAll(() => f.close());

/** A dispatcher answer as the screen's api facade types it. */
function answer(r: Result<unknown>): Result<CommitResult> {
  return r.ok ? { ok: true, value: commitOutput.parse(r.value) } : r;
}

function speaker(key: string): MethodInput<'returns.commit'> {
  return {
    receiptNo: f.receipts.returnWithReceipt,
    resolution: 'refund',
    lines: [
      {
        lineNo: 1,
        qty: 1,
        reason: 'performance_fault',
        inspection: inspection('audio', {
          grade: 'A-defective',
          serialScanned: 'EDM330A2611001',
          faultReproduced: true,
        }),
      },
    ],
    idempotencyKey: key,
    expectedTotalMinor: 35_910,
  };
}

describe('the outcome of a commit whose answer failed after core recorded it', () => {
  it('INTERNAL after the commit is "unknown", never "refused"; the resend replays the one return', async () => {
    const before = counts(f.db);
    spoil.add('ret-internal-after-commit');
    const first = await dispatcher.call(f.clerk, 'returns.commit', speaker('ret-internal-after-commit'));
    expect(first).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // Core did record it.
    expect(counts(f.db).returns).toBe(before.returns + 1);
    const outcome = commitOutcome(answer(first), false);
    expect(outcome.status).toBe('unknown');

    // Signed out meanwhile (a new connection): refused before the key was looked up → still unknown.
    const signedOut = await dispatcher.call(
      f.core.connect(),
      'returns.commit',
      speaker('ret-internal-after-commit'),
    );
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect(commitOutcome(answer(signedOut), true).status).toBe('unknown');

    // F9 again, same attempt key: core answers what it recorded, and records nothing more.
    const again = await dispatcher.call(f.clerk, 'returns.commit', speaker('ret-internal-after-commit'));
    const settled = commitOutcome(answer(again), true);
    expect(settled).toMatchObject({ status: 'done', result: { replayed: true } });
    expect(counts(f.db).returns).toBe(before.returns + 1);
  });

  it('a refusal inside the handler after a lost answer is a settled "refused": the key was looked up first', async () => {
    const r = await dispatcher.call(f.clerk, 'returns.commit', {
      receiptNo: f.receipts.returnWithReceipt,
      resolution: 'refund',
      lines: [{ lineNo: 2, qty: 1, reason: 'no_reason', inspection: inspection('accessories') }],
      idempotencyKey: 'ret-refused-on-resend',
      expectedTotalMinor: 1,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'RETURN_TOTAL_CHANGED' } });
    expect(commitOutcome(answer(r), true).status).toBe('error');
  });
});
