/** The bottom bar of the shell: the screen-level keys as touch buttons (Esc back, F8 override, F9 commit/print) and a status read-out between them. */
import ArrowBack from '@mui/icons-material/ArrowBack';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyChip } from '../../app/key-chip';

export interface ActionBarProps {
  canGoBack: boolean;
  onBack: () => void;
  onOverride: () => void;
  onCommit: () => void;
  /** Shown between Back and the right-hand keys (the scan read-out). */
  status?: ReactNode;
}

/** Back on the left, override and commit on the right, each with its key. */
export function ActionBar({ canGoBack, onBack, onOverride, onCommit, status }: ActionBarProps) {
  const { t } = useTranslation();
  return (
    <Stack
      direction="row"
      spacing={1.5}
      sx={{
        px: 3,
        py: 1.25,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        alignItems: 'center',
      }}
    >
      <Button variant="outlined" startIcon={<ArrowBack />} disabled={!canGoBack} onClick={onBack}>
        {t('app.keys.back')}
        <KeyChip k="Esc" />
      </Button>
      {status}
      <Stack direction="row" spacing={1.5} sx={{ flex: status ? 'none' : 1, justifyContent: 'flex-end' }}>
        <Button variant="outlined" onClick={onOverride}>
          {t('app.keys.override')}
          <KeyChip k="F8" />
        </Button>
        <Button variant="contained" onClick={onCommit}>
          {t('app.keys.commit')}
          <KeyChip k="F9" inverted />
        </Button>
      </Stack>
    </Stack>
  );
}
