/**
 * One repair job: its facts, the next steps the signed-in role may take (from the transition
 * table the core sends; moves that need a reason, quote or approval open a dialog), assignment and
 * parts, QC for inspectors, pickup at the counter, documents and customer messages, the timeline.
 * Every refusal from the core is shown as its translated sentence; nothing is lost.
 */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/contract/errors';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { isTerminal } from '../../../../shared/domain/repairs/statuses';
import { useApi } from '../../app/api-context';
import { ErrorMessage } from '../../app/error-message';
import { useSession } from '../../app/session-context';
import { hasAny } from '../../app/session-types';
import { JobDocsPanel } from './job-docs-panel';
import { JobFacts } from './job-facts';
import { JobTimeline } from './job-timeline';
import { JobWorkPanel } from './job-work-panel';
import { MoveDialog, type MoveRequest } from './move-dialog';
import { PickupPanel } from './pickup-panel';
import { QcPanel } from './qc-panel';
import { useJob } from './use-job';

type JobMethod = 'repairs.transition' | 'repairs.assign' | 'repairs.qc';

/** Who sees what parts cost the store (not only what the customer pays): those who see the day's money. */
const COST_PERMISSIONS = ['parts.cost'] as const;

/** The job screen; `initialDoc` opens a document at once (the intake receipt after an intake). */
export function JobDetail({ jobId, initialDoc }: { jobId: string; initialDoc?: 'intake' | 'pickup' }) {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const { job, error: loadError, setJob, reload } = useJob(jobId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [move, setMove] = useState<MoveRequest | null>(null);
  const [doc, setDoc] = useState(initialDoc);

  if (loadError) return <ErrorMessage error={loadError} />;
  if (!job) return <LinearProgress />;

  const run = async (
    method: string,
    input: Record<string, unknown>,
    ok: (j: RepairJob, raw: Record<string, unknown>) => string,
  ) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await api.call(method as JobMethod, input as never);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      void reload();
      return;
    }
    const value = r.value as RepairJob | { job: RepairJob };
    const next = 'job' in value ? value.job : value;
    setJob(next);
    setDone(ok(next, value as unknown as Record<string, unknown>));
  };
  const moved = (j: RepairJob) => t('repairsUi.job.moved', { status: t(`repairs.status.${j.status}`) });
  const transition = (to: string, fields: Record<string, unknown>) =>
    void run('repairs.transition', { jobId: job.id, to, expectedStatus: job.status, ...fields }, moved).then(
      () => setMove(null),
    );
  const steps = job.nextSteps.filter((s) => s.allowed && s.via === 'repairs.transition');
  const canQc = job.status === 'qc' && hasAny(session, ['repairs.qc']);
  const canPickup = job.status === 'ready' && hasAny(session, ['repairs.intake']);

  return (
    <Stack spacing={2} data-testid="job-detail" data-job-id={job.id}>
      <JobFacts job={job} showCost={hasAny(session, COST_PERMISSIONS)} />
      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
          {t('repairsUi.job.next')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {steps.length === 0 && !canQc && !canPickup && (
            <Typography color="text.secondary">{t('repairsUi.job.noNext')}</Typography>
          )}
          {steps.map((s) => (
            <Button
              key={s.to}
              variant="contained"
              size="large"
              disabled={busy}
              data-move-to={s.to}
              sx={{ minHeight: 48 }}
              onClick={() =>
                s.needs.length > 0 ? setMove({ to: s.to, needs: s.needs }) : transition(s.to, {})
              }
            >
              {t(`repairs.status.${s.to}`)}
            </Button>
          ))}
          {canQc && <Alert severity="info">{t('repairsUi.job.via.qc')}</Alert>}
          {canPickup && <Alert severity="info">{t('repairsUi.job.via.pickup')}</Alert>}
        </Stack>
      </Paper>
      {error && <ErrorMessage error={error} onClose={() => setError(null)} />}
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {canQc && (
        <QcPanel
          busy={busy}
          onSubmit={(fields) =>
            void run('repairs.qc', { jobId: job.id, ...fields }, () => t('repairsUi.qc.done'))
          }
        />
      )}
      {canPickup && (
        <PickupPanel
          job={job}
          busy={busy}
          onSubmit={(fields) =>
            void run('repairs.pickup', { jobId: job.id, ...fields }, (j) => {
              setDoc('pickup');
              return t('repairsUi.pickup.done', { until: j.repairWarrantyUntil ?? '' });
            })
          }
        />
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Stack spacing={2}>
            {!isTerminal(job.status) && (
              <JobWorkPanel
                job={job}
                busy={busy}
                canWork={hasAny(session, ['repairs.work'])}
                act={(method, input) =>
                  void run(method, input, (j, raw) => {
                    if (method !== 'repairs.addPart')
                      return t('repairsUi.job.assigned', { name: j.assignedTo?.name ?? '' });
                    const part = j.parts[j.parts.length - 1];
                    const low = raw.lowStock as Record<string, unknown> | null;
                    const text = t('repairsUi.job.partAdded', {
                      name: part?.name ?? '',
                      qty: part?.qty ?? 0,
                      left: Number(raw.stockLeft),
                    });
                    return low ? `${text} · ${t('repairs.lowStock', low)}` : text;
                  })
                }
              />
            )}
            <JobTimeline job={job} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <JobDocsPanel key={`${job.id}-${job.status}-${doc ?? ''}`} job={job} initial={doc} />
        </Grid>
      </Grid>
      <MoveDialog
        move={move}
        busy={busy}
        onConfirm={(f) => move && transition(move.to, f)}
        onClose={() => setMove(null)}
      />
    </Stack>
  );
}
