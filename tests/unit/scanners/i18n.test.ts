import { describe, expect, it } from 'vitest';
import { HID_POS_ERRORS } from '../../../core/hardware/scanners/hid-pos-assembler';
import { LINE_ERRORS } from '../../../core/hardware/scanners/line-framer';
import { SCANNER_STATES } from '../../../core/hardware/scanners/scanner-events';
import { SCAN_KINDS, SCAN_ROUTES, UNKNOWN_SCAN_REASONS } from '../../../shared/domain/codes/classify';
import { DOCUMENT_TYPES } from '../../../shared/domain/codes/document-number';
import { GS1_AIS } from '../../../shared/domain/codes/gs1-ai-table';
import { SCAN_SOURCES } from '../../../shared/domain/scanner/scan-event';
import { scannerMessages } from '../../../shared/i18n/areas/scanner';
import { resources } from '../../../shared/i18n';
import { lookup } from '../../../shared/i18n/translate';
import { LOCALES, type MessageTree } from '../../../shared/i18n/types';

function leafKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leafKeys(v, `${prefix}${k}.`),
  );
}

describe('scanner i18n area', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(leafKeys(scannerMessages['en-US']).sort()).toEqual(leafKeys(scannerMessages['zh-CN']).sort());
  });

  it('names every scan kind, document type, route, reason, GS1 field, source, status and read error', () => {
    const keys = [
      ...SCAN_KINDS.map((k) => `kind.${k}`),
      ...DOCUMENT_TYPES.map((k) => `documentType.${k}`),
      ...SCAN_ROUTES.map((k) => `route.${k}`),
      ...UNKNOWN_SCAN_REASONS.map((k) => `unknownReason.${k}`),
      ...GS1_AIS.map((s) => `gs1Field.${s.field}`),
      ...SCAN_SOURCES.map((k) => `source.${k}`),
      ...SCANNER_STATES.map((k) => `status.${k}`),
      'status.enumerateFailed',
      'status.openFailed',
      ...HID_POS_ERRORS.map((k) => `readError.${k}`),
      ...LINE_ERRORS.map((k) => `readError.${k}`),
    ];
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const key of keys) expect(lookup(scannerMessages[locale], key), `${locale} ${key}`).toBeTruthy();
    }
    expect(lookup(scannerMessages['zh-CN'], 'kind.imei')).toBe('IMEI 串号');
  });

  it('the full keys the drivers put in ScannerStatus.messageKey resolve in the merged resources', () => {
    for (const l of LOCALES) {
      for (const key of [...SCANNER_STATES, 'enumerateFailed', 'openFailed'])
        expect(lookup(resources[l], `scanner.status.${key}`), `${l} ${key}`).toBeTruthy();
    }
  });

  it('status messages that name the device take the same placeholders in both locales', () => {
    for (const key of leafKeys(scannerMessages['zh-CN'])) {
      const zh = lookup(scannerMessages['zh-CN'], key) ?? '';
      const en = lookup(scannerMessages['en-US'], key) ?? '';
      const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
      expect(vars(en), key).toEqual(vars(zh));
    }
  });
});
