/**
 * One configured device: name, kind, driver, role, connection, live status (state chip and the
 * status sentence), the live reading of a meter, and its buttons (test print / test read for
 * everyone with devices.read, edit / remove for managers).
 */
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import ElectricMeterOutlined from '@mui/icons-material/ElectricMeterOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import QrCodeScanner from '@mui/icons-material/QrCodeScanner';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DeviceKind, DeviceView } from '../../../../shared/contract/methods/devices';
import type { Reading } from '../../../../shared/domain/meter/reading';
import { ErrorMessage } from '../../app/error-message';
import { KeyChip } from '../../app/key-chip';
import { connectionLabel } from './connection-label';
import { DeviceStatusChip } from './device-status-chip';
import { MeterReading } from './meter-reading';
import { messageText } from './status-text';

export type TestReadResult =
  { ok: true; value: MethodOutput<'devices.testRead'> } | { ok: false; error: AppErrorValue };

export interface DeviceCardProps {
  device: DeviceView;
  reading: Reading | undefined;
  canManage: boolean;
  /** True for the printer that F9 test-prints. */
  f9: boolean;
  busy: boolean;
  testRead: TestReadResult | undefined;
  onTestPrint(): void;
  onTestRead(): void;
  onEdit(): void;
  onRemove(): void;
}

const KIND_ICON: Record<DeviceKind, typeof PrintOutlined> = {
  printer: PrintOutlined,
  scanner: QrCodeScanner,
  meter: ElectricMeterOutlined,
};

/** The card of one device. */
export function DeviceCard(props: DeviceCardProps) {
  const { device: d, reading, canManage, f9, busy, testRead } = props;
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  const Icon = KIND_ICON[d.kind];
  const titleId = `device-${d.id}-name`;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={titleId}
      data-device-id={d.id}
      data-device-kind={d.kind}
      sx={{ p: 2.5, display: 'flex', flexDirection: 'column', gap: 1.25 }}
    >
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <Icon
          sx={{ color: 'primary.main', fontSize: 36, mt: 0.25 }}
          titleAccess={t(`devices.kind.${d.kind}`)}
        />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography id={titleId} variant="h5" component="h3" sx={{ fontWeight: 700, lineHeight: 1.35 }}>
            {d.name}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t(`devices.driver.${d.driver}`)}
          </Typography>
        </Box>
        <DeviceStatusChip state={d.enabled ? d.status.state : 'stopped'} />
      </Stack>
      <Typography variant="body2">
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {t('devices.ui.card.connection')}
        </Box>{' '}
        {connectionLabel(t, d.driver, d.transport)}
        <Box component="span" sx={{ color: 'text.secondary' }}>
          {' · '}
          {t('devices.ui.card.role', { role: d.role })}
        </Box>
      </Typography>
      <Typography
        variant="body2"
        data-testid="device-status-text"
        sx={{
          color:
            d.status.state === 'error' || d.status.state === 'disconnected' ? 'error.main' : 'text.secondary',
        }}
      >
        {d.enabled
          ? messageText(t, exists, d.status.messageKey, d.status.params)
          : t('devices.state.disabled')}
      </Typography>
      {d.kind === 'meter' && (
        <Box sx={{ bgcolor: 'background.default', borderRadius: 2, px: 2, py: 1 }}>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('devices.ui.card.liveReading')}
          </Typography>
          {reading ? (
            <MeterReading reading={reading} testId="live-reading" />
          ) : (
            <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.card.noReading')}</Typography>
          )}
        </Box>
      )}
      {testRead && <TestReadOutcome result={testRead} />}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', pt: 0.5 }}>
        {d.kind === 'printer' && (
          <Button
            variant="contained"
            startIcon={<PrintOutlined />}
            onClick={props.onTestPrint}
            disabled={busy}
            sx={{ px: 1.5 }}
          >
            {t('devices.ui.card.testPrint')}
            {f9 && <KeyChip k="F9" inverted />}
          </Button>
        )}
        <Button variant="outlined" onClick={props.onTestRead} disabled={busy} sx={{ px: 1.5 }}>
          {d.kind === 'meter' ? t('devices.ui.card.testRead') : t('devices.ui.card.checkStatus')}
        </Button>
        {canManage && (
          <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
            <Tooltip title={t('devices.ui.card.edit')}>
              <IconButton
                aria-label={t('devices.ui.card.edit')}
                onClick={props.onEdit}
                sx={{ border: 1, borderColor: 'divider', borderRadius: 2.5, color: 'primary.main' }}
              >
                <EditOutlined />
              </IconButton>
            </Tooltip>
            <Tooltip title={t('devices.ui.card.remove')}>
              <IconButton
                aria-label={t('devices.ui.card.remove')}
                onClick={props.onRemove}
                sx={{ border: 1, borderColor: 'divider', borderRadius: 2.5, color: 'error.main' }}
              >
                <DeleteOutlined />
              </IconButton>
            </Tooltip>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function TestReadOutcome({ result }: { result: TestReadResult }) {
  const { t, i18n } = useTranslation();
  if (!result.ok) return <ErrorMessage error={result.error} />;
  const v = result.value;
  if (v.kind === 'meter') {
    return (
      <Box
        data-testid="test-read"
        sx={{ border: 1, borderColor: 'success.main', borderRadius: 2, px: 2, py: 1 }}
      >
        <Typography variant="body2" sx={{ color: 'success.main', fontWeight: 700 }}>
          {t('devices.ui.card.testReadResult')}
        </Typography>
        <MeterReading reading={v.reading} testId="test-read-value" />
        {v.identity && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t('devices.ui.card.identity', v.identity)}
          </Typography>
        )}
      </Box>
    );
  }
  return (
    <Typography data-testid="test-read" variant="body2" sx={{ fontWeight: 700 }}>
      {t('devices.ui.card.statusNow', {
        status: messageText(t, (k) => i18n.exists(k), v.status.messageKey, v.status.params),
      })}
    </Typography>
  );
}
