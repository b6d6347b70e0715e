/** Short messages at the bottom of the shell: info/warning text, or a typed error. */
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { ErrorMessage } from '../../app/error-message';

export type Notice =
  | { kind: 'text'; severity: 'info' | 'success' | 'warning'; text: string }
  | { kind: 'error'; error: AppErrorValue };

/** A snackbar showing one notice; a new notice replaces the old one. */
export function ShellNotice({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  return (
    <Snackbar
      open={notice !== null}
      autoHideDuration={notice?.kind === 'error' ? 8000 : 5000}
      onClose={(_e, reason) => {
        if (reason !== 'clickaway') onClose();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <div>
        {notice?.kind === 'error' ? (
          <ErrorMessage error={notice.error} onClose={onClose} variant="filled" />
        ) : notice ? (
          <Alert severity={notice.severity} variant="filled" onClose={onClose} role="status">
            {notice.text}
          </Alert>
        ) : undefined}
      </div>
    </Snackbar>
  );
}
