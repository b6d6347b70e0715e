/**
 * Refusals and approvals explained: what needs the manager and why (per line, in plain words),
 * what an override pays (store credit only when it overrides a refusal), who approved once done,
 * and for lines that cannot be taken back at all, why and what the clerk can do next.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../../shared/contract/methods/returns';
import { KeyChip } from '../../app/key-chip';
import type { OverrideGrant } from './use-return-flow';
import { useSentence } from './use-sentence';

export interface ManagerPanelProps {
  quote: Quote;
  override: OverrideGrant | null;
  onOverride: () => void;
  /** Offers "send to repair" when a blocked or refused line's policy allows repair. */
  onRepair: (() => void) | null;
}

/** Shown on resolve and confirm; renders nothing when no line needs anything. */
export function ManagerPanel({ quote, override, onOverride, onRepair }: ManagerPanelProps) {
  const { t } = useTranslation();
  const sentence = useSentence();
  const blocked = quote.lines.filter((l) => l.status === 'blocked');
  return (
    <Stack spacing={1.5}>
      {blocked.length > 0 && (
        <Alert severity="error" role="note" data-testid="blocked">
          <AlertTitle>{t('returnsUi.resolve.blocked')}</AlertTitle>
          {blocked.map((l) => (
            <Box key={l.lineNo} sx={{ mb: 0.5 }}>
              <Typography sx={{ fontWeight: 500 }}>{l.name}</Typography>
              {[
                ...l.statusReasons,
                ...l.decision.reasons.filter((r) => r.key === 'policy.reason.serialMismatch'),
              ].map((r, i) => (
                <Typography key={i}>{sentence(r)}</Typography>
              ))}
            </Box>
          ))}
          <Typography sx={{ mt: 0.5 }}>
            {t('returnsUi.resolve.next')}{' '}
            {blocked.some((l) => l.inspection.serialMatches === false)
              ? t('returnsUi.resolve.nextSerial')
              : t('returnsUi.resolve.nextFix')}
            {onRepair && `; ${t('returnsUi.resolve.nextRepair')}`}
          </Typography>
        </Alert>
      )}
      {quote.manager.required && (
        <Alert
          severity={override ? 'success' : 'warning'}
          role="note"
          data-testid="manager-panel"
          action={
            override ? undefined : (
              <Button variant="contained" color="warning" onClick={onOverride} sx={{ whiteSpace: 'nowrap' }}>
                {t('returnsUi.keys.override')}
                <KeyChip k="F8" inverted />
              </Button>
            )
          }
        >
          <AlertTitle>
            {override
              ? t('returnsUi.override.approved', {
                  manager: override.manager.name,
                  reason: t(`returnsUi.override.reasons.${override.reasonCode}`),
                })
              : t('returnsUi.resolve.manager.heading')}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {quote.manager.because.map((b, i) => (
              <Typography component="li" key={i} data-cause={b.cause}>
                {b.lineNo !== null &&
                  `${quote.lines.find((l) => l.lineNo === b.lineNo)?.name ?? t('returnsUi.resolve.manager.line', { lineNo: b.lineNo })}: `}
                {t(`returns.cause.${b.cause}`)} — {sentence(b.reason)}
              </Typography>
            ))}
          </Box>
          {quote.manager.payout === 'store_credit' && (
            <Typography sx={{ mt: 0.5, fontWeight: 500 }}>
              {t('returnsUi.resolve.manager.storeCredit')}
            </Typography>
          )}
          {!override && (
            <Typography sx={{ mt: 0.5 }}>
              {t('returnsUi.resolve.next')} {t('returnsUi.resolve.nextOverride')}
              {onRepair && `; ${t('returnsUi.resolve.nextRepair')}`}
            </Typography>
          )}
        </Alert>
      )}
    </Stack>
  );
}
