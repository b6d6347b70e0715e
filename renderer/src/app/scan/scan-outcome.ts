/**
 * What became of a scan, and how the status bar and the notice say it in the UI language
 * (`scan.*` keys in shared/i18n/areas/devices-ui.ts, kinds and reasons from the scanner area).
 */
import type { TFunction } from 'i18next';
import type { HandOffArea } from './hand-off';
import type { RoutedScan } from './scan-decision';

export type ScanOutcome =
  | { type: 'opened'; area: HandOffArea }
  | { type: 'filled'; label: string }
  | { type: 'badge' }
  | { type: 'not-allowed'; area: HandOffArea }
  | { type: 'no-target' }
  | { type: 'no-screen' }
  | { type: 'unknown'; reason: string };

interface Described {
  /** One short phrase for the status bar ("已打开退货/换货"). */
  summary: string;
  /** A notice when the clerk must be told that nothing (useful) happened. */
  notice?: { severity: 'info' | 'warning'; text: string };
}

/** The status-bar phrase and the notice (if any) for one routed scan. */
export function describeOutcome(scan: RoutedScan, outcome: ScanOutcome, t: TFunction): Described {
  const kind = t(`scanner.kind.${scan.classification.kind}`);
  const code = scan.classification.code || scan.code;
  switch (outcome.type) {
    case 'opened':
      return { summary: t('scan.outcome.opened', { area: t(`app.nav.${outcome.area}`) }) };
    case 'filled':
      return { summary: t('scan.outcome.filled', { label: outcome.label }) };
    case 'badge':
      return { summary: t('scan.outcome.badge') };
    case 'not-allowed': {
      const area = t(`app.nav.${outcome.area}`);
      return {
        summary: t('scan.outcome.notAllowed', { area }),
        notice: { severity: 'warning', text: t('scan.notice.notAllowed', { kind, code, area }) },
      };
    }
    case 'no-target':
      return {
        summary: t('scan.outcome.noTarget'),
        notice: { severity: 'info', text: t('scan.notice.noTarget', { kind, code }) },
      };
    case 'no-screen':
      return {
        summary: t('scan.outcome.noScreen'),
        notice: { severity: 'info', text: t('scan.notice.noScreen', { kind, code }) },
      };
    case 'unknown':
      return {
        summary: t('scan.outcome.unknown'),
        notice: {
          severity: 'warning',
          text: t('scan.notice.unknown', {
            code: code === '' ? '∅' : code,
            reason: t(`scanner.unknownReason.${outcome.reason}`),
          }),
        },
      };
  }
}
