/**
 * Money as the customer will see it: per returned line the price, its discount share (coupon),
 * the tax it contains, the restocking fee (or that the manager waived it) and what goes back; the
 * totals; and to which tender each part goes. Amounts are right-aligned in tabular figures.
 */
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/contract/methods/returns';
import { useMoney } from '../../app/use-money';

const num = {
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
  whiteSpace: 'nowrap',
} as const;

/** The returned lines with their money and the totals row. */
export function MoneyTable({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const money = useMoney();
  const neg = (m: number) => (m > 0 ? `−${money(m)}` : money(0));
  const tot = quote.totals;
  const anyFee = tot.restockingFeeComputedMinor > 0;
  return (
    <Table size="small" data-testid="money-table" sx={{ '& td, & th': { px: 1.5 } }}>
      <TableHead>
        <TableRow>
          <TableCell>{t('returnsUi.resolve.money.item')}</TableCell>
          <TableCell sx={num}>{t('returnsUi.resolve.money.qty')}</TableCell>
          <TableCell sx={num}>{t('returnsUi.resolve.money.gross')}</TableCell>
          <TableCell sx={num}>{t('returnsUi.resolve.money.discount')}</TableCell>
          <TableCell sx={num}>{t('returnsUi.resolve.money.tax')}</TableCell>
          {anyFee && <TableCell sx={num}>{t('returnsUi.resolve.money.fee')}</TableCell>}
          <TableCell sx={num}>
            {t(
              quote.resolution === 'exchange'
                ? 'returnsUi.resolve.money.credit'
                : 'returnsUi.resolve.money.back',
            )}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {quote.lines.map((l) => (
          <TableRow key={l.lineNo} data-money-line={l.lineNo}>
            <TableCell sx={{ maxWidth: 320 }}>
              <Typography noWrap title={l.name}>
                {l.name}
              </Typography>
            </TableCell>
            <TableCell sx={num}>{l.qty}</TableCell>
            <TableCell sx={num}>{money(l.money.grossMinor)}</TableCell>
            <TableCell sx={num} data-testid="discount-share">
              {neg(l.money.discountShareMinor)}
            </TableCell>
            <TableCell sx={{ ...num, color: 'text.secondary' }}>{money(l.money.taxMinor)}</TableCell>
            {anyFee && (
              <TableCell sx={num} data-testid="fee">
                <FeeCell
                  computed={l.money.restockingFeeComputedMinor}
                  charged={l.money.restockingFeeMinor}
                  waived={l.money.restockingFeeWaived}
                />
              </TableCell>
            )}
            <TableCell sx={{ ...num, fontWeight: 700 }} data-testid="line-back">
              {money(l.money.refundMinor)}
            </TableCell>
          </TableRow>
        ))}
        <TableRow sx={{ '& td': { borderBottom: 0, fontWeight: 700, fontSize: '1.0625rem' } }}>
          <TableCell>{t('returnsUi.resolve.money.total')}</TableCell>
          <TableCell />
          <TableCell sx={num}>{money(tot.grossMinor)}</TableCell>
          <TableCell sx={num}>{neg(tot.discountShareMinor)}</TableCell>
          <TableCell sx={{ ...num, color: 'text.secondary' }}>{money(tot.taxMinor)}</TableCell>
          {anyFee && (
            <TableCell sx={num}>
              <FeeCell
                computed={tot.restockingFeeComputedMinor}
                charged={tot.restockingFeeMinor}
                waived={tot.restockingFeeMinor === 0}
              />
            </TableCell>
          )}
          <TableCell sx={{ ...num, fontSize: '1.25rem !important' }} data-testid="total-back">
            {money(tot.refundMinor)}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

function FeeCell({ computed, charged, waived }: { computed: number; charged: number; waived: boolean }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (computed === 0) return <>{money(0)}</>;
  if (waived && charged === 0)
    return (
      <Box component="span">
        <Box component="s" sx={{ color: 'text.secondary', mr: 0.75 }}>
          −{money(computed)}
        </Box>
        {t('returnsUi.resolve.money.waived')}
      </Box>
    );
  return <>−{money(charged)}</>;
}

/** Where each part of the money goes (or what the customer pays), one row per tender. */
export function TenderList({ quote }: { quote: Quote }) {
  const { t } = useTranslation();
  const money = useMoney();
  if (quote.tenders.length === 0) return null;
  return (
    <Box data-testid="tenders">
      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700, mb: 0.5 }}>
        {quote.resolution === 'exchange'
          ? t('returnsUi.resolve.exchangeTenders')
          : quote.tenders.every((x) => x.amountMinor < 0)
            ? t('returnsUi.resolve.payments')
            : t('returnsUi.resolve.tenders')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {quote.tenders.map((x, i) => (
          <Box
            component="li"
            key={i}
            data-tender={x.tender}
            sx={{
              display: 'flex',
              gap: 2,
              py: 0.75,
              borderBottom: 1,
              borderColor: 'divider',
              alignItems: 'baseline',
            }}
          >
            <Typography sx={{ flex: 1, fontWeight: 500 }}>
              {x.tender === 'exchange_goods'
                ? t('money.tender.exchange_goods')
                : x.amountMinor < 0
                  ? `${t('returnsUi.resolve.customerPays')}: ${t(`money.tender.${x.tender}`)}`
                  : t('returnsUi.resolve.to', { tender: t(`money.tender.${x.tender}`) })}
              <Typography component="span" color="text.secondary" sx={{ ml: 1.5 }}>
                {x.source === 'original'
                  ? t('returnsUi.resolve.original')
                  : x.source === 'fallback'
                    ? t('returnsUi.resolve.fallback')
                    : x.source === 'store_credit_only'
                      ? t('returnsUi.resolve.storeCreditOnly')
                      : x.source === 'exchange_goods'
                        ? t('returnsUi.resolve.newItemsValue')
                        : ''}
              </Typography>
            </Typography>
            <Typography sx={{ ...num, fontWeight: 700, fontSize: '1.125rem', minWidth: 130 }}>
              {money(Math.abs(x.amountMinor))}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
