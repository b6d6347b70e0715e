/**
 * Why a line is allowed, refused or needs the manager, in plain words: the policy's sentences with
 * the dates that decided them ("购买于 2026-11-18（5 天前）；三包：7 天内…→ 可退货"), then the
 * returns service's own findings (inspection, resolution, checklist).
 */
import Alert, { type AlertColor } from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { QuoteLine } from '../../../../shared/contract/methods/returns';
import { useSentence } from './use-sentence';

const SEVERITY: Record<QuoteLine['status'], AlertColor> = {
  allowed: 'success',
  needs_manager: 'warning',
  refused: 'error',
  blocked: 'error',
  incomplete: 'info',
};

const CHIP_COLOR: Record<QuoteLine['status'], string> = {
  allowed: 'success.main',
  needs_manager: 'warning.main',
  refused: 'error.main',
  blocked: 'error.main',
  incomplete: 'secondary.main',
};

/** The line's status in words on a solid chip (white on the status colour). */
export function StatusChip({ status }: { status: QuoteLine['status'] }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      label={t(`returns.status.${status}`)}
      data-testid="line-status"
      sx={{ bgcolor: CHIP_COLOR[status], color: '#fff', fontWeight: 700 }}
    />
  );
}

/** The policy panel of one quoted line. */
export function PolicyPanel({ line }: { line: QuoteLine }) {
  const { t } = useTranslation();
  const sentence = useSentence();
  return (
    <Box data-testid="policy-panel" data-status={line.status} data-outcome={line.decision.outcome}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700 }}>
          {t('returnsUi.check.policy')}
        </Typography>
        <StatusChip status={line.status} />
      </Stack>
      <Alert severity={SEVERITY[line.status]} icon={false} role="note" sx={{ alignItems: 'flex-start' }}>
        <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }}>
          {line.decision.reasons.map((r, i) => (
            <Typography component="li" key={`d${i}`} data-reason-key={r.key}>
              {sentence(r)}
            </Typography>
          ))}
          {line.statusReasons.map((r, i) => (
            <Typography component="li" key={`s${i}`} data-reason-key={r.key}>
              {sentence(r)}
            </Typography>
          ))}
        </Stack>
      </Alert>
    </Box>
  );
}
