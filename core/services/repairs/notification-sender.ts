/**
 * How customer messages leave the store. A sender is pluggable per core: an SMS or WeChat gateway
 * is set as `core.services.notificationSender`. The shipped sender is the OFFLINE adapter — it sends
 * nothing by itself: messages stay `queued` until a clerk shows the text to the customer, copies
 * it to a phone or prints it, and marks it (status `shown`). The UI labels it as such
 * (`repairs.notify.channel.offline`).
 */
export interface OutgoingMessage {
  id: number;
  toPhone: string | null;
  text: string;
}

export interface NotificationSender {
  /** Stored in `notifications.channel`. */
  readonly channel: string;
  /** i18n key of the channel's name as the UI shows it. */
  readonly labelKey: string;
  /** Automatic senders deliver by themselves; the offline one waits for a person. */
  readonly automatic: boolean;
  /** Delivers one message (automatic senders only). */
  deliver?(message: OutgoingMessage): Promise<'sent' | 'failed'>;
}

/** The offline "show / copy / print" adapter: nothing is sent automatically. */
export const offlineShowCopyPrintSender: NotificationSender = {
  channel: 'offline',
  labelKey: 'repairs.notify.channel.offline',
  automatic: false,
};

/** i18n label key of a stored channel name. */
export function channelLabelKey(channel: string): string {
  return channel === 'offline' ? offlineShowCopyPrintSender.labelKey : `repairs.notify.channel.${channel}`;
}
