/** What every service receives: the database, the store, the clock, events, sessions and the services. */
import type { DbClient } from '../db/client';
import type { CoreServices } from './core-services';
import type { EventBus } from './events/event-bus';
import type { SessionStore } from './services/auth/session-store';

export type HostKind = 'electron' | 'web' | 'cli';

export interface CoreContext {
  readonly db: DbClient;
  readonly storeId: number;
  readonly dataDir: string;
  readonly version: string;
  readonly host: HostKind;
  readonly demo: boolean;
  readonly events: EventBus;
  readonly sessions: SessionStore;
  /** The long-lived services (devices, bench, reports, backups, notifications), built in compose.ts. */
  readonly services: CoreServices;
  /** UTC epoch ms; replaceable in tests. */
  now(): number;
}

/** One caller: an Electron window, a WebSocket connection, or a CLI invocation. */
export interface Connection {
  readonly id: string;
  sessionToken: string | null;
}
