/**
 * The inspection of one line: the category's checklist (✓ / ✗ per item, required ones marked),
 * condition grade, the serial/IMEI scanned from the item against the sale, where the item goes,
 * and notes. Everything typed stays in the work (Esc never loses it).
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScanTargetHint } from '../../app/scan/scan-status';
import { useScanTarget } from '../../app/scan/use-scan-target';
import { CONDITION_GRADES, type ConditionGrade } from '../../../../shared/domain/policy/vocabulary';
import type { Disposition } from '../../../../shared/domain/returns/dispositions';
import { sameSerial } from '../../../../shared/domain/returns/inspection';
import { scanValue, SERIAL_SCANS } from './scan-value';
import { wrapGroupSx } from './toggle-styles';
import { lineChecklist, lineDispositions, type LineFacts, type LineWork } from './work';

export interface InspectionFormProps {
  line: LineWork;
  facts: LineFacts;
  /** The item's name (says whose serial a scan fills). */
  name: string;
  /** The disposition core picked when the clerk did not. */
  defaultDisposition: Disposition | null;
  onChange: (change: Partial<LineWork>) => void;
}

/** Sets the serial and, when the sale recorded one, the ✓/✗ of "serial matches" from the comparison. */
export function serialChange(line: LineWork, facts: LineFacts, value: string): Partial<LineWork> {
  const v = value.trim();
  if (!facts.saleSerial || v === '') return { serialScanned: value };
  return {
    serialScanned: value,
    answers: { ...line.answers, serial_matches: sameSerial(v, facts.saleSerial) },
  };
}

/** The form of one line. */
export function InspectionForm({ line, facts, name, defaultDisposition, onChange }: InspectionFormProps) {
  const { t } = useTranslation();
  const { items, required } = lineChecklist(line, facts);
  const hasSerial = facts.saleSerial !== null;
  const serial = line.serialScanned.trim();
  const dispositions = lineDispositions(line);
  const disposition =
    line.disposition && dispositions.includes(line.disposition)
      ? line.disposition
      : (defaultDisposition ?? dispositions[0] ?? null);

  const scan = useScanTarget(SERIAL_SCANS, (s) => onChange(serialChange(line, facts, scanValue(s))), {
    label: t('returnsUi.scanTo.serial', { name: name }),
    enabled: hasSerial,
  });

  const answer = (item: string, ok: boolean | null) => {
    const next = { ...line.answers };
    if (ok === null) delete next[item];
    else next[item] = ok;
    onChange({ answers: next });
  };
  const allOk = () => {
    const next = { ...line.answers };
    for (const id of required) next[id] = true;
    onChange({ answers: next });
  };
  const onSerialKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    onChange(serialChange(line, facts, e.currentTarget.value));
  };

  return (
    <Stack spacing={2} data-testid="inspection">
      <Box>
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700, mb: 0.75 }}>
          {t('returnsUi.check.grade')}
        </Typography>
        <ToggleButtonGroup
          exclusive
          value={line.grade}
          onChange={(_e, v: ConditionGrade | null) => {
            if (v) onChange({ grade: v });
          }}
          aria-label={t('returnsUi.check.grade')}
          sx={wrapGroupSx}
        >
          {CONDITION_GRADES.map((g) => (
            <ToggleButton key={g} value={g} data-grade={g} sx={{ px: 1.5 }}>
              {t(`policy.grade.${g}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>

      {hasSerial && (
        <Box data-own-enter ref={scan.ref}>
          <TextField
            label={t('returnsUi.check.serialLabel')}
            name={`serial-${line.lineNo}`}
            value={line.serialScanned}
            onChange={(e) => onChange({ serialScanned: e.target.value })}
            onBlur={(e) => onChange(serialChange(line, facts, e.target.value))}
            onKeyDown={onSerialKey}
            fullWidth
            helperText={
              serial && facts.saleSerial
                ? sameSerial(serial, facts.saleSerial)
                  ? t('returnsUi.check.serialMatch')
                  : t('returnsUi.check.serialMismatch')
                : t('returnsUi.check.serialSold', { serial: facts.saleSerial })
            }
            error={!!serial && !!facts.saleSerial && !sameSerial(serial, facts.saleSerial)}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 60 } }}
          />
          <ScanTargetHint label={t('returnsUi.scanTo.serial', { name })} active={scan.active} />
        </Box>
      )}

      <Box>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700, flex: 1 }}>
            {t('returnsUi.check.checklist')}
          </Typography>
          <Button variant="outlined" onClick={allOk} data-testid="all-ok" data-enter-advances>
            {t('returnsUi.check.allOk')}
          </Button>
        </Stack>
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {items.map((id) => {
            const value = line.answers[id];
            const req = required.includes(id);
            return (
              <Box
                component="li"
                key={id}
                data-item={id}
                data-answer={value === undefined ? '' : value ? 'yes' : 'no'}
                sx={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 2,
                  py: 0.5,
                  borderBottom: 1,
                  borderColor: 'divider',
                }}
              >
                <Typography
                  sx={{ flex: 1, color: req || value !== undefined ? 'text.primary' : 'text.secondary' }}
                >
                  {t(`returns.checklist.${id}`)}
                  {req && value === undefined && (
                    <Typography component="span" color="warning.main" sx={{ ml: 1, fontSize: '0.875rem' }}>
                      {t('returnsUi.check.required')}
                    </Typography>
                  )}
                </Typography>
                <ToggleButtonGroup
                  exclusive
                  size="small"
                  value={value === undefined ? null : value ? 'yes' : 'no'}
                  onChange={(_e, v: 'yes' | 'no' | null) => answer(id, v === null ? null : v === 'yes')}
                  aria-label={t(`returns.checklist.${id}`)}
                >
                  <ToggleButton
                    value="yes"
                    sx={{
                      minWidth: 72,
                      '&.Mui-selected': { bgcolor: 'success.main', color: '#fff' },
                      '&.Mui-selected:hover': { bgcolor: 'success.dark' },
                    }}
                  >
                    ✓ {t('returnsUi.check.yes')}
                  </ToggleButton>
                  <ToggleButton
                    value="no"
                    sx={{
                      minWidth: 72,
                      '&.Mui-selected': { bgcolor: 'error.main', color: '#fff' },
                      '&.Mui-selected:hover': { bgcolor: 'error.dark' },
                    }}
                  >
                    ✗ {t('returnsUi.check.no')}
                  </ToggleButton>
                </ToggleButtonGroup>
              </Box>
            );
          })}
        </Box>
      </Box>

      {disposition && (
        <Box>
          <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700, mb: 0.75 }}>
            {t('returnsUi.check.disposition')}
          </Typography>
          <ToggleButtonGroup
            exclusive
            value={disposition}
            onChange={(_e, v: Disposition | null) => {
              if (v) onChange({ disposition: v });
            }}
            aria-label={t('returnsUi.check.disposition')}
            sx={wrapGroupSx}
          >
            {dispositions.map((d) => (
              <ToggleButton key={d} value={d} data-disposition={d} sx={{ px: 1.5 }}>
                {t(`returns.disposition.${d}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
      )}

      <TextField
        label={t('returnsUi.check.notes')}
        name={`notes-${line.lineNo}`}
        value={line.notes}
        onChange={(e) => onChange({ notes: e.target.value })}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 1000 } }}
      />
    </Stack>
  );
}
