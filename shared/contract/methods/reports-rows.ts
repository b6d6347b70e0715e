/**
 * The daily summary as labelled rows — the one source the screen, the paper slip, the PDF and the
 * CSV show, so their numbers cannot differ (core/services/reports prints and exports these rows; the
 * renderer's daily panel renders them). Money is formatted once here (formatMoney, store currency).
 * Each row has a stable `id` (e.g. `repairs.pickedUp`, `tender.cash`) the screen and tests key on.
 */
import { formatMoney, isCurrencyCode } from '../../domain/money';
import { resources, type Locale } from '../../i18n';
import { makeTranslator } from '../../i18n/translate';
import type { DailySummary } from './reports';

export interface SummaryRow {
  /** Stable id of the figure (section.item), not shown. */
  id: string;
  section: string;
  label: string;
  value: string;
  /** The raw number behind `value` (minor units for money, a count otherwise), for CSV. */
  raw: number | null;
}

export interface SummarySection {
  /** Stable id of the section (returns, tender, reason, category, disposition, overrides, repairs, tests, complaints, drawer, reconciliation). */
  id: string;
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
  const sec = (
    id: string,
    title: string,
    rows: [string, string, string, number | null][],
  ): SummarySection => ({
    id,
    title,
    rows: rows.map(([rowId, l, value, raw]) => ({
      id: `${id}.${rowId}`,
      section: title,
      label: l,
      value,
      raw,
    })),
  });
  const r = s.returns;
  const rep = s.repairs;
  return [
    sec('returns', t('report.returns'), [
      ['count', t('report.count'), String(r.count), r.count],
      ['exchanges', t('report.exchanges'), String(r.exchanges), r.exchanges],
      ['refundTotal', t('report.refundTotal'), money(r.refundTotalMinor), r.refundTotalMinor],
      ['restockingFees', t('report.restockingFees'), money(r.restockingFeesMinor), r.restockingFeesMinor],
      ['storeCredit', t('report.storeCredit'), money(r.storeCreditIssuedMinor), r.storeCreditIssuedMinor],
      ['exchangeDue', t('report.exchangeDue'), money(r.exchangeDueMinor), r.exchangeDueMinor],
    ]),
    sec(
      'tender',
      t('report.byTender'),
      r.byTender.map((x) => [
        x.key,
        `${label('money.tender', x.key)} ×${x.count}`,
        money(x.amountMinor),
        x.amountMinor,
      ]),
    ),
    sec(
      'reason',
      t('report.byReason'),
      r.byReason.map((x) => [
        x.key,
        `${label('policy.returnReason', x.key)} ×${x.count}`,
        money(x.amountMinor),
        x.amountMinor,
      ]),
    ),
    sec(
      'category',
      t('report.byCategory'),
      r.byCategory.map((x) => [
        x.key,
        `${label('repairsUi.category', x.key)} ×${x.count}`,
        money(x.amountMinor),
        x.amountMinor,
      ]),
    ),
    sec(
      'disposition',
      t('report.byDisposition'),
      r.byDisposition.map((x) => [x.key, label('returns.disposition', x.key), String(x.count), x.count]),
    ),
    sec(
      'overrides',
      t('report.overrides'),
      s.overrides.length === 0
        ? [['none', t('report.noOverrides'), '', null]]
        : s.overrides.map((o, i) => [
            String(i + 1),
            `${o.manager} → ${o.requestedBy}`,
            `${label('returnsUi.override.reasons', o.reason)}${o.ref ? ` ${o.ref}` : ''}`,
            null,
          ]),
    ),
    sec('repairs', t('report.repairs'), [
      ['received', t('report.received'), String(rep.received), rep.received],
      ['completed', t('report.completed'), String(rep.completed), rep.completed],
      ['pickedUp', t('report.pickedUp'), String(rep.pickedUp), rep.pickedUp],
      ['openAtClose', t('report.openAtClose'), String(rep.openAtClose), rep.openAtClose],
      ['overdueAtClose', t('report.overdueAtClose'), String(rep.overdueAtClose), rep.overdueAtClose],
      [
        'avgTurnaround',
        t('report.avgTurnaround'),
        rep.avgTurnaroundHours === null ? '—' : String(rep.avgTurnaroundHours),
        rep.avgTurnaroundHours,
      ],
      ['partsCost', t('report.partsCost'), money(rep.partsCostMinor), rep.partsCostMinor],
      ['deposits', t('report.deposits'), money(rep.depositsMinor), rep.depositsMinor],
      ['balances', t('report.balances'), money(rep.balancesTakenMinor), rep.balancesTakenMinor],
    ]),
    sec('tests', t('report.tests'), [
      ['pass', t('report.pass'), String(s.tests.pass), s.tests.pass],
      ['fail', t('report.fail'), String(s.tests.fail), s.tests.fail],
      [
        'pastCalibration',
        t('report.pastCalibration'),
        s.tests.instrumentsPastCalibration.length === 0
          ? t('report.none')
          : s.tests.instrumentsPastCalibration.join(', '),
        s.tests.instrumentsPastCalibration.length,
      ],
    ]),
    sec('complaints', t('report.complaints'), [
      ['received', t('report.complaintsReceived'), String(s.complaints.received), s.complaints.received],
      ['resolved', t('report.complaintsResolved'), String(s.complaints.resolved), s.complaints.resolved],
    ]),
    sec('drawer', t('report.drawer'), [
      ['cashIn', t('report.cashIn'), money(s.drawer.cashInMinor), s.drawer.cashInMinor],
      ['cashOut', t('report.cashOut'), money(s.drawer.cashOutMinor), s.drawer.cashOutMinor],
      ['cashNet', t('report.cashNet'), money(s.drawer.netMinor), s.drawer.netMinor],
    ]),
    sec(
      'reconciliation',
      t('report.reconciliation'),
      s.reconciliation.map((c) => [
        c.check,
        t(`report.check.${c.check}`),
        c.ok ? t('report.recOk') : t('report.recBad'),
        c.ok ? 1 : 0,
      ]),
    ),
  ];
}
