/**
 * Clean shutdown of a host process (web host, `counterdesk host`) on SIGTERM/SIGINT at any moment
 * after it starts: the handlers are installed before anything is opened, every resource registers how
 * it is released as it is acquired, and a signal during start-up waits for the step in progress, then
 * releases what was acquired (newest first) and exits 0. Nothing is left half-open: the database is
 * closed (WAL checkpointed), the instance lock released.
 */

type Release = () => void | Promise<void>;

export interface HostShutdown {
  /** Registers how to release a resource just acquired (released newest first). */
  onStop(release: Release): void;
  /** True once a signal asked the host to stop. */
  readonly requested: boolean;
  /** Call when start-up finished: a stop asked during start-up happens now. */
  ready(): void;
  /** Releases everything and exits with `code` (used by signals and by a failed start). */
  stop(code?: number): Promise<void>;
  /** Removes the signal handlers (tests). */
  dispose(): void;
}

export function installHostShutdown(
  log: { error(message: string, detail?: unknown): void } = console,
  exit: (code: number) => void = (code) => process.exit(code),
): HostShutdown {
  const releases: Release[] = [];
  let requested = false;
  let started = false;
  let stopping: Promise<void> | null = null;

  const stop = (code = 0): Promise<void> => {
    stopping ??= (async () => {
      for (const release of releases.reverse()) {
        try {
          await release();
        } catch (e) {
          log.error('CounterDesk: error while stopping', e);
        }
      }
      exit(code);
    })();
    return stopping;
  };
  const onSignal = () => {
    requested = true;
    if (started) void stop(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    onStop: (release) => {
      releases.push(release);
    },
    get requested() {
      return requested;
    },
    ready: () => {
      started = true;
      if (requested) void stop(0);
    },
    stop,
    dispose: () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}
