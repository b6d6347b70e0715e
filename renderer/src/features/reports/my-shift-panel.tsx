/**
 * "My shift": the signed-in staff member's own figures of today from core's `reports.myShift`
 * (checked against `reports.own-shift` in core; the input takes no staff id): returns processed
 * with their tenders, repairs taken in with deposits, pickups handed over with payments, and the
 * cash they put in and took out of the drawer.
 */
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { MyShift } from '../../../../shared/contract/methods/reports';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useMoney } from '../../app/use-money';
import { codeName } from './drill-format';

type AmountBy = MyShift['returns']['byTender'];

function Block({
  id,
  title,
  rows,
  tenders,
}: {
  id: string;
  title: string;
  rows: [string, string, string][];
  tenders?: AmountBy;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 260 }} data-shift-section={id}>
      <Typography variant="h6" component="h3">
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableBody>
          {rows.map(([rowId, label, value]) => (
            <TableRow key={rowId} data-shift-row={`${id}.${rowId}`}>
              <TableCell component="th" scope="row" sx={{ pl: 0 }}>
                {label}
              </TableCell>
              <TableCell align="right" sx={{ pr: 0, fontVariantNumeric: 'tabular-nums' }} data-value>
                {value}
              </TableCell>
            </TableRow>
          ))}
          {tenders?.map((x) => (
            <TableRow key={x.key} data-shift-row={`${id}.tender.${x.key}`}>
              <TableCell component="th" scope="row" sx={{ pl: 2 }}>
                {`${codeName(t, 'money.tender', x.key)} ×${x.count}`}
              </TableCell>
              <TableCell align="right" sx={{ pr: 0, fontVariantNumeric: 'tabular-nums' }} data-value>
                {money(x.amountMinor)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** Today's own figures of the caller. */
export function MyShiftPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const [s, setS] = useState<MyShift | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('reports.myShift', {}).then((r) => {
      if (!live) return;
      if (r.ok) setS(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);
  if (error) return <ErrorMessage error={error} />;
  if (!s) return <LinearProgress />;
  return (
    <Stack spacing={2} data-testid="my-shift" data-day={s.day}>
      <Typography variant="h6" component="h2">
        {t('reports.ui.myShift.title', { name: s.staffName, day: s.day })}
      </Typography>
      <Typography color="text.secondary">{t('reports.ui.myShift.explain')}</Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Block
          id="returns"
          title={t('reports.ui.myShift.returns')}
          rows={[
            ['count', t('report.count'), String(s.returns.count)],
            ['refundTotal', t('report.refundTotal'), money(s.returns.refundTotalMinor)],
          ]}
          tenders={s.returns.byTender}
        />
        <Block
          id="intakes"
          title={t('reports.ui.myShift.intakes')}
          rows={[
            ['count', t('report.count'), String(s.intakes.count)],
            ['deposits', t('report.deposits'), money(s.intakes.depositsMinor)],
          ]}
          tenders={s.intakes.byTender}
        />
        <Block
          id="pickups"
          title={t('reports.ui.myShift.pickups')}
          rows={[
            ['count', t('report.count'), String(s.pickups.count)],
            ['payments', t('report.balances'), money(s.pickups.paymentsMinor)],
          ]}
          tenders={s.pickups.byTender}
        />
        <Block
          id="drawer"
          title={t('report.drawer')}
          rows={[
            ['cashIn', t('report.cashIn'), money(s.drawer.cashInMinor)],
            ['cashOut', t('report.cashOut'), money(s.drawer.cashOutMinor)],
            ['cashNet', t('report.cashNet'), money(s.drawer.netMinor)],
          ]}
        />
      </Stack>
    </Stack>
  );
}
