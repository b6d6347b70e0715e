/**
 * Milestone messages: rendered from the templates (shared/domain/repairs) in the store's locale,
 * queued as `notifications` rows in the status change's transaction, then handed to the core's
 * sender after commit (automatic senders only). Listing and the offline "mark shown" live here too.
 */
import { appendRepairAudit } from '../../../db/repositories/repairs/audit';
import type { DbClient } from '../../../db/client';
import {
  insertNotification,
  markNotificationShown,
  notificationById,
  notificationRows,
  recordDelivery,
  type NotificationRow,
} from '../../../db/repositories/notifications/notifications';
import { jobCustomer } from '../../../db/repositories/repairs/contacts';
import type { StoreFacts } from '../../../db/repositories/store/store-facts';
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

export interface NotificationView extends NotificationRow {
  channelLabelKey: string;
}

/** Queues the message of a milestone for a job (inside the caller's transaction); returns its id. */
export function queueMilestone(
  db: DbClient,
  store: StoreFacts,
  sender: NotificationSender,
  job: JobRow,
  template: NotificationTemplateName,
  extra: { amountMinor?: number; until?: string },
  now: number,
): number {
  const customer = job.customerId !== null ? jobCustomer(db, job.customerId) : undefined;
  const device = [job.brand, job.model].filter((s) => s.trim() !== '').join(' ') || job.categoryCode;
  const text = renderNotification(template, store.locale, {
    storeName: store.name,
    jobId: job.id,
    device,
    promisedDay: businessDay(job.promisedAt, store.timeZone),
    amount: formatMoney(extra.amountMinor ?? 0, store.currency, store.locale),
    until: extra.until ?? '',
  });
  return insertNotification(db, {
    jobId: job.id,
    at: now,
    channel: sender.channel,
    toPhone: customer?.phone ?? null,
    template,
    text,
  });
}

function view(row: NotificationRow): NotificationView {
  return { ...row, channelLabelKey: channelLabelKey(row.channel) };
}

/** Messages, newest first, filtered by status and/or job. */
export function listNotifications(
  db: DbClient,
  q: { status?: NotificationView['status']; jobId?: string; limit: number },
): NotificationView[] {
  return notificationRows(db, q).map(view);
}

/** One message or REPAIR_NOTIFICATION_NOT_FOUND. */
export function getNotification(db: DbClient, id: number): NotificationView {
  const row = notificationById(db, id);
  if (!row) throw new AppError('REPAIR_NOTIFICATION_NOT_FOUND', { id });
  return view(row);
}

/** Offline channel: the clerk showed / copied / printed it; status becomes `shown` (audited). */
export function markShown(
  db: DbClient,
  storeId: number,
  staffId: number,
  id: number,
  how: 'shown' | 'copied' | 'printed',
  now: number,
): NotificationView {
  const n = getNotification(db, id);
  markNotificationShown(db, id, now);
  appendRepairAudit(db, {
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
  const db = core.db;
  for (const id of ids) {
    const n = getNotification(db, id);
    if (n.status !== 'queued') continue;
    let outcome: 'sent' | 'failed';
    try {
      outcome = await sender.deliver({ id, toPhone: n.toPhone, text: n.text });
    } catch {
      outcome = 'failed';
    }
    if (!recordDelivery(db, id, outcome, outcome === 'sent' ? core.now() : null)) return;
  }
}
