/** A committed return opened from a sale's history (or by scanning its R-number): lines, tenders, approval, timeline, reprint, slip. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { HotkeyLayer } from '../../app/hotkeys-react';
import { KeyChip } from '../../app/key-chip';
import { ReceiptPreview } from '../../app/receipt-preview';
import { useMoney } from '../../app/use-money';
import { useReturnDetail } from './use-return-detail';
import { useStoreTime } from './use-store-time';

type Timeline = MethodOutput<'returns.timeline'>;

/** Modal; Esc or Close closes it. */
export function ReturnDetailDialog({ returnId, onClose }: { returnId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={returnId !== null}
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="return-detail-title"
    >
      <DialogTitle id="return-detail-title" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
        {t('returnsUi.detail.title', { id: returnId ?? '' })}
      </DialogTitle>
      {returnId && (
        <HotkeyLayer>
          <DetailBody returnId={returnId} onClose={onClose} />
        </HotkeyLayer>
      )}
    </Dialog>
  );
}

function DetailBody({ returnId, onClose }: { returnId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const time = useStoreTime();
  const d = useReturnDetail(returnId);
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [reprinted, setReprinted] = useState(false);

  useEffect(() => {
    void api
      .call('returns.timeline', { returnId })
      .then((r) => (r.ok ? setTimeline(r.value) : setError(r.error)));
  }, [api, returnId, reprinted]);

  const actionName = (a: string) =>
    i18n.exists(`returnsUi.detail.action.${a}`) ? t(`returnsUi.detail.action.${a}`) : a;
  const det = d.detail;
  return (
    <>
      <DialogContent dividers>
        {d.error && <ErrorMessage error={d.error} />}
        {error && <ErrorMessage error={error} />}
        {!det && !d.error && <Typography>{t('returnsUi.detail.loading')}</Typography>}
        {det && (
          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: 3 }}>
            <Stack spacing={2}>
              <Typography>
                {t(`returnsUi.history.kind.${det.kind}`, { defaultValue: det.kind })} ·{' '}
                {t(`returnsUi.history.status.${det.status}`, { defaultValue: det.status })} ·{' '}
                {time(det.createdAt)}
                {det.staff ? ` · ${t('returnsUi.history.by', { name: det.staff.name })}` : ''}
              </Typography>
              <Box>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                  {t('returnsUi.detail.lines')}
                </Typography>
                {det.lines.map((l) => (
                  <Box key={l.id} sx={{ display: 'flex', gap: 2 }}>
                    <Typography sx={{ flex: 1 }} noWrap>
                      {l.name} × {l.qty} ·{' '}
                      {t(`returns.disposition.${l.disposition}`, { defaultValue: l.disposition })}
                    </Typography>
                    <Typography sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {money(l.refundMinor)}
                    </Typography>
                  </Box>
                ))}
              </Box>
              <Box>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                  {t('returnsUi.detail.tenders')}
                </Typography>
                {det.tenders.map((x) => (
                  <Box key={x.seq} sx={{ display: 'flex', gap: 2 }}>
                    <Typography sx={{ flex: 1 }}>
                      {t(`money.tender.${x.tender}`, { defaultValue: x.tender })}
                    </Typography>
                    <Typography sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {money(x.amountMinor)}
                    </Typography>
                  </Box>
                ))}
              </Box>
              {det.override && (
                <Typography data-testid="detail-approved-by">
                  {t('returnsUi.result.approvedBy', {
                    manager: det.override.manager?.name ?? '—',
                    reason: t(`returnsUi.override.reasons.${det.override.reasonCode}`, {
                      defaultValue: det.override.reasonCode,
                    }),
                    note: det.override.note ? ` · ${det.override.note}` : '',
                  })}
                </Typography>
              )}
              <Box>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                  {t('returnsUi.detail.timeline')}
                </Typography>
                <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="timeline">
                  {(timeline ?? []).map((e) => (
                    <Typography component="li" key={e.auditId} data-action={e.action}>
                      {time(e.at)} · {actionName(e.action)}
                      {e.staff ? ` · ${t('returnsUi.detail.by', { name: e.staff.name })}` : ''}
                    </Typography>
                  ))}
                </Box>
              </Box>
              <Box>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
                  {t('returnsUi.detail.print')}
                </Typography>
                {d.jobs.map((j) => (
                  <Typography key={j.id} data-job={j.id}>
                    #{j.id} · {t(`devices.print.status.${j.status}`, { defaultValue: j.status })}
                  </Typography>
                ))}
              </Box>
              {reprinted && <Alert severity="info">{t('returnsUi.result.reprinted')}</Alert>}
            </Stack>
            {d.slipHtml && (
              <ReceiptPreview
                html={d.slipHtml}
                title={t('returnsUi.result.preview')}
                heading={t('returnsUi.result.preview')}
                testId="slip-preview"
                height={480}
              />
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          variant="outlined"
          onClick={() =>
            void api.call('returns.reprint', { returnId }).then((r) => {
              if (r.ok) {
                setReprinted(true);
                void d.reload();
              } else setError(r.error);
            })
          }
        >
          {t('returnsUi.result.reprint')}
        </Button>
        <Button variant="contained" onClick={onClose} autoFocus>
          {t('returnsUi.detail.close')}
          <KeyChip k="Esc" inverted />
        </Button>
      </DialogActions>
    </>
  );
}
