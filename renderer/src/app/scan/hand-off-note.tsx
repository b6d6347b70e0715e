/**
 * A one-line read-out of what a scan handed to this screen ("扫描的小票：S-20261118-0007"), for
 * the placeholder pages of areas a scan can open; the real screens open the document instead.
 */
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { HAND_OFF, type HandOffArea } from './hand-off';
import { useAreaRoute } from './area-route';

/** Shows the receipt / job / document number the route carries for `area`, or nothing. */
export function HandOffNote({ area }: { area: HandOffArea }) {
  const { t } = useTranslation();
  const { params } = useAreaRoute(area);
  const entries = (['receipt', 'job', 'document'] as const).filter((k) => params[HAND_OFF[k]]);
  if (entries.length === 0) return null;
  return (
    <>
      {entries.map((k) => (
        <Alert key={k} severity="info" sx={{ mb: 2, maxWidth: 880 }} data-testid={`hand-off-${k}`}>
          {t(`scan.handOff.${k}`, { [k]: params[HAND_OFF[k]] })}
        </Alert>
      ))}
    </>
  );
}
