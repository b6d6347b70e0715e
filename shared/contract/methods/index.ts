/**
 * THE contract: every method the renderer (or CLI) can call. IPC handlers, the WebSocket
 * bridge, the renderer's api facade and `counterdesk methods` are all derived from this map.
 * Adding a method = one entry in an area file + its handler in core/services.
 */
import { joinAreas } from '../define';
import { appMethods } from './app';
import { auditMethods } from './audit';
import { authMethods } from './auth';
import { backupMethods } from './backup';
import { benchMethods } from './bench';
import { devicesMethods } from './devices';
import { repairsMethods } from './repairs';
import { reportsMethods } from './reports';
import { returnsMethods } from './returns';
import { salesMethods } from './sales';
import { settingsMethods } from './settings';

export const methods = joinAreas(
  appMethods,
  authMethods,
  settingsMethods,
  backupMethods,
  salesMethods,
  auditMethods,
  devicesMethods,
  returnsMethods,
  repairsMethods,
  benchMethods,
  reportsMethods,
);
