/**
 * The daily summary as labelled rows — the one source the paper slip, the PDF and the CSV print
 * from, so their numbers cannot differ. Money is formatted once here (formatMoney, store currency).
 */
import type { DailySummary } from '../../shared/contract/methods/reports';
import { resources, type Locale } from '../../shared/i18n';
import { makeTranslator } from '../../shared/i18n/translate';
import { formatMoney, isCurrencyCode } from '../../shared/domain/money';

export interface SummaryRow {
  section: string;
  label: string;
  value: string;
  /** The raw number behind `value` (minor units for money, a count otherwise), for CSV. */
  raw: number | null;
}

export interface SummarySection {
  title: string;
  rows: SummaryRow[];
}

/** A translator for report labels and domain keys in `locale`. */
export function reportTranslator(locale: Locale) {
  return makeTranslator(resources, locale);
}

/** Sections of `s` in `locale`. */
export function summarySections(s: DailySummary, locale: Locale): SummarySection[] {
  const t = reportTranslator(locale);
  const cur = isCurrencyCode(s.currency) ? s.currency : 'CNY';
  const money = (m: number) => formatMoney(m, cur, locale);
  const label = (prefix: string, key: string) => {
    const k = `${prefix}.${key}`;
    const v = t(k);
    return v === k ? key : v;
  };
  const sec = (title: string, rows: [string, string, number | null][]): SummarySection => ({
    title,
    rows: rows.map(([l, value, raw]) => ({ section: title, label: l, value, raw })),
  });
  const r = s.returns;
  const rep = s.repairs;
  return [
    sec(t('report.returns'), [
      [t('report.count'), String(r.count), r.count],
      [t('report.exchanges'), String(r.exchanges), r.exchanges],
      [t('report.refundTotal'), money(r.refundTotalMinor), r.refundTotalMinor],
      [t('report.restockingFees'), money(r.restockingFeesMinor), r.restockingFeesMinor],
      [t('report.storeCredit'), money(r.storeCreditIssuedMinor), r.storeCreditIssuedMinor],
      [t('report.exchangeDue'), money(r.exchangeDueMinor), r.exchangeDueMinor],
    ]),
    sec(
      t('report.byTender'),
      r.byTender.map((x) => [`${label('money.tender', x.key)} ×${x.count}`, money(x.amountMinor), x.amountMinor]),
    ),
    sec(
      t('report.byReason'),
      r.byReason.map((x) => [`${label('policy.returnReason', x.key)} ×${x.count}`, money(x.amountMinor), x.amountMinor]),
    ),
    sec(
      t('report.byCategory'),
      r.byCategory.map((x) => [`${label('repairsUi.category', x.key)} ×${x.count}`, money(x.amountMinor), x.amountMinor]),
    ),
    sec(
      t('report.byDisposition'),
      r.byDisposition.map((x) => [`${label('returns.disposition', x.key)}`, String(x.count), x.count]),
    ),
    sec(
      t('report.overrides'),
      s.overrides.length === 0
        ? [[t('report.noOverrides'), '', null]]
        : s.overrides.map((o) => [`${o.manager} → ${o.requestedBy}`, `${label('returnsUi.override.reasons', o.reason)}${o.ref ? ` ${o.ref}` : ''}`, null]),
    ),
    sec(t('report.repairs'), [
      [t('report.received'), String(rep.received), rep.received],
      [t('report.completed'), String(rep.completed), rep.completed],
      [t('report.pickedUp'), String(rep.pickedUp), rep.pickedUp],
      [t('report.openAtClose'), String(rep.openAtClose), rep.openAtClose],
      [t('report.overdueAtClose'), String(rep.overdueAtClose), rep.overdueAtClose],
      [t('report.avgTurnaround'), rep.avgTurnaroundHours === null ? '—' : String(rep.avgTurnaroundHours), rep.avgTurnaroundHours],
      [t('report.partsCost'), money(rep.partsCostMinor), rep.partsCostMinor],
      [t('report.deposits'), money(rep.depositsMinor), rep.depositsMinor],
      [t('report.balances'), money(rep.balancesTakenMinor), rep.balancesTakenMinor],
    ]),
    sec(t('report.tests'), [
      [t('report.pass'), String(s.tests.pass), s.tests.pass],
      [t('report.fail'), String(s.tests.fail), s.tests.fail],
      [
        t('report.pastCalibration'),
        s.tests.instrumentsPastCalibration.length === 0 ? t('report.none') : s.tests.instrumentsPastCalibration.join(', '),
        s.tests.instrumentsPastCalibration.length,
      ],
    ]),
    sec(t('report.complaints'), [
      [t('report.complaintsReceived'), String(s.complaints.received), s.complaints.received],
      [t('report.complaintsResolved'), String(s.complaints.resolved), s.complaints.resolved],
    ]),
    sec(t('report.drawer'), [
      [t('report.cashIn'), money(s.drawer.cashInMinor), s.drawer.cashInMinor],
      [t('report.cashOut'), money(s.drawer.cashOutMinor), s.drawer.cashOutMinor],
      [t('report.cashNet'), money(s.drawer.netMinor), s.drawer.netMinor],
    ]),
    sec(
      t('report.reconciliation'),
      s.reconciliation.map((c) => [t(`report.check.${c.check}`), c.ok ? t('report.recOk') : t('report.recBad'), c.ok ? 1 : 0]),
    ),
  ];
}
