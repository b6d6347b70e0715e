/**
 * Assignment (a technician, or automatic by skill and load) and spare parts booked onto the job; the
 * part picker shows each part's stock and a low-stock badge at the part's threshold.
 */
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { RepairJob } from '../../../../shared/contract/methods/repairs';
import { useApi } from '../../app/api-context';

type Technicians = MethodOutput<'repairs.technicians'>;
type Parts = MethodOutput<'repairs.parts'>;

/** The panel; `act(method, input, ok)` runs an action that returns the updated job. */
export function JobWorkPanel({
  job,
  busy,
  canWork,
  act,
}: {
  job: RepairJob;
  busy: boolean;
  canWork: boolean;
  act: (
    method: 'repairs.assign' | 'repairs.autoAssign' | 'repairs.addPart',
    input: Record<string, unknown>,
  ) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [techs, setTechs] = useState<Technicians>([]);
  const [parts, setParts] = useState<Parts>([]);
  const [tech, setTech] = useState<number | ''>('');
  const [sku, setSku] = useState('');
  const [qty, setQty] = useState('1');
  useEffect(() => {
    void api.call('repairs.technicians', {}).then((r) => r.ok && setTechs(r.value));
    void api.call('repairs.parts', {}).then((r) => r.ok && setParts(r.value));
  }, [api, job.id]);
  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} useFlexGap>
          <TextField
            select
            label={t('repairsUi.job.assign')}
            value={tech}
            onChange={(e) => setTech(Number(e.target.value))}
            sx={{ minWidth: 240 }}
            slotProps={{ htmlInput: { 'data-testid': 'assign-select' } }}
          >
            {techs.map((x) => (
              <MenuItem key={x.staff.id} value={x.staff.id}>
                {`${x.staff.name} (${x.openJobs})`}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="outlined"
            disabled={busy || tech === ''}
            sx={{ minHeight: 48 }}
            onClick={() => act('repairs.assign', { jobId: job.id, technicianId: tech })}
          >
            {t('repairsUi.job.assign')}
          </Button>
          <Button
            variant="outlined"
            disabled={busy}
            sx={{ minHeight: 48 }}
            onClick={() => act('repairs.autoAssign', { jobId: job.id })}
          >
            {t('repairsUi.job.autoAssign')}
          </Button>
        </Stack>
        <Typography variant="subtitle2">{t('repairsUi.job.parts')}</Typography>
        {job.parts.length === 0 ? (
          <Typography color="text.secondary">{t('repairsUi.job.noParts')}</Typography>
        ) : (
          job.parts.map((p) => <Typography key={p.id} data-part={p.sku}>{`${p.name} ×${p.qty}`}</Typography>)
        )}
        {canWork && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField
              select
              label={t('repairsUi.job.partSku')}
              value={sku}
              onChange={(e) => setSku(e.target.value)}
              sx={{ minWidth: 320 }}
            >
              {parts.map((p) => (
                <MenuItem key={p.sku} value={p.sku} data-part-option={p.sku} data-low={p.low ? 'yes' : 'no'}>
                  {`${p.name} · ${t('repairsUi.job.partStock', { n: p.stockQty })}`}
                  {p.low && (
                    <Chip
                      size="small"
                      color="warning"
                      label={t('repairsUi.job.lowStock')}
                      sx={{ ml: 1 }}
                      data-testid="low-stock-badge"
                    />
                  )}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('repairsUi.job.partQty')}
              value={qty}
              onChange={(e) => setQty(e.target.value)}
              sx={{ width: 96 }}
            />
            <Button
              variant="outlined"
              disabled={busy || !sku}
              sx={{ minHeight: 48 }}
              onClick={() => act('repairs.addPart', { jobId: job.id, sku, qty: Number(qty) })}
            >
              {t('repairsUi.job.addPart')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
