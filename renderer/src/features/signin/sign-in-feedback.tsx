/** Why sign-in did not work: a local format problem or the server's typed error, translated. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import { ErrorMessage } from '../../app/error-message';

export interface SignInFeedbackProps {
  id: string;
  problem: 'codeInvalid' | 'pinInvalid' | null;
  error: AppErrorValue | null;
  onClose: () => void;
}

/** Renders nothing when all is well. */
export function SignInFeedback({ id, problem, error, onClose }: SignInFeedbackProps) {
  const { t } = useTranslation();
  return (
    <Box id={id} aria-live="polite">
      {problem ? (
        <Alert severity="warning" variant="outlined" role="alert">
          {t(`app.signin.${problem}`)}
        </Alert>
      ) : error ? (
        <ErrorMessage error={error} onClose={onClose} />
      ) : null}
    </Box>
  );
}
