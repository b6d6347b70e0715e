/**
 * What is plugged into this PC: serial ports (with who may open them, and which device uses
 * them) and HID-POS scanners. When a listing cannot run (no udev, no hidraw access) it says why
 * and what to do, in the UI language, instead of an empty list.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DetectedHardware } from '../../../../shared/contract/methods/devices';
import { hex4 } from './connection-label';
import { messageText } from './status-text';

type Port = Extract<DetectedHardware['serial'], { ok: true }>['ports'][number];
type HidScanner = Extract<DetectedHardware['hid'], { ok: true }>['scanners'][number];

const ACCESS_COLOR = { ok: 'success', denied: 'error', 'in-use': 'warning', unknown: 'default' } as const;

/** Both listings, or nothing while they have not been asked for. */
export function DetectedHardwarePanel({ detected }: { detected: DetectedHardware | null }) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  if (!detected)
    return <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.detected.notAsked')}</Typography>;
  const { serial, hid } = detected;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box data-testid="detected-serial">
        <Typography variant="h6" component="h3" sx={{ fontWeight: 700 }}>
          {t('devices.ui.detected.serial')}
        </Typography>
        {!serial.ok ? (
          <Alert severity="warning" data-message-key={serial.messageKey}>
            {messageText(t, exists, serial.messageKey, serial.params)}
          </Alert>
        ) : serial.ports.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.detected.noSerial')}</Typography>
        ) : (
          <List dense disablePadding>
            {serial.ports.map((p) => (
              <PortRow
                key={p.path}
                port={p}
                message={p.messageKey ? messageText(t, exists, p.messageKey, p.params) : null}
              />
            ))}
          </List>
        )}
      </Box>
      <Box data-testid="detected-hid">
        <Typography variant="h6" component="h3" sx={{ fontWeight: 700 }}>
          {t('devices.ui.detected.hid')}
        </Typography>
        {!hid.ok ? (
          <Alert severity="warning" data-message-key={hid.messageKey}>
            {messageText(t, exists, hid.messageKey, hid.params)}
          </Alert>
        ) : hid.scanners.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.detected.noHid')}</Typography>
        ) : (
          <List dense disablePadding>
            {hid.scanners.map((s) => (
              <HidRow key={`${s.vendorId}:${s.productId}:${s.path ?? ''}`} scanner={s} />
            ))}
          </List>
        )}
      </Box>
    </Box>
  );
}

function PortRow({ port, message }: { port: Port; message: string | null }) {
  const { t } = useTranslation();
  const ids = port.vendorId ? `${port.vendorId}:${port.productId ?? ''}` : '';
  return (
    <ListItem disableGutters sx={{ display: 'block', py: 0.75 }} data-port={port.path}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ fontFamily: 'monospace', fontWeight: 700 }}>{port.path}</Typography>
        <Chip
          size="small"
          color={ACCESS_COLOR[port.access]}
          label={t(`devices.ui.detected.access.${port.access}`)}
        />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {[port.manufacturer, ids].filter(Boolean).join(' · ')}
        </Typography>
      </Box>
      {message && (
        <Typography variant="body2" sx={{ color: port.access === 'ok' ? 'text.secondary' : 'error.main' }}>
          {message}
        </Typography>
      )}
    </ListItem>
  );
}

function HidRow({ scanner }: { scanner: HidScanner }) {
  const { t } = useTranslation();
  return (
    <ListItem disableGutters sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', py: 0.75 }}>
      <Typography sx={{ fontWeight: 700 }}>
        {[scanner.manufacturer, scanner.product].filter(Boolean).join(' ') || t('devices.kind.scanner')}
      </Typography>
      <Typography sx={{ fontFamily: 'monospace' }}>
        {hex4(scanner.vendorId)}:{hex4(scanner.productId)}
      </Typography>
      {scanner.usedBy !== undefined && (
        <Chip size="small" color="warning" label={t('devices.ui.detected.usedBy', { id: scanner.usedBy })} />
      )}
    </ListItem>
  );
}
