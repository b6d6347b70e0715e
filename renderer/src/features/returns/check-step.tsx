/**
 * Step 3, check: for every picked line, the policy panel (why it is allowed, refused or needs the
 * manager, with the dates) next to its inspection: checklist, grade, serial, disposition, notes.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../app/error-message';
import { InspectionForm } from './inspection-form';
import { PolicyPanel } from './policy-panel';
import type { ReturnFlow } from './use-return-flow';
import { pickedLines } from './work';

export interface CheckStepProps {
  flow: ReturnFlow;
}

/** The check screen; the heading takes the focus (a serial/IMEI scan fills the item's serial field). */
export function CheckStep({ flow }: CheckStepProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { quote } = flow;
  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography
          variant="h5"
          component="h2"
          ref={heading}
          tabIndex={-1}
          sx={{ fontWeight: 700, flex: 1, outline: 'none' }}
        >
          {t('returnsUi.check.heading')}
        </Typography>
        {quote.loading && <Typography color="text.secondary">{t('returnsUi.check.quoting')}</Typography>}
      </Stack>
      <Box sx={{ height: 4 }}>{quote.loading && <LinearProgress />}</Box>
      {quote.error && <ErrorMessage error={quote.error} />}
      {pickedLines(flow.work).map((line) => {
        const facts = flow.facts(line.lineNo);
        if (!facts) return null;
        const q = quote.quote?.lines.find((l) => l.lineNo === line.lineNo);
        return (
          <Paper key={line.lineNo} variant="outlined" sx={{ p: 2.5 }} data-check-line={line.lineNo}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', mb: 2 }}>
              <Typography variant="h6" component="h3" sx={{ fontWeight: 700 }}>
                {flow.lineName(line.lineNo)}
              </Typography>
              <Chip size="small" label={`× ${line.qty}`} />
              {line.reason && (
                <Chip size="small" variant="outlined" label={t(`policy.returnReason.${line.reason}`)} />
              )}
            </Stack>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.15fr)', gap: 3 }}>
              <Stack spacing={1.5}>
                {q ? (
                  <PolicyPanel line={q} />
                ) : (
                  <Typography color="text.secondary">{t('returnsUi.check.quoting')}</Typography>
                )}
                {line.grade === null && <Alert severity="info">{t('returnsUi.check.needGrade')}</Alert>}
              </Stack>
              <InspectionForm
                line={line}
                facts={facts}
                name={flow.lineName(line.lineNo) ?? ''}
                defaultDisposition={q?.disposition ?? null}
                onChange={(change) => flow.updateLine(line.lineNo, change)}
              />
            </Box>
          </Paper>
        );
      })}
    </Stack>
  );
}
