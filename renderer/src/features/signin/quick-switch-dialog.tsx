/** F12 quick switch: pick a staff member from auth.staffList, then their PIN (or scan a badge). */
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/error-message';
import { HotkeyLayer } from '../../app/hotkeys-react';
import { StaffPicker } from './staff-picker';
import { SwitchPinStep } from './switch-pin-step';
import { useStaffList, type StaffList } from './use-staff-list';

export interface QuickSwitchDialogProps {
  open: boolean;
  currentCode: string | null;
  onClose: () => void;
  onSwitched: (name: string) => void;
}

type Member = StaffList[number];

/** The dialog; Esc on the PIN step goes back to the list, Esc on the list closes. */
export function QuickSwitchDialog({ open, currentCode, onClose, onSwitched }: QuickSwitchDialogProps) {
  const { t } = useTranslation();
  const [member, setMember] = useState<Member | null>(null);
  useEffect(() => {
    if (!open) setMember(null);
  }, [open]);
  return (
    <Dialog
      open={open}
      onClose={(_e, reason) => (reason === 'escapeKeyDown' && member ? setMember(null) : onClose())}
      fullWidth
      maxWidth="md"
      aria-labelledby="switch-title"
    >
      <DialogTitle id="switch-title" sx={{ fontSize: '1.5rem', fontWeight: 700 }}>
        {t('app.switch.title')}
      </DialogTitle>
      <DialogContent>
        <HotkeyLayer>
          <SwitchContent
            currentCode={currentCode}
            member={member}
            setMember={setMember}
            onSwitched={onSwitched}
          />
        </HotkeyLayer>
      </DialogContent>
    </Dialog>
  );
}

interface SwitchContentProps {
  currentCode: string | null;
  member: Member | null;
  setMember: (m: Member | null) => void;
  onSwitched: (name: string) => void;
}

function SwitchContent({ currentCode, member, setMember, onSwitched }: SwitchContentProps) {
  const { t } = useTranslation();
  const { staff, error } = useStaffList();
  if (error) return <ErrorMessage error={error} />;
  if (!staff) return <LinearProgress />;
  if (member) return <SwitchPinStep member={member} onBack={() => setMember(null)} onSwitched={onSwitched} />;
  return (
    <>
      <Typography sx={{ mb: 2 }}>{t('app.switch.choose')}</Typography>
      <StaffPicker staff={staff} currentCode={currentCode} onPick={setMember} />
    </>
  );
}
