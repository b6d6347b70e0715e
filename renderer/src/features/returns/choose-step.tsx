/**
 * Step 2, choose: the sale's lines with what was bought, returned already and left; pick lines,
 * quantities (never above what is left) and the reason per line. A no-receipt return has its one
 * item here. The sale's earlier returns are listed below.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMoney } from '../../app/use-money';
import { QtyStepper } from './qty-stepper';
import { ReasonPicker } from './reason-picker';
import { SaleReturnsList } from './sale-returns-list';
import { NO_RECEIPT_MAX_QTY, type ReturnFlow } from './use-return-flow';

const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** The choose screen; the first line's checkbox takes the focus. */
export function ChooseStep({ flow, onOpenReturn }: { flow: ReturnFlow; onOpenReturn: (id: string) => void }) {
  const { t } = useTranslation();
  const money = useMoney();
  const first = useRef<HTMLInputElement>(null);
  const { work, sale, updateLine } = flow;
  useEffect(() => first.current?.focus(), []);

  if (work.source?.kind === 'no_receipt') {
    const line = work.lines[0];
    const product = work.source.product;
    if (!line || !product) return null;
    return (
      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
          {t('returnsUi.choose.heading')}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 3, mb: 2 }}>
          <Box sx={{ flex: 1 }}>
            <Typography sx={{ fontWeight: 700, fontSize: '1.125rem' }}>{product.name}</Typography>
            <Typography color="text.secondary">{product.sku}</Typography>
          </Box>
          <QtyStepper
            value={line.qty}
            max={NO_RECEIPT_MAX_QTY}
            label={product.name}
            onChange={(qty) => updateLine(1, { qty })}
          />
        </Box>
        <Typography sx={{ mb: 1 }}>{t('returnsUi.choose.reason')}</Typography>
        <ReasonPicker
          value={line.reason}
          label={t('returnsUi.choose.reason')}
          onChange={(reason) => updateLine(1, { reason })}
        />
      </Paper>
    );
  }

  if (!sale) return null;
  let focused = false;
  return (
    <Paper variant="outlined" sx={{ p: 3 }}>
      <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
        {t('returnsUi.choose.heading')}
      </Typography>
      <Table size="small" data-testid="choose-lines">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 64 }}>{t('returnsUi.choose.pick')}</TableCell>
            <TableCell>{t('returnsUi.choose.item')}</TableCell>
            <TableCell sx={num}>{t('returnsUi.choose.sold')}</TableCell>
            <TableCell sx={num}>{t('returnsUi.choose.returned')}</TableCell>
            <TableCell sx={num}>{t('returnsUi.choose.remaining')}</TableCell>
            <TableCell sx={num}>{t('returnsUi.choose.paid')}</TableCell>
            <TableCell sx={{ width: 150, textAlign: 'center' }}>{t('returnsUi.choose.qty')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sale.lines.map((l) => {
            const w = work.lines.find((x) => x.lineNo === l.lineNo);
            if (!w) return null;
            const none = l.remainingQty <= 0;
            const selected = w.selected && !none;
            const takeFocus = !none && !focused;
            if (takeFocus) focused = true;
            return (
              <Fragment key={l.lineNo}>
                <TableRow
                  data-line={l.lineNo}
                  selected={selected}
                  sx={{ '& td': { borderBottom: selected ? 0 : undefined }, opacity: none ? 0.6 : 1 }}
                >
                  <TableCell>
                    <Checkbox
                      checked={selected}
                      disabled={none}
                      onChange={(e) =>
                        updateLine(l.lineNo, {
                          selected: e.target.checked,
                          qty: Math.min(Math.max(w.qty, 1), l.remainingQty),
                        })
                      }
                      slotProps={{ input: { 'aria-label': l.name, ...(takeFocus ? { ref: first } : {}) } }}
                      sx={{ width: 48, height: 48 }}
                    />
                  </TableCell>
                  <TableCell>
                    <Typography sx={{ fontWeight: 500 }}>{l.name}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {l.sku}
                      {l.serial ? ` · ${t('returnsUi.choose.serial', { serial: l.serial })}` : ''}
                    </Typography>
                  </TableCell>
                  <TableCell sx={num}>{l.qty}</TableCell>
                  <TableCell sx={num}>{l.returnedQty}</TableCell>
                  <TableCell sx={num}>
                    {none ? <Chip size="small" label={t('returnsUi.choose.allReturned')} /> : l.remainingQty}
                  </TableCell>
                  <TableCell sx={num}>{money(l.refundableMinor)}</TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', justifyContent: 'center' }}>
                      <QtyStepper
                        value={Math.min(w.qty, Math.max(1, l.remainingQty))}
                        max={l.remainingQty}
                        disabled={!selected}
                        label={l.name}
                        onChange={(qty) => updateLine(l.lineNo, { qty })}
                      />
                    </Box>
                  </TableCell>
                </TableRow>
                {selected && (
                  <TableRow selected data-line-reason={l.lineNo}>
                    <TableCell />
                    <TableCell colSpan={6} sx={{ pb: 2 }}>
                      <Typography variant="body2" sx={{ mb: 0.75 }}>
                        {t('returnsUi.choose.reason')}
                      </Typography>
                      <ReasonPicker
                        value={w.reason}
                        label={`${t('returnsUi.choose.reason')} ${l.name}`}
                        onChange={(reason) => updateLine(l.lineNo, { reason })}
                      />
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {sale.lines.every((l) => l.remainingQty <= 0) && (
        <Alert severity="info" sx={{ mt: 2 }}>
          {t('returnsUi.choose.allReturned')}
        </Alert>
      )}
      <Box sx={{ mt: 3 }}>
        <SaleReturnsList returns={sale.returns} onOpen={onOpenReturn} />
      </Box>
    </Paper>
  );
}
