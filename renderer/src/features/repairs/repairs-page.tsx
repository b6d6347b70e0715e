/**
 * The Repairs area: the queue (filters, search), a new intake (F9 registers), and a job's screen.
 * A job number scanned anywhere opens that job here.
 */
import ArrowBack from '@mui/icons-material/ArrowBack';
import Add from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHotkey } from '../../app/hotkeys-react';
import { useSession } from '../../app/session-context';
import { hasAny } from '../../app/session-types';
import { IntakeForm } from './intake-form';
import { JobDetail } from './job-detail';
import { JobList } from './job-list';
import { useJobHandOff } from './use-job-hand-off';

type View = { kind: 'list' } | { kind: 'intake' } | { kind: 'job'; jobId: string; doc?: 'intake' };

/** Page shown when the repairs area is open. */
export function RepairsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [view, setView] = useState<View>({ kind: 'list' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [view.kind]);
  useJobHandOff('repairs', (jobId) => setView({ kind: 'job', jobId }));
  useHotkey('Escape', () => setView({ kind: 'list' }), view.kind !== 'list');
  const canIntake = hasAny(session, ['repairs.intake']);
  const mineFirst = session?.staff.role === 'technician';

  return (
    <Stack spacing={2} sx={{ p: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography ref={heading} tabIndex={-1} variant="h5" component="h1">
          {view.kind === 'intake' ? t('repairsUi.intake.title') : t('repairsUi.title')}
        </Typography>
        {view.kind !== 'list' && (
          <Button startIcon={<ArrowBack />} onClick={() => setView({ kind: 'list' })} sx={{ minHeight: 48 }}>
            {t('repairsUi.back')}
          </Button>
        )}
        {view.kind === 'list' && canIntake && (
          <Button
            variant="contained"
            size="large"
            startIcon={<Add />}
            onClick={() => setView({ kind: 'intake' })}
            sx={{ minHeight: 48 }}
          >
            {t('repairsUi.newIntake')}
          </Button>
        )}
      </Stack>
      {view.kind === 'list' && (
        <JobList initial={mineFirst ? 'mine' : 'open'} onOpen={(jobId) => setView({ kind: 'job', jobId })} />
      )}
      {view.kind === 'intake' && (
        <IntakeForm onDone={(r) => setView({ kind: 'job', jobId: r.job.id, doc: 'intake' })} />
      )}
      {view.kind === 'job' && <JobDetail key={view.jobId} jobId={view.jobId} initialDoc={view.doc} />}
    </Stack>
  );
}
