/** The keys of the current step as touch buttons: Back (Esc) on the left, override (F8) and Next (Enter) / Commit (F9) on the right. */
import ArrowBack from '@mui/icons-material/ArrowBack';
import ArrowForward from '@mui/icons-material/ArrowForward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyChip } from '../../app/key-chip';

export interface StepFooterProps {
  onBack?: () => void;
  onNext?: () => void;
  nextDisabled?: boolean;
  onOverride?: () => void;
  onCommit?: () => void;
  commitDisabled?: boolean;
  committing?: boolean;
  /** Why the step cannot be left yet, or what happens next. */
  status?: ReactNode;
}

/** One row under the step's content; missing handlers hide their buttons. */
export function StepFooter(p: StepFooterProps) {
  const { t } = useTranslation();
  return (
    <Stack
      direction="row"
      spacing={1.5}
      sx={{ alignItems: 'center', mt: 2, pt: 2, borderTop: 1, borderColor: 'divider' }}
      data-testid="step-footer"
    >
      {p.onBack && (
        <Button variant="outlined" startIcon={<ArrowBack />} onClick={p.onBack}>
          {t('returnsUi.keys.back')}
          <KeyChip k="Esc" />
        </Button>
      )}
      <Box sx={{ flex: 1, minWidth: 0 }} role="status" aria-live="polite">
        {p.status}
      </Box>
      {p.onOverride && (
        <Button variant="outlined" onClick={p.onOverride}>
          {t('returnsUi.keys.override')}
          <KeyChip k="F8" />
        </Button>
      )}
      {p.onNext && (
        <Button
          variant="contained"
          endIcon={<ArrowForward />}
          onClick={p.onNext}
          disabled={p.nextDisabled}
          data-testid="step-next"
        >
          {t('returnsUi.keys.next')}
          <KeyChip k="Enter" inverted />
        </Button>
      )}
      {p.onCommit && (
        <Button
          variant="contained"
          color="success"
          onClick={p.onCommit}
          disabled={p.commitDisabled || p.committing}
          data-testid="commit"
        >
          {p.committing ? t('returnsUi.confirm.sending') : t('returnsUi.keys.commit')}
          <KeyChip k="F9" inverted />
        </Button>
      )}
    </Stack>
  );
}
