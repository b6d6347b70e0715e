/** Shows any typed error as its translated sentence, in an alert that screen readers announce. */
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../shared/contract/errors';
import { errorText } from './error-text';

export interface ErrorMessageProps {
  error: AppErrorValue;
  onClose?: () => void;
  /** `filled` for places over other content (snackbars). */
  variant?: 'outlined' | 'filled';
}

/** Renders the error's message (`errors.<CODE>`) with its details in words (field and rule of INVALID_INPUT). */
export function ErrorMessage({ error, onClose, variant = 'outlined' }: ErrorMessageProps) {
  const { i18n } = useTranslation();
  return (
    <Alert
      severity="error"
      variant={variant}
      role="alert"
      data-error-code={error.code}
      onClose={onClose}
      sx={variant === 'outlined' ? { bgcolor: 'background.paper' } : undefined}
    >
      {errorText(error, i18n)}
    </Alert>
  );
}
