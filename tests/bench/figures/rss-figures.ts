/**
 * Memory after the full bench: the app's host process (the web host that served the browser group,
 * kept running until now) against the target, and the bench runner itself for reference (it holds
 * Playwright's client, tsx's transpile cache and the in-process cores of the other groups, none of
 * which the app carries).
 */
import type { Figure } from '../harness';
import { rssOfPid, type WebHost } from './browser-figures';

/** The web host's RSS (target ≤ 200 MB) and this bench runner's RSS and JS heap (no target). */
export function rssFigures(host: WebHost | null, hostNote: string): Figure[] {
  global.gc?.();
  const m = process.memoryUsage();
  const pid = host?.child.pid;
  return [
    {
      name: 'host process RSS after the bench',
      value: pid !== undefined && host?.child.exitCode === null ? rssOfPid(pid) : NaN,
      unit: 'MB',
      target: { op: '<=', value: 200 },
      note: `web host (core/main-web.ts), ${hostNote}`,
    },
    {
      name: 'bench runner RSS after the bench',
      value: m.rss / 1048576,
      unit: 'MB',
      note: `not the app: the process running the figures; heap used ${(m.heapUsed / 1048576).toFixed(0)} MB`,
    },
  ];
}
