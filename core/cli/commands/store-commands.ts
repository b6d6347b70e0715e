/** `counterdesk init` (an empty store with its first admin) and `counterdesk demo` (the demo store). */
import { saleCount } from '../../../db/repositories/sales/sale-writes';
import { writeSettings } from '../../../db/repositories/store/settings';
import { setStoreName, setStoreTimeZone } from '../../../db/repositories/store/stores';
import { AppError } from '../../../shared/contract/errors';
import { isValidTimeZone } from '../../../shared/domain/time/business-day';
import { composeCore } from '../../compose';
import { dbPath } from '../../data-dir';
import { createStaff } from '../../store/create-staff';
import { flagString, type ParsedArgs } from '../args';
import { EXIT } from '../exit-codes';
import type { Out } from '../output';
import { dataDirOf } from '../session';

export function initCommand(args: ParsedArgs, out: Out): number {
  const timeZone = flagString(args, 'time-zone') ?? 'Asia/Shanghai';
  const adminPin = flagString(args, 'admin-pin') ?? '';
  const adminCode = flagString(args, 'admin-code') ?? 'ADMIN';
  if (!/^\d{6,8}$/.test(adminPin)) throw new AppError('CLI_ADMIN_PIN_REQUIRED');
  if (!/^[A-Z0-9]{3,12}$/.test(adminCode)) throw new AppError('CLI_BAD_STAFF_CODE', { code: adminCode });
  if (!isValidTimeZone(timeZone)) throw new AppError('SETTINGS_BAD_TIME_ZONE', { timeZone });
  const dataDir = dataDirOf(args);
  const core = composeCore({ dataDir, host: 'cli', firstRun: 'empty' });
  try {
    if (!core.created) throw new AppError('STORE_EXISTS', { path: dbPath(dataDir) });
    const { db } = core.ctx;
    const now = core.ctx.now();
    const storeName = flagString(args, 'store-name') ?? 'CounterDesk';
    db.transaction(() => {
      writeSettings(db, core.ctx.storeId, { storeName, timeZone }, now);
      setStoreName(db, core.ctx.storeId, storeName);
      setStoreTimeZone(db, core.ctx.storeId, timeZone);
    });
    const name = flagString(args, 'admin-name') ?? 'Admin';
    const id = createStaff(
      db,
      core.ctx.storeId,
      { code: adminCode, name, role: 'admin', pin: adminPin },
      now,
      null,
    );
    if (out.json) out.data({ dataDir, storeId: core.ctx.storeId, adminId: id });
    else out.print(out.t('cli.initDone', { path: dbPath(dataDir), code: adminCode }));
    return EXIT.OK;
  } finally {
    core.close();
  }
}

export function demoCommand(args: ParsedArgs, out: Out): number {
  const dataDir = dataDirOf(args);
  const core = composeCore({ dataDir, host: 'cli', firstRun: 'demo' });
  try {
    if (!core.created) throw new AppError('STORE_EXISTS', { path: dbPath(dataDir) });
    const sales = saleCount(core.ctx.db);
    if (out.json) out.data({ dataDir, sales });
    else out.print(out.t('cli.demoDone', { path: dbPath(dataDir), sales }));
    return EXIT.OK;
  } finally {
    core.close();
  }
}
