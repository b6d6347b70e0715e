/**
 * Builds CounterDesk's core in plain Node (no Electron): opens and migrates the database,
 * makes sure a store exists (the demo store on a first run when asked), and wires every
 * contract method to its handler behind the one dispatcher. Electron main, the web host,
 * the CLI and the tests all start here.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../db/client';
import { storageError } from '../db/open';
import { startWalCheckpointer } from '../db/maintenance';
import { firstStoreId, storeFacts } from '../db/repositories/store/store-facts';
import { APP_VERSION } from '../shared/app-version';
import { AppError } from '../shared/contract/errors';
import type { Connection, CoreContext, HostKind } from './context';
import { createServices } from './core-services';
import { preMigrationBackup } from './services/backup/pre-migration';
import { dbPath, makeDataPrivate } from './data-dir';
import { seedDemoStaff } from './demo/seed-demo';
import { seedDemoRepairs } from './demo/seed-demo-repairs';
import { seedDemoData } from './demo/seed-demo-sales';
import { seedDemoDevices } from './services/devices/demo-devices';
import { backupHandlers } from './services/backup/backup-handlers';
import { reportHandlers } from './services/reports/report-handlers';
import { deviceHandlers } from './services/devices/device-handlers';
import { printHandlers } from './services/print/print-handlers';
import { createDispatcher, type Dispatcher, type DispatchLog } from './dispatch/dispatcher';
import type { Area, AreaHandlers, HandlerMap } from './dispatch/handlers';
import { EventBus } from './events/event-bus';
import { appHandlers } from './services/app/app-handlers';
import { auditHandlers } from './services/audit/audit-handlers';
import { benchHandlers } from './services/bench/bench-handlers';
import { authHandlers } from './services/auth/auth-handlers';
import { overrideHandlers } from './services/auth/override';
import { SessionStore } from './services/auth/session-store';
import { repairHandlers } from './services/repairs/repair-handlers';
import { repairWorkHandlers } from './services/repairs/repair-work-handlers';
import { returnsHandlers } from './services/returns/returns-handlers';
import { salesImportHandlers } from './services/sales/import/import-handlers';
import { salesLookupHandlers } from './services/sales/sales-handlers';
import { salesSearchHandlers } from './services/sales/sales-search';
import { settingsHandlers } from './services/settings/settings-handlers';
import { sweepExpiredDrafts } from './services/returns/drafts';
import { ensureStore } from './store/init-store';

export type FirstRun = 'demo' | 'empty' | 'refuse';

export interface ComposeOptions {
  dataDir: string;
  host: HostKind;
  /** What to do when the database has no store yet. */
  firstRun?: FirstRun;
  now?: () => number;
  migrationsFolder?: string;
  log?: DispatchLog;
  /** Open the configured devices and run the print queue (web host, Electron); default false. */
  startDevices?: boolean;
}

export interface Core {
  readonly ctx: CoreContext;
  readonly dispatcher: Dispatcher;
  /** True when this start created the store (and, for 'demo', its demo data). */
  readonly created: boolean;
  connect(): Connection;
  close(): void;
}

/** Every contract area and its handlers: an area's map must cover exactly the area's methods. */
const areas: { [A in Area]: AreaHandlers<A> } = {
  app: appHandlers,
  auth: { ...authHandlers, ...overrideHandlers },
  settings: settingsHandlers,
  backup: backupHandlers,
  sales: { ...salesLookupHandlers, ...salesSearchHandlers, ...salesImportHandlers },
  audit: auditHandlers,
  devices: deviceHandlers,
  print: printHandlers,
  returns: returnsHandlers,
  repairs: { ...repairHandlers, ...repairWorkHandlers },
  bench: benchHandlers,
  reports: reportHandlers,
};

export const handlers: HandlerMap = Object.assign({}, ...Object.values(areas)) as HandlerMap;

export function composeCore(opts: ComposeOptions): Core {
  const now = opts.now ?? Date.now;
  makeDataPrivate(opts.dataDir);
  const db = openDatabase(dbPath(opts.dataDir), {
    migrationsFolder: opts.migrationsFolder,
    beforeApply: preMigrationBackup(opts.dataDir, now),
  });
  try {
    const hasStore = firstStoreId(db) !== null;
    const firstRun = opts.firstRun ?? 'refuse';
    if (!hasStore && firstRun === 'refuse')
      throw new AppError('STORE_NOT_INITIALISED', { dataDir: opts.dataDir });
    const demo = !hasStore && firstRun === 'demo';
    const storeId = ensureStore(
      db,
      {
        code: demo ? 'DEMO' : 'STORE',
        name: demo ? '演示门店 · CounterDesk Demo' : 'CounterDesk',
        timeZone: 'Asia/Shanghai',
        currency: 'CNY',
        locale: 'zh-CN',
        demo,
      },
      now(),
    );
    sweepExpiredDrafts(db, now()); // expired return drafts go at start too (and on every list)
    if (demo) {
      seedDemoStaff(db, storeId, now());
      seedDemoData(db, storeId, now());
      seedDemoRepairs(db, storeId, now(), opts.dataDir);
      seedDemoDevices(db, now());
    }
    const isDemo = storeFacts(db, storeId).demo;
    const ctx: CoreContext = {
      db,
      storeId,
      dataDir: opts.dataDir,
      version: APP_VERSION,
      host: opts.host,
      demo: isDemo,
      events: new EventBus(),
      sessions: new SessionStore(),
      now,
      services: createServices(() => ctx),
    };
    const dispatcher = createDispatcher(ctx, handlers, opts.log);
    const stopCheckpoints = startWalCheckpointer(db);
    const devices = ctx.services.devices;
    if (opts.startDevices)
      devices.start().catch((e: unknown) => (opts.log ?? console).error('devices: start failed', e));
    return {
      ctx,
      dispatcher,
      created: !hasStore,
      connect: () => ({ id: randomUUID(), sessionToken: null }),
      close: () => {
        stopCheckpoints();
        ctx.services.close();
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw storageError(e, db.path) ?? e;
  }
}
