/** Every area's messages merged into one resource tree per locale (zh-CN default). */
import { appMessages } from './areas/app';
import { backupMessages } from './areas/backup';
import { benchUiMessages } from './areas/bench-ui';
import { cliMessages } from './areas/cli';
import { devicesMessages } from './areas/devices';
import { devicesUiMessages } from './areas/devices-ui';
import { errorsCoreMessages } from './areas/errors-core';
import { importMessages } from './areas/import';
import { inputIssuesMessages } from './areas/input-issues';
import { meterMessages } from './areas/meter';
import { moneyMessages } from './areas/money';
import { policyMessages } from './areas/policy';
import { printerMessages } from './areas/printer';
import { reliabilityMessages } from './areas/reliability';
import { repairsMessages } from './areas/repairs';
import { repairsUiMessages } from './areas/repairs-ui';
import { returnsMessages } from './areas/returns';
import { reportsMessages } from './areas/reports';
import { reportsUiMessages } from './areas/reports-ui';
import { returnsUiMessages } from './areas/returns-ui';
import { scannerMessages } from './areas/scanner';
import { settingsUiMessages } from './areas/settings-ui';
import { mergeAreas, namespaced } from './merge';

export const resources = mergeAreas([
  appMessages,
  errorsCoreMessages,
  inputIssuesMessages,
  moneyMessages,
  policyMessages,
  namespaced('import', importMessages),
  meterMessages,
  printerMessages,
  namespaced('scanner', scannerMessages),
  cliMessages,
  backupMessages,
  devicesMessages,
  devicesUiMessages,
  returnsMessages,
  returnsUiMessages,
  repairsMessages,
  reliabilityMessages,
  reportsUiMessages,
  reportsMessages,
  repairsUiMessages,
  benchUiMessages,
  settingsUiMessages,
]);
export { DEFAULT_LOCALE, LOCALES, type Locale } from './types';
