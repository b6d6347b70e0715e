/**
 * core/printing is the only writer of print jobs: a job it refuses throws a typed AppError naming
 * what is wrong, and nothing is written (no job, no attempt).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { enqueuePrintJob } from '../../../core/printing/enqueue';
import type { PrintJobRequest } from '../../../core/printing/job-request';
import type { PrintKind } from '../../../core/printing/kinds';
import { AppError } from '../../../shared/contract/errors';
import type { ReceiptDocument } from '../../../shared/domain/receipt/layout';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture | null = null;
afterEach(() => {
  f?.close();
  f = null;
});

const doc: ReceiptDocument = {
  paper: 80,
  locale: 'zh-CN',
  blocks: [{ kind: 'text', text: '取机单 J-20261123-0003', align: 'center' }],
};

const ok: PrintJobRequest = { kind: 'pickup', docRef: 'J-20261123-0003', document: doc, staffId: 1 };

const refused: [string, PrintJobRequest, { code: string; field?: string }][] = [
  ['an unknown kind', { ...ok, kind: 'receipt' as PrintKind }, { code: 'PRINT_JOB_INVALID', field: 'kind' }],
  [
    'a kind in capitals',
    { ...ok, kind: 'Pickup' as PrintKind },
    { code: 'PRINT_JOB_INVALID', field: 'kind' },
  ],
  ['a role with a path', { ...ok, role: '../lp0' }, { code: 'PRINT_JOB_INVALID', field: 'role' }],
  ['no copies', { ...ok, copies: 0 }, { code: 'PRINT_JOB_INVALID', field: 'copies' }],
  ['six copies', { ...ok, copies: 6 }, { code: 'PRINT_JOB_INVALID', field: 'copies' }],
  ['half a copy', { ...ok, copies: 1.5 }, { code: 'PRINT_JOB_INVALID', field: 'copies' }],
  ['an empty source document', { ...ok, docRef: '' }, { code: 'PRINT_JOB_INVALID', field: 'docRef' }],
  [
    'a source document with control bytes',
    { ...ok, docRef: 'J-1\u001b@' },
    { code: 'PRINT_JOB_INVALID', field: 'docRef' },
  ],
  ['a reprint of job 0', { ...ok, reprint: { of: 0 } }, { code: 'PRINT_JOB_INVALID', field: 'reprintOf' }],
  [
    'a layout on 57 mm paper',
    { ...ok, document: { ...doc, paper: 57 } as unknown as ReceiptDocument },
    { code: 'RECEIPT_INVALID' },
  ],
  [
    'a layout with an unknown block',
    { ...ok, document: { ...doc, blocks: [{ kind: 'beep' }] } as unknown as ReceiptDocument },
    { code: 'RECEIPT_INVALID' },
  ],
];

function jobCounts(fx: CoreFixture): { jobs: unknown; attempts: unknown } {
  const db = fx.core.ctx.db.sqlite;
  return {
    jobs: db.prepare('SELECT count(*) AS n FROM print_jobs').get(),
    attempts: db.prepare('SELECT count(*) AS n FROM print_attempts').get(),
  };
}

describe('enqueuePrintJob refuses a bad job and writes nothing', () => {
  it.each(refused)('%s', (_what, request, expected) => {
    f = makeCore();
    const fx = f;
    const before = jobCounts(fx);
    let error: unknown = null;
    try {
      fx.core.ctx.db.transaction(() => enqueuePrintJob(fx.core.ctx.db, request, fx.core.ctx.now()));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: expected.code,
      ...(expected.field ? { details: { field: expected.field } } : {}),
    });
    expect(jobCounts(fx)).toEqual(before);
  });

  it('queues the same job when it is well formed (one row, queued, due now)', () => {
    f = makeCore();
    const { db, now } = f.core.ctx;
    const queued = db.transaction(() => enqueuePrintJob(db, ok, now()));
    expect(queued).toMatchObject({ kind: 'pickup', docRef: 'J-20261123-0003', document: doc });
    expect(
      db.sqlite
        .prepare('SELECT kind, doc_ref, role, status, copies, open_drawer, reprint_of FROM print_jobs')
        .all(),
    ).toEqual([
      {
        kind: 'pickup',
        doc_ref: 'J-20261123-0003',
        role: 'receipt-printer',
        status: 'queued',
        copies: 1,
        open_drawer: 0,
        reprint_of: null,
      },
    ]);
  });
});
