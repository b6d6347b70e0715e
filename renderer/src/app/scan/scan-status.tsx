/**
 * The scan read-outs: <ScanStatus> for the status bar (where a product/serial scan would go now,
 * and the last scan with what became of it) and <ScanTargetHint> for a screen to show next to
 * its scan field.
 */
import QrCodeScanner from '@mui/icons-material/QrCodeScanner';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { describeOutcome } from './scan-outcome';
import { useOptionalScanContext } from './scan-provider';

/** Status-bar read-out: "扫描将填入：序列号" and "上次扫码：S-20261118-0007 · 销售小票 · 已打开退货/换货". */
export function ScanStatus() {
  const { t } = useTranslation();
  const ctx = useOptionalScanContext();
  if (!ctx) return null;
  const { last, activeLabel } = ctx;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0, flex: 1, px: 1 }}>
      <QrCodeScanner sx={{ color: 'primary.main', flexShrink: 0 }} aria-hidden />
      {activeLabel && (
        <Typography
          data-testid="scan-target"
          noWrap
          sx={{ fontWeight: 700, color: 'primary.dark', flexShrink: 0 }}
        >
          {t('scan.target.fills', { label: activeLabel })}
        </Typography>
      )}
      <Typography
        data-testid="last-scan"
        data-scan-seq={last?.seq ?? 0}
        data-scan-kind={last?.scan.classification.kind ?? ''}
        data-scan-source={last?.scan.source ?? ''}
        role="status"
        noWrap
        sx={{ color: 'text.secondary', minWidth: 0 }}
        title={last ? last.scan.code : undefined}
      >
        {last ? (
          <>
            {t('scan.last')}{' '}
            <Box component="span" sx={{ fontWeight: 700, color: 'text.primary', fontFamily: 'monospace' }}>
              {last.scan.classification.code || last.scan.code}
            </Box>
            {' · '}
            {t(`scanner.kind.${last.scan.classification.kind}`)}
            {' · '}
            {t(`scanner.source.${last.scan.source}`)}
            {' · '}
            {describeOutcome(last.scan, last.outcome, t).summary}
          </>
        ) : (
          t('scan.waiting')
        )}
      </Typography>
    </Stack>
  );
}

/** A small "扫描将填入：序列号" note for a field; shows only while that field is the active target. */
export function ScanTargetHint({ label, active }: { label: string; active: boolean }) {
  const { t } = useTranslation();
  if (!active) return null;
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', color: 'primary.dark', mt: 0.5 }}>
      <QrCodeScanner fontSize="small" aria-hidden />
      <Typography variant="body2" sx={{ fontWeight: 700 }} data-testid="scan-target-hint">
        {t('scan.target.fills', { label })}
      </Typography>
    </Stack>
  );
}
