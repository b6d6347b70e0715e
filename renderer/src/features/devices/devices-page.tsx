/**
 * The Devices screen: configured scanners, receipt printers and meters with live status and
 * readings; test print (F9 on the receipt printer) with the job's preview and, for the demo
 * printer, what it received; test read; the print queue; the hardware detected on this PC; in
 * demo mode a box that feeds the simulated scanner. Everyone with devices.read sees it and may
 * test; only devices.manage (managers) may add, edit or remove devices.
 */
import Add from '@mui/icons-material/Add';
import Refresh from '@mui/icons-material/Refresh';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DeviceView } from '../../../../shared/contract/methods/devices';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useHotkey } from '../../app/hotkeys-react';
import { useSession } from '../../app/session-context';
import { hasAny } from '../../app/session-types';
import { DetectedHardwarePanel } from './detected-hardware-panel';
import { DeviceCard, type TestReadResult } from './device-card';
import { emptyForm, formFromDevice, type DeviceFormState } from './device-form';
import { DeviceFormDialog } from './device-form-dialog';
import { PrintQueuePanel } from './print-queue-panel';
import { RemoveDeviceDialog } from './remove-device-dialog';
import { SimulateScanBox } from './simulate-scan-box';
import { TestPrintPanel, type TestPrintJob } from './test-print-panel';
import { useDevices } from './use-devices';
import { usePrintQueue } from './use-print-queue';

type Feedback = { kind: 'text'; text: string } | { kind: 'error'; error: AppErrorValue };

/** The printer F9 test-prints: the enabled receipt printer, else the first enabled printer. */
export function f9Printer(devices: readonly DeviceView[]): DeviceView | undefined {
  const printers = devices.filter((d) => d.kind === 'printer' && d.enabled);
  return printers.find((d) => d.role === 'receipt-printer') ?? printers[0];
}

/** Page shown when the devices area is open. */
export function DevicesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { session, appInfo } = useSession();
  const canManage = hasAny(session, ['devices.manage']);
  const data = useDevices();
  const queue = usePrintQueue();
  const [testJob, setTestJob] = useState<TestPrintJob | null>(null);
  const [testReads, setTestReads] = useState<ReadonlyMap<number, TestReadResult>>(new Map());
  const [busy, setBusy] = useState<number | null>(null);
  const [form, setForm] = useState<DeviceFormState | null>(null);
  const [removing, setRemoving] = useState<DeviceView | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const devices = data.devices ?? [];
  const f9 = f9Printer(devices);
  const demoScanner = devices.some((d) => d.kind === 'scanner' && d.simulated && d.enabled);
  const serialPorts = data.detected?.serial.ok ? data.detected.serial.ports.map((p) => p.path) : [];

  const testPrint = async (d: DeviceView) => {
    setBusy(d.id);
    setFeedback(null);
    // The simulated printer keeps everything it printed: remember where this job's paper starts.
    const before = d.simulated ? await api.call('devices.simulatedPaper', { deviceId: d.id }) : null;
    const r = await api.call('devices.testPrint', { deviceId: d.id });
    setBusy(null);
    if (r.ok)
      setTestJob({
        jobId: r.value.jobId,
        deviceId: d.id,
        deviceName: d.name,
        simulated: d.simulated,
        paperFrom: before?.ok ? before.value.lines.length : 0,
      });
    else setFeedback({ kind: 'error', error: r.error });
  };
  const testRead = async (d: DeviceView) => {
    setBusy(d.id);
    const r = await api.call('devices.testRead', { deviceId: d.id });
    setBusy(null);
    setTestReads((m) => new Map(m).set(d.id, r));
  };
  useHotkey('F9', () => f9 && void testPrint(f9), f9 !== undefined && busy === null);

  return (
    <Box data-area-page="devices" sx={{ maxWidth: 1500 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h2" component="h1" ref={heading} tabIndex={-1} sx={{ outline: 'none' }}>
          {t('app.nav.devices')}
        </Typography>
        <Chip
          label={canManage ? t('devices.ui.page.manageMode') : t('devices.ui.page.readOnly')}
          color={canManage ? 'primary' : 'default'}
          variant="outlined"
          data-testid="devices-mode"
        />
        <Box sx={{ flex: 1 }} />
        <Button
          variant="outlined"
          startIcon={<Refresh />}
          onClick={() => void data.refresh()}
          disabled={data.loading}
        >
          {t('devices.ui.page.refresh')}
        </Button>
        {canManage && (
          <Button variant="contained" startIcon={<Add />} onClick={() => setForm(emptyForm('printer'))}>
            {t('devices.ui.page.add')}
          </Button>
        )}
      </Stack>
      {!canManage && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('devices.ui.page.readOnlyHelp')}
        </Alert>
      )}
      {data.devices && !data.running && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('devices.state.notStarted')}
        </Alert>
      )}
      {data.error && <ErrorMessage error={data.error} />}
      {feedback && (
        <Box sx={{ mb: 2 }}>
          {feedback.kind === 'error' ? (
            <ErrorMessage error={feedback.error} onClose={() => setFeedback(null)} />
          ) : (
            <Alert severity="success" role="status" onClose={() => setFeedback(null)}>
              {feedback.text}
            </Alert>
          )}
        </Box>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 512px' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Section title={t('devices.ui.page.configured')} testId="configured-devices">
          {!data.devices && data.loading && <LinearProgress aria-label={t('devices.ui.page.loading')} />}
          {data.devices && devices.length === 0 && (
            <Typography sx={{ color: 'text.secondary' }}>{t('devices.ui.page.none')}</Typography>
          )}
          <Stack spacing={2}>
            {devices.map((d) => (
              <DeviceCard
                key={d.id}
                device={d}
                reading={data.readings.get(d.id)}
                canManage={canManage}
                f9={f9?.id === d.id}
                busy={busy === d.id}
                testRead={testReads.get(d.id)}
                onTestPrint={() => void testPrint(d)}
                onTestRead={() => void testRead(d)}
                onEdit={() => setForm(formFromDevice(d))}
                onRemove={() => setRemoving(d)}
              />
            ))}
          </Stack>
        </Section>
        <Stack spacing={3}>
          <Section title={t('devices.ui.testPrint.title')} testId="test-print-section">
            {testJob ? (
              <TestPrintPanel job={testJob} />
            ) : (
              <Typography sx={{ color: 'text.secondary' }}>
                {f9 ? t('devices.ui.testPrint.hint') : t('devices.ui.testPrint.noPrinter')}
              </Typography>
            )}
          </Section>
          {appInfo?.store.demo && demoScanner && (
            <Section title={t('devices.ui.simulate.title')} testId="simulate-scan">
              <SimulateScanBox />
            </Section>
          )}
        </Stack>
      </Box>
      <Stack spacing={3} sx={{ mt: 3 }}>
        <Section title={t('devices.ui.queue.title')} testId="print-queue-section">
          <PrintQueuePanel queue={queue} />
        </Section>
        <Section title={t('devices.ui.detected.title')} testId="detected-hardware">
          <DetectedHardwarePanel detected={data.detected} />
        </Section>
      </Stack>
      <DeviceFormDialog
        initial={form}
        serialPorts={serialPorts}
        onClose={() => setForm(null)}
        onSaved={(name) => {
          setForm(null);
          setFeedback({ kind: 'text', text: t('devices.ui.page.saved', { name }) });
          void data.refresh();
        }}
      />
      <RemoveDeviceDialog
        device={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(name) => {
          setRemoving(null);
          setFeedback({ kind: 'text', text: t('devices.ui.page.removed', { name }) });
          void data.refresh();
        }}
      />
    </Box>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} data-testid={testId} sx={{ p: 2.5 }}>
      <Typography variant="h4" component="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
