/** F1: the keyboard shortcuts, with the ones this role cannot use marked. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { HotkeyLayer, useHotkey } from '../../app/hotkeys-react';
import { KeyChip } from '../../app/key-chip';

const KEYS: { key: string; label: string; area?: 'returns' | 'repairs' | 'bench' }[] = [
  { key: 'F1', label: 'app.keys.help' },
  { key: 'F2', label: 'app.keys.findSale', area: 'returns' },
  { key: 'F3', label: 'app.keys.newRepair', area: 'repairs' },
  { key: 'F4', label: 'app.keys.bench', area: 'bench' },
  { key: 'F8', label: 'app.keys.override' },
  { key: 'F9', label: 'app.keys.commit' },
  { key: 'F12', label: 'app.keys.switchClerk' },
  { key: 'Enter', label: 'app.keys.confirm' },
  { key: 'Esc', label: 'app.keys.back' },
];

export interface HelpDialogProps {
  open: boolean;
  /** Areas this staff member may open. */
  allowed: readonly string[];
  onClose: () => void;
}

/** Modal list of keys; Esc or the button closes it. */
export function HelpDialog({ open, allowed, onClose }: HelpDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="help-title">
      <DialogTitle id="help-title" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
        {t('app.help.title')}
      </DialogTitle>
      <HotkeyLayer>
        <HelpBody allowed={allowed} onClose={onClose} />
      </HotkeyLayer>
    </Dialog>
  );
}

function HelpBody({ allowed, onClose }: Omit<HelpDialogProps, 'open'>) {
  const { t } = useTranslation();
  useHotkey('F1', onClose);
  return (
    <>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{t('app.help.intro')}</Typography>
        <Table size="small">
          <TableBody>
            {KEYS.map((k) => (
              <TableRow key={k.key} sx={{ height: 48 }}>
                <TableCell sx={{ width: 90 }}>
                  <KeyChip k={k.key} />
                </TableCell>
                <TableCell>
                  {t(k.label)}
                  {k.area && !allowed.includes(k.area) && (
                    <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                      {t('app.help.notForRole')}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} autoFocus>
          {t('app.help.close')}
          <KeyChip k="Esc" inverted />
        </Button>
      </DialogActions>
    </>
  );
}
