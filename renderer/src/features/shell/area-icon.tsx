/** The icon of each navigation area. */
import AssessmentOutlined from '@mui/icons-material/AssessmentOutlined';
import AssignmentReturnOutlined from '@mui/icons-material/AssignmentReturnOutlined';
import BuildOutlined from '@mui/icons-material/BuildOutlined';
import DevicesOtherOutlined from '@mui/icons-material/DevicesOtherOutlined';
import ElectricMeterOutlined from '@mui/icons-material/ElectricMeterOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { AreaId } from './areas';

const ICONS = {
  returns: AssignmentReturnOutlined,
  repairs: BuildOutlined,
  bench: ElectricMeterOutlined,
  reports: AssessmentOutlined,
  devices: DevicesOtherOutlined,
  settings: SettingsOutlined,
} satisfies Record<AreaId, unknown>;

/** Renders the area's icon at the given size. */
export function AreaIcon({ area, fontSize = 'medium' }: { area: AreaId; fontSize?: 'medium' | 'large' }) {
  const Icon = ICONS[area];
  return <Icon fontSize={fontSize} />;
}
