/** The warranty verdict and repeat-repair warning of a precheck or job, in the policy's own sentences. */
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';

type Precheck = MethodOutput<'repairs.precheck'>;

/** Warranty kind + its reasons; the repeat rule (second repair → next failure replacement) as a warning. */
export function WarrantyNote({
  warranty,
  repeat,
}: {
  warranty: Precheck['warranty'];
  repeat: Precheck['repeat'];
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} data-testid="warranty-note">
      <Alert severity={warranty.kind === 'none' ? 'warning' : 'success'} data-warranty={warranty.kind}>
        <strong>{t(`repairs.warrantyKind.${warranty.kind}`)}</strong>
        {warranty.reasons.map((r, i) => (
          <div key={i}>{t(r.key, r.params)}</div>
        ))}
      </Alert>
      {repeat && (
        <Alert severity="warning" data-testid="repeat-note">
          {t(repeat.reason.key, repeat.reason.params)}
        </Alert>
      )}
    </Stack>
  );
}
