/** History: a sale's returns with their state, amount, clerk and items; opening one shows its timeline and reprint. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useMoney } from '../../app/use-money';
import { useStoreTime } from './use-store-time';

type ReturnSummary = MethodOutput<'returns.forSale'>[number];

/** The list (or "no returns yet"). */
export function SaleReturnsList({
  returns,
  onOpen,
}: {
  returns: ReturnSummary[];
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const time = useStoreTime();
  const name = (group: string, code: string) =>
    i18n.exists(`returnsUi.history.${group}.${code}`) ? t(`returnsUi.history.${group}.${code}`) : code;
  return (
    <Box data-testid="sale-returns">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {t('returnsUi.history.heading')}
      </Typography>
      {returns.length === 0 ? (
        <Typography color="text.secondary">{t('returnsUi.history.none')}</Typography>
      ) : (
        <List disablePadding sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
          {returns.map((r) => (
            <ListItem key={r.id} divider data-return-id={r.id} sx={{ gap: 2 }}>
              <Box
                sx={{
                  flex: 1,
                  display: 'grid',
                  gridTemplateColumns: '190px 110px 100px 1fr 130px',
                  gap: 2,
                  alignItems: 'center',
                }}
              >
                <Typography sx={{ fontWeight: 700 }}>{r.id}</Typography>
                <Typography>{name('kind', r.kind)}</Typography>
                <Chip
                  size="small"
                  label={name('status', r.status)}
                  color={r.status === 'completed' ? 'success' : 'default'}
                />
                <Typography variant="body2" color="text.secondary" noWrap>
                  {time(r.createdAt)} ·{' '}
                  {r.lines.map((l) => t('returnsUi.history.line', { sku: l.sku, qty: l.qty })).join(', ')}
                  {r.staffName ? ` · ${t('returnsUi.history.by', { name: r.staffName })}` : ''}
                </Typography>
                <Typography sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: 500 }}>
                  {money(r.refundTotalMinor)}
                </Typography>
              </Box>
              <Button variant="outlined" onClick={() => onOpen(r.id)}>
                {t('returnsUi.history.open')}
              </Button>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
