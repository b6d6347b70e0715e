/** Which page component each navigation area shows. */
import type { ComponentType } from 'react';
import { BenchPage } from '../bench/bench-page';
import { DevicesPage } from '../devices/devices-page';
import { RepairsPage } from '../repairs/repairs-page';
import { ReportsPage } from '../reports/reports-page';
import { ReturnsPage } from '../returns/returns-page';
import { SettingsPage } from '../settings/settings-page';
import type { AreaId } from './areas';

export const AREA_PAGES: Record<AreaId, ComponentType> = {
  returns: ReturnsPage,
  repairs: RepairsPage,
  bench: BenchPage,
  reports: ReportsPage,
  devices: DevicesPage,
  settings: SettingsPage,
};
