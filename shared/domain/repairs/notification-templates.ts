/**
 * Customer messages at the repair milestones, as templates in both UI locales. The store's locale
 * picks the text; {{name}} placeholders are filled from the job (amounts already formatted).
 * A message is queued as a record; how it reaches the customer is the sender's business
 * (core/services/repairs/notification-sender.ts).
 */
import { interpolate } from '../../i18n/translate';
import type { Locale } from '../../i18n/types';
import type { RepairStatus } from './statuses';

export const NOTIFICATION_TEMPLATE_NAMES = [
  'received',
  'quote',
  'awaiting_parts',
  'ready',
  'picked_up',
  'returned_unrepaired',
  'cancelled',
] as const;
export type NotificationTemplateName = (typeof NOTIFICATION_TEMPLATE_NAMES)[number];

export const NOTIFICATION_TEMPLATES: Record<NotificationTemplateName, Record<Locale, string>> = {
  received: {
    'zh-CN':
      '【{{storeName}}】您的{{device}}已收到，维修单号 {{jobId}}，预计 {{promisedDay}} 完成。取机请出示维修单或报手机号。',
    'en-US':
      '{{storeName}}: we have your {{device}}, repair job {{jobId}}, promised by {{promisedDay}}. Bring the receipt or give your phone number at pickup.',
  },
  quote: {
    'zh-CN':
      '【{{storeName}}】维修单 {{jobId}}（{{device}}）已检测，维修报价 {{amount}}。请致电门店或到店确认是否维修。',
    'en-US':
      '{{storeName}}: job {{jobId}} ({{device}}) is diagnosed; the repair quote is {{amount}}. Please call or visit the store to approve or decline.',
  },
  awaiting_parts: {
    'zh-CN':
      '【{{storeName}}】维修单 {{jobId}}（{{device}}）正在等待配件，到货后立即为您维修，预计 {{promisedDay}} 完成。',
    'en-US':
      '{{storeName}}: job {{jobId}} ({{device}}) is waiting for a part; we repair it as soon as it arrives, promised by {{promisedDay}}.',
  },
  ready: {
    'zh-CN':
      '【{{storeName}}】您的{{device}}已修好并通过质检（维修单 {{jobId}}），请到店取机，应付 {{amount}}。',
    'en-US':
      '{{storeName}}: your {{device}} is repaired and passed QC (job {{jobId}}). Please collect it; balance due {{amount}}.',
  },
  picked_up: {
    'zh-CN': '【{{storeName}}】感谢光临！维修单 {{jobId}} 已取机，本次维修保修至 {{until}}。',
    'en-US':
      '{{storeName}}: thank you! Job {{jobId}} is collected; the repair is under warranty until {{until}}.',
  },
  returned_unrepaired: {
    'zh-CN': '【{{storeName}}】维修单 {{jobId}}（{{device}}）未维修，设备已交还。如有疑问请联系门店。',
    'en-US':
      '{{storeName}}: job {{jobId}} ({{device}}) was not repaired and the device was handed back. Call us with any questions.',
  },
  cancelled: {
    'zh-CN': '【{{storeName}}】维修单 {{jobId}}（{{device}}）已取消。',
    'en-US': '{{storeName}}: repair job {{jobId}} ({{device}}) is cancelled.',
  },
};

/** The template a status change triggers (null: no message for that status). */
export function templateForStatus(to: RepairStatus): NotificationTemplateName | null {
  switch (to) {
    case 'received':
    case 'ready':
    case 'picked_up':
    case 'returned_unrepaired':
    case 'cancelled':
    case 'awaiting_parts':
      return to;
    case 'awaiting_approval':
      return 'quote';
    default:
      return null;
  }
}

/** The message text in a locale with its placeholders filled. */
export function renderNotification(
  name: NotificationTemplateName,
  locale: Locale,
  params: Record<string, string | number>,
): string {
  return interpolate(NOTIFICATION_TEMPLATES[name][locale], params);
}
