/** The report worker thread: its own read-only connection to the store database; one message in, one answer out. */
import { parentPort, workerData } from 'node:worker_threads';
import { clientOf } from '../../../db/client';
import { openSqlite } from '../../../db/open';
import { toErrorValue } from '../../../shared/contract/errors';
import { runReportTask, type ReportTask } from './report-task';

const { dbFile, storeId } = workerData as { dbFile: string; storeId: number };
const db = clientOf(dbFile, openSqlite(dbFile, { readonly: true }));

parentPort?.on('message', (msg: { id: number; task: ReportTask }) => {
  try {
    parentPort?.postMessage({ id: msg.id, ok: true, value: runReportTask(db, storeId, msg.task) });
  } catch (e) {
    parentPort?.postMessage({ id: msg.id, ok: false, error: toErrorValue(e) });
  }
});
