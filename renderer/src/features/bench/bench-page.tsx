/**
 * The Bench (journey 6): the technician's jobs to test (or a scanned shelf tag), the meter to use,
 * then the job's test plan step by step — readings arrive from the meter by themselves, are captured
 * when stable and judged at once; retests are kept; manual entry only where the step allows it.
 */
import ArrowBack from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { DeviceView } from '../../../../shared/contract/methods/devices';
import type { RepairJob, RepairJobSummary } from '../../../../shared/contract/methods/repairs';
import type { Reading } from '../../../../shared/domain/meter/reading';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useJobHandOff } from '../repairs/use-job-hand-off';
import { useSession } from '../../app/session-context';
import { hasAny } from '../../app/session-types';
import { InstrumentsPanel } from './instruments-panel';
import { PlanEditor } from './plan-editor';
import { RunPanel } from './run-panel';
import { useBenchRun } from './use-bench-run';

const BENCH_STATUSES = ['diagnosing', 'repairing', 'testing'] as const;

/** Page shown when the bench area is open. */
export function BenchPage() {
  const { t } = useTranslation();
  const api = useApi();
  const bench = useBenchRun();
  const [jobs, setJobs] = useState<RepairJobSummary[]>([]);
  const [meters, setMeters] = useState<DeviceView[]>([]);
  const [meterId, setMeterId] = useState<number | 0>(0);
  const [job, setJob] = useState<RepairJob | null>(null);
  const [live, setLive] = useState<Reading | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { session } = useSession();
  const manager = hasAny(session, ['settings.manage']);
  const [tab, setTab] = useState<'run' | 'plans' | 'instruments'>('run');

  useEffect(() => {
    void api
      .call('repairs.list', { mine: true, statuses: [...BENCH_STATUSES], limit: 100 })
      .then((r) => r.ok && setJobs(r.value));
    void api.call('devices.list', {}).then((r) => {
      if (!r.ok) return;
      const m = r.value.devices.filter((d) => d.kind === 'meter' && d.enabled);
      setMeters(m);
      setMeterId((cur) => cur || (m.find((d) => d.role.includes('bench'))?.id ?? m[0]?.id ?? 0));
    });
  }, [api, job]);
  useEffect(
    () =>
      api.on('meter.reading', (p) => {
        if (p.deviceId === meterId) setLive(p.reading);
      }),
    [api, meterId],
  );

  const open = async (jobId: string) => {
    setError(null);
    setNote(null);
    const j = await api.call('repairs.get', { jobId });
    if (!j.ok) return setError(j.error);
    setJob(j.value);
  };
  // Start (or resume, re-bound to the chosen meter) the job's run whenever the job or the meter changes.
  const jobKey = job?.id ?? null;
  const { start } = bench;
  useEffect(() => {
    if (jobKey) void start(jobKey, meterId ? `device:${meterId}` : null);
  }, [jobKey, meterId, start]);
  useJobHandOff('bench', (jobId) => void open(jobId));

  const move = async (to: 'testing' | 'qc') => {
    if (!job) return;
    const r = await api.call('repairs.transition', {
      jobId: job.id,
      to,
      expectedStatus: job.status,
      note: '',
    });
    if (!r.ok) return setError(r.error);
    setJob(r.value);
    setNote(t('benchUi.movedTo', { status: t(`repairs.status.${r.value.status}`) }));
  };

  return (
    <Stack spacing={2} sx={{ p: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography ref={heading} tabIndex={-1} variant="h5" component="h1">
          {job ? `${t('benchUi.title')} · ${job.id}` : t('benchUi.title')}
        </Typography>
        {job && (
          <Button
            startIcon={<ArrowBack />}
            onClick={() => {
              setJob(null);
              bench.clear();
            }}
            sx={{ minHeight: 48 }}
          >
            {t('benchUi.back')}
          </Button>
        )}
        <TextField
          select
          label={t('benchUi.meter')}
          value={meterId}
          onChange={(e) => setMeterId(Number(e.target.value))}
          sx={{ minWidth: 300 }}
          slotProps={{ htmlInput: { 'data-testid': 'bench-meter' } }}
        >
          <MenuItem value={0}>{t('benchUi.noMeter')}</MenuItem>
          {meters.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {manager && (
        <Tabs value={tab} onChange={(_e, v: 'run' | 'plans' | 'instruments') => setTab(v)}>
          {(['run', 'plans', 'instruments'] as const).map((id) => (
            <Tab key={id} value={id} label={t(`benchUi.tabs.${id}`)} sx={{ minHeight: 48 }} />
          ))}
        </Tabs>
      )}
      {tab === 'plans' && <PlanEditor />}
      {tab === 'instruments' && <InstrumentsPanel />}
      {(error ?? bench.error) && (
        <ErrorMessage
          error={(error ?? bench.error) as AppErrorValue}
          onClose={() => {
            setError(null);
            bench.setError(null);
          }}
        />
      )}
      {note && (
        <Alert severity="success" role="status">
          {note}
        </Alert>
      )}
      {tab === 'run' && !job && (
        <Paper sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
            {t('benchUi.queue')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('benchUi.scanHint')}
          </Typography>
          {jobs.length === 0 && <Typography sx={{ mt: 1 }}>{t('benchUi.noJobs')}</Typography>}
          <Table size="small">
            <TableBody>
              {jobs.map((j) => (
                <TableRow
                  key={j.id}
                  hover
                  tabIndex={0}
                  data-job-id={j.id}
                  sx={{ cursor: 'pointer', height: 56 }}
                  onClick={() => void open(j.id)}
                  onKeyDown={(e) => e.key === 'Enter' && void open(j.id)}
                >
                  <TableCell sx={{ fontFamily: 'monospace' }}>{j.id}</TableCell>
                  <TableCell>{`${j.brand} ${j.model}`}</TableCell>
                  <TableCell>{t(`repairs.fault.${j.faultCode}`)}</TableCell>
                  <TableCell>{t(`repairs.status.${j.status}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {tab === 'run' && job && job.status === 'repairing' && (
        <Button
          variant="outlined"
          size="large"
          onClick={() => void move('testing')}
          sx={{ alignSelf: 'flex-start', minHeight: 48 }}
        >
          {t('benchUi.toTesting')}
        </Button>
      )}
      {tab === 'run' && job && bench.run && (
        <RunPanel
          run={bench.run}
          live={live}
          onRetest={(i) => void bench.retest(i)}
          onManual={(i, v) => void bench.manual(i, v)}
          onToQc={job.status === 'testing' ? () => void move('qc') : null}
        />
      )}
    </Stack>
  );
}
