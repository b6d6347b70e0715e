/**
 * Intake, device: category, brand, model, the serial/IMEI field (a scan target: a keyboard-wedge or
 * HID scan lands in it and runs the warranty check, as when the clerk leaves the field), receipt,
 * fault; the warranty note and an open job for the same device.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { REPAIR_CATEGORIES, repairCategory } from '../../../../shared/domain/repairs/categories';
import { ScanTargetHint } from '../../app/scan/scan-status';
import { useScanTarget } from '../../app/scan/use-scan-target';
import { emptyIntake } from './intake-state';
import { IntakeSection, type IntakePartProps } from './intake-section';
import { SERIAL_SCANS, serialOfScan } from './serial-scan';
import type { WarrantyPrecheck } from './use-warranty-precheck';
import { WarrantyNote } from './warranty-note';

export function IntakeDevice({ s, set, precheck }: IntakePartProps & { precheck: WarrantyPrecheck }) {
  const { t } = useTranslation();
  const cat = repairCategory(s.categoryCode);
  const { pre } = precheck;
  const serialScan = useScanTarget(
    SERIAL_SCANS,
    (scan) => {
      const serial = serialOfScan(scan);
      set({ serial });
      void precheck.run(serial);
    },
    { label: t('repairsUi.intake.scanSerial') },
  );
  return (
    <IntakeSection title={t('repairsUi.intake.device')}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          select
          label={t('repairsUi.intake.category')}
          value={s.categoryCode}
          onChange={(e) => {
            const next = emptyIntake(e.target.value);
            precheck.clear();
            set({
              categoryCode: next.categoryCode,
              faultCode: next.faultCode,
              condition: next.condition,
              accessories: [],
              passcodePolicy: next.passcodePolicy,
            });
          }}
          sx={{ minWidth: 180 }}
          slotProps={{ htmlInput: { 'data-testid': 'intake-category' } }}
        >
          {Object.keys(REPAIR_CATEGORIES).map((c) => (
            <MenuItem key={c} value={c}>
              {t(`repairsUi.category.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('repairsUi.intake.brand')}
          name="brand"
          value={s.brand}
          onChange={(e) => set({ brand: e.target.value })}
        />
        <TextField
          label={t('repairsUi.intake.model')}
          name="model"
          value={s.model}
          onChange={(e) => set({ model: e.target.value })}
        />
        <Box ref={serialScan.ref}>
          <TextField
            label={t('repairsUi.intake.serial')}
            name="serial"
            value={s.serial}
            onChange={(e) => set({ serial: e.target.value })}
            onBlur={() => s.serial.trim().length >= 4 && void precheck.run()}
            slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false, maxLength: 40 } }}
          />
          <ScanTargetHint label={t('repairsUi.intake.scanSerial')} active={serialScan.active} />
        </Box>
        <TextField
          label={t('repairsUi.intake.receiptNo')}
          name="receiptNo"
          value={s.receiptNo}
          onChange={(e) => set({ receiptNo: e.target.value })}
        />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={t('repairsUi.intake.fault')}
          value={s.faultCode}
          onChange={(e) => {
            precheck.clear();
            set({ faultCode: e.target.value });
          }}
          sx={{ minWidth: 280 }}
          slotProps={{ htmlInput: { 'data-testid': 'intake-fault' } }}
        >
          {cat.faults.map((f) => (
            <MenuItem key={f} value={f}>
              {t(`repairs.fault.${f}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('repairsUi.intake.faultText')}
          name="faultText"
          value={s.faultText}
          onChange={(e) => set({ faultText: e.target.value })}
          sx={{ flex: 1 }}
        />
        <Button variant="outlined" onClick={() => void precheck.run()} sx={{ minHeight: 48 }}>
          {t('repairsUi.intake.check')}
        </Button>
      </Stack>
      {pre && <WarrantyNote warranty={pre.warranty} repeat={pre.repeat} />}
      {pre?.openJobId && (
        <Alert severity="error">{t('repairsUi.intake.openJob', { jobId: pre.openJobId })}</Alert>
      )}
    </IntakeSection>
  );
}
