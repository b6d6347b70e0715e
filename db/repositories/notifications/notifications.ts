/** Customer messages (`notifications`): queued in a status change's transaction, listed, marked, delivered. */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { NotificationTemplateName } from '../../../shared/domain/repairs/notification-templates';
import type { DbClient } from '../../client';
import { notifications } from '../../schema';
import { typed } from '../repairs/columns';
import { prepared } from '../statements';

export type NotificationStatus = 'queued' | 'shown' | 'sent' | 'failed';

const FIELDS = {
  id: notifications.id,
  jobId: notifications.jobId,
  at: notifications.at,
  channel: notifications.channel,
  toPhone: notifications.toPhone,
  template: typed<NotificationTemplateName>(notifications.template),
  text: notifications.text,
  status: typed<NotificationStatus>(notifications.status),
  sentAt: notifications.sentAt,
};

export interface NotificationRow {
  id: number;
  jobId: string | null;
  at: number;
  channel: string;
  toPhone: string | null;
  template: NotificationTemplateName;
  text: string;
  status: NotificationStatus;
  sentAt: number | null;
}

/** Queues one message; returns its id. */
export function insertNotification(
  db: DbClient,
  n: { jobId: string; at: number; channel: string; toPhone: string | null; template: string; text: string },
): number {
  const row = prepared(db, 'notifications.insert', (orm) =>
    orm
      .insert(notifications)
      .values({
        jobId: sql.placeholder('jobId'),
        at: sql.placeholder('at'),
        channel: sql.placeholder('channel'),
        toPhone: sql.placeholder('toPhone'),
        template: sql.placeholder('template'),
        text: sql.placeholder('text'),
        status: 'queued',
      })
      .returning({ id: notifications.id })
      .prepare(),
  ).get(n);
  if (!row) throw new Error('notification insert returned no id');
  return row.id;
}

/** Messages, newest first, filtered by status and/or job. */
export function notificationRows(
  db: DbClient,
  q: { status?: NotificationStatus; jobId?: string; limit: number },
): NotificationRow[] {
  const shape = `${q.status ? 1 : 0}:${q.jobId ? 1 : 0}`;
  return prepared(db, `notifications.list:${shape}`, (orm) => {
    const where: SQL[] = [];
    if (q.status) where.push(eq(notifications.status, sql.placeholder('status')));
    if (q.jobId) where.push(eq(notifications.jobId, sql.placeholder('jobId')));
    return orm
      .select(FIELDS)
      .from(notifications)
      .where(and(...where))
      .orderBy(desc(notifications.at), desc(notifications.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  }).all({ status: q.status, jobId: q.jobId, limit: q.limit });
}

/** One message, or undefined. */
export function notificationById(db: DbClient, id: number): NotificationRow | undefined {
  return prepared(db, 'notifications.byId', (orm) =>
    orm
      .select(FIELDS)
      .from(notifications)
      .where(eq(notifications.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

/** Offline channel: the clerk showed it (status `shown`, first shown time kept). */
export function markNotificationShown(db: DbClient, id: number, now: number): void {
  prepared(db, 'notifications.markShown', (orm) =>
    orm
      .update(notifications)
      .set({ status: 'shown', sentAt: sql`coalesce(${notifications.sentAt}, ${sql.placeholder('now')})` })
      .where(eq(notifications.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, now });
}

/**
 * The outcome of an automatic delivery. False (nothing written) when the database was closed
 * meanwhile (the core shut down while a sender was still busy).
 */
export function recordDelivery(
  db: DbClient,
  id: number,
  status: 'sent' | 'failed',
  sentAt: number | null,
): boolean {
  if (!db.sqlite.open) return false;
  prepared(db, 'notifications.delivered', (orm) =>
    orm
      .update(notifications)
      .set({ status: sql`${sql.placeholder('status')}`, sentAt: sql`${sql.placeholder('sentAt')}` })
      .where(eq(notifications.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, status, sentAt });
  return true;
}
