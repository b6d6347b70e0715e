/**
 * Milestone messages: rendered from the templates (shared/domain/repairs) in the store's locale,
 * queued as `notifications` rows in the status change's transaction, then handed to the core's
 * sender after commit (automatic senders only). Listing and the offline "mark shown" live here too.
 */
import { appendAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import { AppError } from '../../../shared/contract/errors';
import { formatMoney } from '../../../shared/domain/money/format';
import {
  renderNotification,
  type NotificationTemplateName,
} from '../../../shared/domain/repairs/notification-templates';
import { businessDay } from '../../../shared/domain/time/business-day';
import type { CoreContext } from '../../context';
import type { JobRow } from './job-record';
import { channelLabelKey, type NotificationSender } from './notification-sender';
import type { StoreInfo } from './store-info';

export interface NotificationView {
  id: number;
  jobId: string | null;
  at: number;
  channel: string;
  channelLabelKey: string;
  toPhone: string | null;
  template: NotificationTemplateName;
  text: string;
  status: 'queued' | 'shown' | 'sent' | 'failed';
  sentAt: number | null;
}

/** Queues the message of a milestone for a job (inside the caller's transaction); returns its id. */
export function queueMilestone(
  db: SqliteDb,
  store: StoreInfo,
  sender: NotificationSender,
  job: JobRow,
  template: NotificationTemplateName,
  extra: { amountMinor?: number; until?: string },
  now: number,
): number {
  const customer = job.customerId
    ? (db.prepare('SELECT phone FROM customers WHERE id = ?').get(job.customerId) as
        { phone: string | null } | undefined)
    : undefined;
  const device = [job.brand, job.model].filter((s) => s.trim() !== '').join(' ') || job.categoryCode;
  const text = renderNotification(template, store.locale, {
    storeName: store.name,
    jobId: job.id,
    device,
    promisedDay: businessDay(job.promisedAt, store.timeZone),
    amount: formatMoney(extra.amountMinor ?? 0, store.currency, store.locale),
    until: extra.until ?? '',
  });
  const info = db
    .prepare(
      `INSERT INTO notifications (job_id, at, channel, to_phone, template, text, status) VALUES (?, ?, ?, ?, ?, ?, 'queued')`,
    )
    .run(job.id, now, sender.channel, customer?.phone ?? null, template, text);
  return Number(info.lastInsertRowid);
}

const SELECT = `SELECT id, job_id AS jobId, at, channel, to_phone AS toPhone, template, text, status, sent_at AS sentAt
  FROM notifications`;

function view(row: Omit<NotificationView, 'channelLabelKey'>): NotificationView {
  return { ...row, channelLabelKey: channelLabelKey(row.channel) };
}

/** Messages, newest first, filtered by status and/or job. */
export function listNotifications(
  db: SqliteDb,
  q: { status?: NotificationView['status']; jobId?: string; limit: number },
): NotificationView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.status) {
    where.push('status = ?');
    args.push(q.status);
  }
  if (q.jobId) {
    where.push('job_id = ?');
    args.push(q.jobId);
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, q.limit) as Omit<NotificationView, 'channelLabelKey'>[]).map(view);
}

/** One message or REPAIR_NOTIFICATION_NOT_FOUND. */
export function getNotification(db: SqliteDb, id: number): NotificationView {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as
    Omit<NotificationView, 'channelLabelKey'> | undefined;
  if (!row) throw new AppError('REPAIR_NOTIFICATION_NOT_FOUND', { id });
  return view(row);
}

/** Offline channel: the clerk showed / copied / printed it; status becomes `shown` (audited). */
export function markShown(
  db: SqliteDb,
  storeId: number,
  staffId: number,
  id: number,
  how: 'shown' | 'copied' | 'printed',
  now: number,
): NotificationView {
  const n = getNotification(db, id);
  db.prepare(`UPDATE notifications SET status = 'shown', sent_at = coalesce(sent_at, ?) WHERE id = ?`).run(
    now,
    id,
  );
  appendAudit(db, {
    at: now,
    storeId,
    staffId,
    action: 'notification.shown',
    entityType: 'notification',
    entityId: String(id),
    data: { jobId: n.jobId, how, previousStatus: n.status },
  });
  return getNotification(db, id);
}

/** After commit: hands queued messages to an automatic sender and records the outcome. */
export async function deliverQueued(core: CoreContext, ids: readonly number[]): Promise<void> {
  const sender = core.services.notificationSender;
  if (!sender.automatic || !sender.deliver || ids.length === 0) return;
  const db = core.db.sqlite;
  for (const id of ids) {
    const n = getNotification(db, id);
    if (n.status !== 'queued') continue;
    let outcome: 'sent' | 'failed';
    try {
      outcome = await sender.deliver({ id, toPhone: n.toPhone, text: n.text });
    } catch {
      outcome = 'failed';
    }
    if (!db.open) return;
    db.prepare('UPDATE notifications SET status = ?, sent_at = ? WHERE id = ?').run(
      outcome,
      outcome === 'sent' ? core.now() : null,
      id,
    );
  }
}
